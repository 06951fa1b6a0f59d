#include "redactionsettingspage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

RedactionSettingsPage::RedactionSettingsPage(const RedactionSettings &settings, QWidget *parent)
    : QWidget(parent), m_audioFill(new QComboBox(this))
{
    m_audioFill->addItem(tr("Silence"), int(AudioRedactor::Fill::Silence));
    m_audioFill->addItem(tr("1 kHz tone"), int(AudioRedactor::Fill::Tone));
    m_audioFill->setCurrentIndex(m_audioFill->findData(int(settings.audioFill)));
    m_audioFill->setAccessibleName(tr("Redacted audio"));

    auto *about = new QLabel(tr("Calls whose redact_fields name kinds of personal data lose them from the transcript "
                                "and the recording. Changes apply to the recordings redacted after you press OK."),
                             this);
    about->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Redacted &audio:"), m_audioFill);
    auto *perAgent = new QLabel(tr("The kinds an agent's calls lose when they name none are set with "
                                   "<code>callscope agent set AGENT --redact-fields KIND,…</code>."),
                                this);
    perAgent->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(perAgent);
    layout->addStretch(1);
}

RedactionSettings RedactionSettingsPage::settings() const
{
    RedactionSettings settings;
    settings.audioFill = AudioRedactor::Fill(m_audioFill->currentData().toInt());
    return settings;
}
