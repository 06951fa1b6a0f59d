#pragma once

#include "metrics/metricdefinition.h"
#include "store/agentsettings.h"

#include <QDialog>
#include <QFutureWatcher>

class CallStore;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// Metrics › Manage Metrics: every metric with its definition (the built-ins' as METRICS.md
// gives them), on or off for every agent and for each known agent, and a reviewer's own
// metrics created, edited and deleted: a phrase or regular expression that must (not)
// occur, optionally in one role's turns; a bound on a built-in; or a question for the LLM
// judge. Reads off the GUI thread; every change goes through the store, which validates
// it (its errors are shown by field) and says when the metrics changed.
class MetricsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsDialog)

public:
    // `store` must outlive the dialog.
    explicit MetricsDialog(CallStore *store, QWidget *parent = nullptr);
    ~MetricsDialog() override;

    QListWidget *metricList() const { return m_list; }
    QListWidget *agentList() const { return m_agents; }
    QLabel *definitionLabel() const { return m_definition; }
    QLabel *errorLabel() const { return m_error; }
    QLineEdit *keyField() const { return m_key; }
    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *patternField() const { return m_pattern; }
    QPlainTextEdit *promptField() const { return m_prompt; }
    QCheckBox *everyAgentBox() const { return m_everyAgent; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    // The metrics as last read (tests wait for a change to show).
    const QList<MetricDefinition> &metrics() const { return m_metrics; }

signals:
    // The list shows what the store has (after opening and after each change).
    void reloaded();

private:
    struct Snapshot
    {
        QList<MetricDefinition> metrics;
        QList<AgentSettings> agents;
    };
    enum Kind { PhraseMustOccur, PhraseMustNotOccur, Bound, LlmJudge };

    void reload();
    void onRead();
    void showMetric(int row);
    void startNew();
    void save();
    void remove();
    void setEveryAgent(bool on);
    void setAgent(const QString &agentKey, bool on);
    void updateForm();
    const MetricDefinition *current() const;
    std::optional<MetricDefinition> fromForm(QString *error) const;
    void showErrors(const QString &text);

    CallStore *m_store;
    QFutureWatcher<Snapshot> m_read;
    QList<MetricDefinition> m_metrics;
    QList<AgentSettings> m_knownAgents;
    QString m_selectKey;          // selected again after the next read
    bool m_showing = false;       // the form is being filled, not edited
    bool m_readAgain = false;     // the store changed while a read was running

    QFormLayout *m_form = nullptr;
    QListWidget *m_list;
    QLabel *m_definition;
    QLineEdit *m_key;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_pattern;
    QCheckBox *m_regex;
    QComboBox *m_role;
    QPlainTextEdit *m_prompt;
    QCheckBox *m_everyAgent;
    QListWidget *m_agents;
    QLabel *m_error;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
};
