#include "redactionsettingspage.h"

#include "agentredactiondialog.h"
#include "redactionkindnames.h"

#include "redact/redactor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Up to this many kinds are named in the table; more are counted (all named in the tooltip).
constexpr int kNamedKinds = 3;

QStringList uiNamesOf(const QSet<RedactionKind> &kinds)
{
    QStringList names;
    for (RedactionKind kind : kinds)
        names.append(RedactionKindNames::of(kind));
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    return names;
}

// As redact_fields names them, in the reference's order: the same set always reads the same.
QStringList fieldNamesOf(const QSet<RedactionKind> &kinds)
{
    QStringList names;
    for (RedactionKind kind : RedactionKinds::all()) {
        if (kinds.contains(kind))
            names.append(RedactionKinds::name(kind));
    }
    return names;
}

} // namespace

RedactionSettingsPage::RedactionSettingsPage(const RedactionSettings &settings, const QFuture<AgentList::Result> &agents,
                                             QWidget *parent)
    : QWidget(parent)
    , m_audioFill(new QComboBox(this))
    , m_agents(new QTableWidget(0, ColumnCount, this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_agentsNote(new QLabel(this))
{
    m_audioFill->addItem(tr("Silence"), int(AudioRedactor::Fill::Silence));
    m_audioFill->addItem(tr("1 kHz tone"), int(AudioRedactor::Fill::Tone));
    m_audioFill->setCurrentIndex(m_audioFill->findData(int(settings.audioFill)));
    m_audioFill->setAccessibleName(tr("Redacted audio"));

    auto *about = new QLabel(tr("Calls whose redact_fields name kinds of personal data lose them from the transcript "
                                "and the recording. Changes apply to the calls and recordings redacted after you press OK."),
                             this);
    about->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Redacted &audio:"), m_audioFill);

    m_agents->setHorizontalHeaderLabels({tr("Agent"), tr("Default redaction")});
    m_agents->horizontalHeader()->setSectionResizeMode(AgentColumn, QHeaderView::ResizeToContents);
    m_agents->horizontalHeader()->setStretchLastSection(true);
    m_agents->verticalHeader()->hide();
    m_agents->setSelectionMode(QAbstractItemView::SingleSelection);
    m_agents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agents->setTabKeyNavigation(false);
    m_agents->setAccessibleName(tr("Default redaction per agent"));
    m_agents->setToolTip(tr("Also set with <code>callscope agent set AGENT --redact-fields KIND,…</code>"));
    m_edit->setEnabled(false);
    m_agentsNote->setWordWrap(true);
    m_agentsNote->setText(agents.isCanceled() ? tr("No database is open: there are no agents to list.")
                                                 : tr("Reading the agents…"));

    auto *perAgent = new QGroupBox(tr("Per agent"), this);
    auto *tableLabel = new QLabel(tr("The kinds removed by &default from an agent's calls whose body names none:"),
                                  perAgent);
    tableLabel->setWordWrap(true);
    tableLabel->setBuddy(m_agents);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_edit);
    editRow->addWidget(m_agentsNote, 1);
    editRow->addStretch();   // keeps Edit… its own width once the note is hidden
    auto *perAgentLayout = new QVBoxLayout(perAgent);
    perAgentLayout->addWidget(tableLabel);
    perAgentLayout->addWidget(m_agents, 1);
    perAgentLayout->addLayout(editRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(perAgent, 1);

    connect(m_agents, &QTableWidget::currentCellChanged, this, [this](int row) { m_edit->setEnabled(row >= 0); });
    // Not activated(): that is Return too, which must stay the dialog's OK.
    connect(m_agents, &QTableWidget::cellDoubleClicked, this, &RedactionSettingsPage::editAgent);
    connect(m_edit, &QPushButton::clicked, this, [this] { editAgent(m_agents->currentRow()); });
    connect(&m_agentsRead, &QFutureWatcher<AgentList::Result>::finished, this,
            [this] { showAgents(m_agentsRead.result()); });
    if (!agents.isCanceled())
        m_agentsRead.setFuture(agents);
}

RedactionSettings RedactionSettingsPage::settings() const
{
    RedactionSettings settings;
    settings.audioFill = AudioRedactor::Fill(m_audioFill->currentData().toInt());
    return settings;
}

QList<AgentSettings> RedactionSettingsPage::changedAgents() const
{
    QList<AgentSettings> changed;
    for (qsizetype row = 0; row < m_read.size(); ++row) {
        // Compared as kinds: the same set stored in another order (by the CLI) is no change.
        if (m_kinds.at(row) == Redactor::kindsOf(m_read.at(row).redactFields))
            continue;
        AgentSettings agent = m_read.at(row);
        agent.redactFields = fieldNamesOf(m_kinds.at(row));
        changed.append(agent);
    }
    return changed;
}

AgentRedactionDialog *RedactionSettingsPage::editor() const
{
    return m_editor;
}

void RedactionSettingsPage::editAgent(int row)
{
    if (row < 0 || row >= m_kinds.size() || m_editor)
        return;
    auto *editor = new AgentRedactionDialog(AgentList::displayName(m_read.at(row)), m_kinds.at(row), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, row] {
        m_kinds[row] = editor->kinds();
        showKinds(row);
    });
    m_editor = editor;
    m_editor->open();
}

void RedactionSettingsPage::showAgents(const AgentList::Result &read)
{
    for (const AgentSettings &agent : read.agents) {
        if (agent.agentKey.isNull())
            continue;
        const int row = m_agents->rowCount();
        m_agents->insertRow(row);
        m_read.append(agent);
        m_kinds.append(Redactor::kindsOf(agent.redactFields));
        auto *item = new QTableWidgetItem(AgentList::displayName(agent));
        item->setToolTip(agent.agentKey.toString());
        m_agents->setItem(row, AgentColumn, item);
        m_agents->setItem(row, RedactionColumn, new QTableWidgetItem);
        showKinds(row);
    }
    m_agentsNote->setText(!read.error.isEmpty() ? tr("The agents could not be read: %1").arg(read.error)
                                                : tr("There are no agents in this database yet."));
    m_agentsNote->setVisible(m_agents->rowCount() == 0);
}

void RedactionSettingsPage::showKinds(int row)
{
    const QSet<RedactionKind> &kinds = m_kinds.at(row);
    const QStringList names = uiNamesOf(kinds);
    QString text;
    if (kinds.isEmpty())
        text = tr("Off");
    else if (kinds.size() == RedactionKinds::all().size())
        text = tr("All kinds");
    else if (kinds.size() <= kNamedKinds)
        text = names.join(tr(", "));
    else
        text = tr("%n kind(s)", nullptr, int(kinds.size()));
    QTableWidgetItem *item = m_agents->item(row, RedactionColumn);
    item->setText(text);
    item->setToolTip(names.join(tr(", ")));
}
