#pragma once

#include "store/callquery.h"

#include <QFutureWatcher>
#include <QMenu>

#include <functional>

class CallStore;
class EvaluationQueue;
class QProgressDialog;

// The Metrics menu: the Metrics dialog (definitions, switches, a reviewer's own metrics);
// evaluate the shown call again, or every call of the current list
// (its filters, read off the GUI thread), with progress and Cancel. Without an evaluation
// queue its actions are disabled.
class MetricsMenu : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsMenu)

public:
    // `currentQuery` gives the list's query, `currentCall` the shown call's id (0: none).
    MetricsMenu(CallStore *store, std::function<CallQuery()> currentQuery, std::function<qint64()> currentCall,
                QWidget *parent = nullptr);
    ~MetricsMenu() override;

    void setEvaluationQueue(EvaluationQueue *queue);

    // The ids of every call `query` lists (its filters; no limit), read on this thread.
    static QList<qint64> idsOf(const QString &databasePath, CallQuery query);

private:
    void manageMetrics();
    void evaluateCurrentCall();
    void evaluateListedCalls();
    void onIdsRead();
    void onProgress(int done, int total);

    CallStore *m_store;
    QString m_databasePath;
    std::function<CallQuery()> m_currentQuery;
    std::function<qint64()> m_currentCall;
    EvaluationQueue *m_queue = nullptr;
    QAction *m_evaluateCall;
    QAction *m_evaluateList;
    QFutureWatcher<QList<qint64>> m_ids;
    QProgressDialog *m_progress = nullptr;
};
