#include "transcriptionsettingspage.h"

#include "agentlist.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

using BackEnd = TranscriptionSettings::BackEnd;
using FirstSpeaker = TranscriptionSettings::FirstSpeaker;

// An agent row's back-end box holds this for "Default", else the BackEnd as an int.
constexpr int DefaultBackEnd = -1;
constexpr int AgentKeyRole = Qt::UserRole;

} // namespace

TranscriptionSettingsPage::TranscriptionSettingsPage(const TranscriptionSettings &settings, const QFuture<AgentList::Result> &agents,
                                                     QWidget *parent)
    : QWidget(parent)
    , m_loaded(settings)
    , m_backEnd(new QComboBox(this))
    , m_backEndHint(new QLabel(this))
    , m_url(new QLineEdit(settings.openAi.baseUrl.toString(), this))
    , m_model(new QLineEdit(settings.openAi.model, this))
    , m_apiKey(new QLineEdit(settings.openAi.apiKey, this))
    , m_language(new QLineEdit(settings.openAi.language, this))
    , m_timeout(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_agents(new QTableWidget(0, ColumnCount, this))
    , m_agentsNote(new QLabel(this))
{
    m_backEnd->addItem(tr("PocketSphinx (offline)"), int(BackEnd::PocketSphinx));
    m_backEnd->addItem(tr("OpenAI-compatible server"), int(BackEnd::OpenAi));
    m_backEnd->setCurrentIndex(m_backEnd->findData(int(settings.defaultBackEnd)));
    m_backEndHint->setWordWrap(true);
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_url->setToolTip(tr("A local whisper.cpp server, a faster-whisper server, or OpenAI itself."));
    m_model->setPlaceholderText(QStringLiteral("whisper-1"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("None"));
    m_language->setPlaceholderText(tr("Detected by the server"));
    m_language->setToolTip(tr("The calls' language as an ISO 639-1 code (en, de, …); empty: the server detects it."));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.openAi.timeoutMs / 1000);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the transcription server"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));

    auto *about = new QLabel(tr("Calls that come with a recording but no transcript are transcribed in the "
                                "background. Changes apply to the calls transcribed after you press OK."),
                             this);
    about->setWordWrap(true);
    auto *backEndForm = new QFormLayout;
    backEndForm->addRow(tr("Default &back-end:"), m_backEnd);
    backEndForm->addRow(QString(), m_backEndHint);

    auto *server = new QGroupBox(tr("OpenAI-compatible server"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("Server &URL:"), m_url);
    serverForm->addRow(tr("&Model:"), m_model);
    serverForm->addRow(tr("API &key:"), m_apiKey);
    serverForm->addRow(tr("&Language:"), m_language);
    serverForm->addRow(tr("&Timeout:"), m_timeout);
    serverForm->addRow(m_problem);

    m_agents->setHorizontalHeaderLabels({tr("Agent"), tr("Back-end"), tr("Who speaks first")});
    m_agents->horizontalHeader()->setSectionResizeMode(AgentColumn, QHeaderView::Stretch);
    m_agents->horizontalHeader()->setSectionResizeMode(BackEndColumn, QHeaderView::ResizeToContents);
    m_agents->horizontalHeader()->setSectionResizeMode(FirstSpeakerColumn, QHeaderView::ResizeToContents);
    m_agents->verticalHeader()->hide();
    m_agents->setSelectionMode(QAbstractItemView::NoSelection);
    m_agents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table for its choice boxes (chained after it in showAgents()).
    m_agents->setTabKeyNavigation(false);
    m_agentsNote->setWordWrap(true);
    m_agentsNote->setText(agents.isCanceled() ? tr("No database is open: there are no agents to list.")
                                                 : tr("Reading the agents…"));
    auto *perAgent = new QGroupBox(tr("Per agent"), this);
    auto *perAgentLayout = new QVBoxLayout(perAgent);
    auto *tableLabel = new QLabel(tr("An agent's own &choices (who speaks first decides which voice is the agent's):"),
                                  perAgent);
    tableLabel->setWordWrap(true);
    tableLabel->setBuddy(m_agents);
    perAgentLayout->addWidget(tableLabel);
    perAgentLayout->addWidget(m_agents, 1);
    perAgentLayout->addWidget(m_agentsNote);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(backEndForm);
    layout->addWidget(server);
    layout->addWidget(perAgent, 1);

    connect(m_backEnd, &QComboBox::currentIndexChanged, this, [this] {
        showBackEndHint();
        showProblem();
    });
    connect(m_url, &QLineEdit::textChanged, this, &TranscriptionSettingsPage::showProblem);
    connect(&m_agentsRead, &QFutureWatcher<AgentList::Result>::finished, this,
            [this] { showAgents(m_agentsRead.result()); });
    if (!agents.isCanceled())
        m_agentsRead.setFuture(agents);
    showBackEndHint();
    showProblem();
}

TranscriptionSettings TranscriptionSettingsPage::settings() const
{
    TranscriptionSettings settings = m_loaded;   // keeps the choices of agents not listed
    settings.defaultBackEnd = BackEnd(m_backEnd->currentData().toInt());
    settings.openAi.baseUrl = QUrl(m_url->text().trimmed());
    const QString model = m_model->text().trimmed();
    settings.openAi.model = model.isEmpty() ? OpenAiTranscriber::Options().model : model;
    settings.openAi.apiKey = m_apiKey->text().trimmed();
    settings.openAi.language = m_language->text().trimmed();
    settings.openAi.timeoutMs = m_timeout->value() * 1000;
    for (int row = 0; row < m_agents->rowCount(); ++row) {
        const QString key = m_agents->item(row, AgentColumn)->data(AgentKeyRole).toString();
        TranscriptionSettings::AgentChoice choice;
        if (const int backEnd = agentBackEndBox(row)->currentData().toInt(); backEnd != DefaultBackEnd)
            choice.backEnd = BackEnd(backEnd);
        choice.firstSpeaker = FirstSpeaker(agentFirstSpeakerBox(row)->currentData().toInt());
        if (choice == TranscriptionSettings::AgentChoice())
            settings.agents.remove(key);
        else
            settings.agents.insert(key, choice);
    }
    return settings;
}

void TranscriptionSettingsPage::showAgents(const AgentList::Result &read)
{
    QWidget *previous = m_agents;
    for (const AgentSettings &agent : read.agents) {
        const QString key = agent.agentKey.toString();
        if (key.isEmpty())
            continue;
        const QString name = AgentList::displayName(agent);
        const TranscriptionSettings::AgentChoice choice = m_loaded.agents.value(key);
        const int row = m_agents->rowCount();
        m_agents->insertRow(row);
        auto *item = new QTableWidgetItem(name);
        item->setData(AgentKeyRole, key);
        item->setToolTip(key);
        m_agents->setItem(row, AgentColumn, item);

        auto *backEnd = new QComboBox;
        backEnd->setAccessibleName(tr("Back-end for %1").arg(name));
        backEnd->addItem(tr("Default"), DefaultBackEnd);
        backEnd->addItem(tr("PocketSphinx"), int(BackEnd::PocketSphinx));
        backEnd->addItem(tr("OpenAI-compatible server"), int(BackEnd::OpenAi));
        backEnd->setCurrentIndex(backEnd->findData(choice.backEnd ? int(*choice.backEnd) : DefaultBackEnd));
        connect(backEnd, &QComboBox::currentIndexChanged, this, &TranscriptionSettingsPage::showProblem);
        m_agents->setCellWidget(row, BackEndColumn, backEnd);

        auto *firstSpeaker = new QComboBox;
        firstSpeaker->setAccessibleName(tr("Who speaks first in calls of %1").arg(name));
        firstSpeaker->addItem(tr("Agent"), int(FirstSpeaker::MainAgent));
        firstSpeaker->addItem(tr("Caller"), int(FirstSpeaker::Caller));
        firstSpeaker->setCurrentIndex(firstSpeaker->findData(int(choice.firstSpeaker)));
        m_agents->setCellWidget(row, FirstSpeakerColumn, firstSpeaker);

        // Created after the rest of the dialog: put them right after the table for Tab.
        setTabOrder(previous, backEnd);
        setTabOrder(backEnd, firstSpeaker);
        previous = firstSpeaker;
    }
    m_agents->resizeRowsToContents();
    m_agentsNote->setText(!read.error.isEmpty() ? tr("The agents could not be read: %1").arg(read.error)
                                                : tr("There are no agents in this database yet."));
    m_agentsNote->setVisible(m_agents->rowCount() == 0);
    showProblem();
}

void TranscriptionSettingsPage::showBackEndHint()
{
    m_backEndHint->setText(BackEnd(m_backEnd->currentData().toInt()) == BackEnd::PocketSphinx
                               ? tr("PocketSphinx transcribes on this computer: nothing leaves the machine.")
                               : tr("Each call's recording is uploaded to the server below."));
}

void TranscriptionSettingsPage::showProblem()
{
    // The reason of the default back-end, else of the first agent set to the server.
    const TranscriptionSettings shown = settings();
    QString reason;
    if (shown.defaultBackEnd == BackEnd::OpenAi)
        reason = shown.backEndFor(QString()).fallbackReason;
    for (auto it = shown.agents.cbegin(); reason.isEmpty() && it != shown.agents.cend(); ++it) {
        if (it.value().backEnd == BackEnd::OpenAi)
            reason = shown.backEndFor(it.key()).fallbackReason;
    }
    m_problem->setText(reason);
    m_problem->setVisible(!reason.isEmpty());
}

QComboBox *TranscriptionSettingsPage::agentBackEndBox(int row) const
{
    return qobject_cast<QComboBox *>(m_agents->cellWidget(row, BackEndColumn));
}

QComboBox *TranscriptionSettingsPage::agentFirstSpeakerBox(int row) const
{
    return qobject_cast<QComboBox *>(m_agents->cellWidget(row, FirstSpeakerColumn));
}
