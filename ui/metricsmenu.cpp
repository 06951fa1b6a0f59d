#include "metricsmenu.h"

#include "metricsdialog.h"

#include "metrics/evaluationqueue.h"
#include "store/calllistsql.h"
#include "store/callstore.h"
#include "store/callreader.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kIdPage = 5000;

} // namespace

MetricsMenu::MetricsMenu(CallStore *store, std::function<CallQuery()> currentQuery, std::function<qint64()> currentCall,
                         QWidget *parent)
    : QMenu(tr("&Metrics"), parent)
    , m_store(store)
    , m_databasePath(store->databasePath())
    , m_currentQuery(std::move(currentQuery))
    , m_currentCall(std::move(currentCall))
{
    addAction(tr("&Manage Metrics…"), this, &MetricsMenu::manageMetrics);
    addSeparator();
    m_evaluateCall = addAction(tr("Evaluate This Call &Again"), this, &MetricsMenu::evaluateCurrentCall);
    m_evaluateList = addAction(tr("Evaluate the &Listed Calls Again…"), this, &MetricsMenu::evaluateListedCalls);
    m_evaluateCall->setEnabled(false);
    m_evaluateList->setEnabled(false);
    connect(&m_ids, &QFutureWatcherBase::finished, this, &MetricsMenu::onIdsRead);
}

MetricsMenu::~MetricsMenu()
{
    m_ids.waitForFinished();
}

void MetricsMenu::setEvaluationQueue(EvaluationQueue *queue)
{
    m_queue = queue;
    m_evaluateCall->setEnabled(queue);
    m_evaluateList->setEnabled(queue);
    if (queue)
        connect(queue, &EvaluationQueue::progress, this, &MetricsMenu::onProgress, Qt::QueuedConnection);
}

QList<qint64> MetricsMenu::idsOf(const QString &databasePath, CallQuery query)
{
    CallReader reader(databasePath);
    QList<qint64> ids;
    query.limit = kIdPage;
    query.offset = 0;
    query.withDetails = false;
    // Page after page by keyset, so the millionth call costs what the first did.
    for (;;) {
        const QList<CallLog> page = reader.list(query);
        for (const CallLog &call : page)
            ids.append(call.id);
        if (page.size() < kIdPage)
            return ids;
        const CallLog &last = page.last();
        query.afterId = last.id;
        query.afterTimestamp = last.timestamp;
        query.afterKey = CallListSql::sortKey(query.sort.field, last);
    }
}

void MetricsMenu::manageMetrics()
{
    auto *dialog = new MetricsDialog(m_store, parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MetricsMenu::evaluateCurrentCall()
{
    const qint64 id = m_currentCall();
    if (m_queue && id > 0)
        m_queue->enqueueIds({id});
}

void MetricsMenu::evaluateListedCalls()
{
    if (!m_queue || m_ids.isRunning())
        return;
    m_progress = new QProgressDialog(tr("Reading the listed calls…"), tr("Cancel"), 0, 0, parentWidget());
    m_progress->setWindowTitle(tr("Evaluate Metrics"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        if (m_queue)
            m_queue->cancel();
        m_progress = nullptr;
    });
    m_progress->show();
    m_ids.setFuture(QtConcurrent::run(&MetricsMenu::idsOf, m_databasePath, m_currentQuery()));
}

void MetricsMenu::onIdsRead()
{
    if (!m_progress || m_ids.future().resultCount() == 0)
        return;
    const QList<qint64> ids = m_ids.result();
    if (ids.isEmpty()) {
        m_progress->close();
        m_progress = nullptr;
        return;
    }
    m_progress->setLabelText(tr("Evaluating %n call(s)…", nullptr, int(ids.size())));
    m_progress->setMaximum(int(ids.size()));
    m_queue->enqueueIds(ids);
}

void MetricsMenu::onProgress(int done, int total)
{
    if (!m_progress || m_progress->maximum() == 0)
        return;
    m_progress->setMaximum(std::max(total, 1));
    m_progress->setValue(std::min(done, total));
    if (done >= total) {
        m_progress->close();
        m_progress = nullptr;
    }
}
