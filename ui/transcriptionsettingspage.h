#pragma once

#include "agentlist.h"
#include "transcribe/transcriptionsettings.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Preferences › Transcription: how audio-only calls are transcribed (TranscriptionSettings):
// the default back-end (PocketSphinx, offline, or an OpenAI-compatible server), the server,
// and per agent a back-end of its own and who speaks first. While the server is chosen but
// cannot be used, the page says why and that PocketSphinx transcribes instead. The agents
// are read from the database off the GUI thread and listed when they arrive; choices of
// agents the database does not know are kept as they were.
class TranscriptionSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptionSettingsPage)

public:
    // The columns of agentTable().
    enum Column { AgentColumn, BackEndColumn, FirstSpeakerColumn, ColumnCount };

    // `agents`: the database's agents as AgentList::read() gives them (shared with the other
    // pages); a default (cancelled) future: no database open, no agents listed.
    explicit TranscriptionSettingsPage(const TranscriptionSettings &settings, const QFuture<AgentList::Result> &agents = {},
                                       QWidget *parent = nullptr);

    // As the controls show them now.
    TranscriptionSettings settings() const;

    QComboBox *backEndBox() const { return m_backEnd; }
    QLineEdit *urlField() const { return m_url; }
    QLineEdit *modelField() const { return m_model; }
    QLineEdit *apiKeyField() const { return m_apiKey; }
    QLineEdit *languageField() const { return m_language; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    // Why the server chosen cannot be used; hidden while it can, or is not chosen.
    QLabel *problemLabel() const { return m_problem; }
    // One row per agent, a QComboBox in each choice column.
    QTableWidget *agentTable() const { return m_agents; }

private:
    void showAgents(const AgentList::Result &read);
    void showBackEndHint();
    void showProblem();
    QComboBox *agentBackEndBox(int row) const;
    QComboBox *agentFirstSpeakerBox(int row) const;

    TranscriptionSettings m_loaded;
    QComboBox *m_backEnd;
    QLabel *m_backEndHint;
    QLineEdit *m_url;
    QLineEdit *m_model;
    QLineEdit *m_apiKey;
    QLineEdit *m_language;
    QSpinBox *m_timeout;
    QLabel *m_problem;
    QTableWidget *m_agents;
    QLabel *m_agentsNote;
    QFutureWatcher<AgentList::Result> m_agentsRead;
};
