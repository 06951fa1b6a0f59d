#include "listenersettingspage.h"

#include "listener/listenerconfig.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

ListenerSettingsPage::ListenerSettingsPage(const ListenerSettings &settings, QWidget *parent)
    : QWidget(parent), m_address(new QLineEdit(settings.address)), m_key(new QLineEdit(settings.apiKey))
{
    m_address->setAccessibleName(tr("Listener address"));
    m_address->setPlaceholderText(QString::fromLatin1(ListenerSettings::DefaultAddress));
    m_address->setToolTip(tr("host:port. 127.0.0.1 keeps the listener to this machine."));

    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    auto *show = new QPushButton(tr("Show"));
    show->setCheckable(true);
    show->setAccessibleName(tr("Show the API key"));
    auto *copy = new QPushButton(tr("Copy"));
    copy->setAccessibleName(tr("Copy the API key"));
    auto *generate = new QPushButton(tr("New Key"));
    generate->setAccessibleName(tr("Generate a new API key"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(show);
    keyRow->addWidget(copy);
    keyRow->addWidget(generate);

    auto *form = new QFormLayout(this);
    auto *explanation = new QLabel(tr("Point an agent or a provider's post-call webhook at this address to log its "
                                      "calls here. Requests must carry the key in the X-CEKURA-API-KEY header. "
                                      "A changed address or key restarts the listener."));
    explanation->setWordWrap(true);
    form->addRow(explanation);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("API key:"), keyRow);

    connect(show, &QPushButton::toggled, this,
            [this](bool shown) { m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_key->text().trimmed()); });
    connect(generate, &QPushButton::clicked, this, [this] { m_key->setText(ListenerConfig::generateApiKey()); });
}

ListenerSettings ListenerSettingsPage::settings() const
{
    ListenerSettings settings;
    settings.address = m_address->text().trimmed().isEmpty() ? m_address->placeholderText() : m_address->text().trimmed();
    settings.apiKey = m_key->text().trimmed();
    return settings;
}
