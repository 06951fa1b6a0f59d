#pragma once

#include "agentlist.h"
#include "calllog/redactionkind.h"
#include "redact/redactionsettings.h"

#include <QFutureWatcher>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class AgentRedactionDialog;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// Preferences › Redaction: what replaces redacted speech in recordings (RedactionSettings),
// silence or a 1 kHz tone, and per agent a default redaction, the kinds of personal data
// removed from its calls whose body names none (AgentSettings::redactFields, off by default).
// The agents are read from the database off the GUI thread and listed when they arrive;
// Edit… (or a double-click) changes an agent's set in an AgentRedactionDialog. The page
// only remembers the choices: changedAgents() says what the Preferences dialog's OK saves.
class RedactionSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactionSettingsPage)

public:
    // The columns of agentTable().
    enum Column { AgentColumn, RedactionColumn, ColumnCount };

    // `agents`: the database's agents as AgentList::read() gives them (shared with the other
    // pages); a default (cancelled) future: no database open, no agents listed.
    explicit RedactionSettingsPage(const RedactionSettings &settings, const QFuture<AgentList::Result> &agents = {},
                                   QWidget *parent = nullptr);

    // As the controls show them now.
    RedactionSettings settings() const;
    // The agents whose default redaction was changed, as read but for their new
    // redactFields (in RedactionKinds::all()'s order; empty: off).
    QList<AgentSettings> changedAgents() const;

    QComboBox *audioFillBox() const { return m_audioFill; }
    // One row per agent: its name, and its default redaction ("Off", the kinds, "5 kinds").
    QTableWidget *agentTable() const { return m_agents; }
    // Edits the current row's agent.
    QPushButton *editButton() const { return m_edit; }
    // The open editor, if any.
    AgentRedactionDialog *editor() const;
    // Opens the editor for the agent in `row` (window-modal; its OK changes the row).
    void editAgent(int row);

private:
    void showAgents(const AgentList::Result &read);
    void showKinds(int row);

    QComboBox *m_audioFill;
    QTableWidget *m_agents;
    QPushButton *m_edit;
    QLabel *m_agentsNote;
    // Per row of m_agents: the agent as read, and its kinds as chosen now.
    QList<AgentSettings> m_read;
    QList<QSet<RedactionKind>> m_kinds;
    QPointer<AgentRedactionDialog> m_editor;
    QFutureWatcher<AgentList::Result> m_agentsRead;
};
