#include "evaluationqueue.h"

#include "llmjudge.h"

#include "audio/partyspeechreader.h"
#include "audio/voiceactivitycache.h"
#include "ingest/ingestpipeline.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"
#include "store/whenfinished.h"

#include <QDateTime>
#include <QHash>
#include <QThread>

EvaluationQueue::EvaluationQueue(CallStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audioCacheDir(VoiceActivityCache::defaultDirectory())
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("metrics"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // A changed definition is read again before the next batch.
    connect(store, &CallStore::metricsChanged, m_worker, [this] {
        QMutexLocker locker(&m_mutex);
        m_definitionsStale = true;
    }, Qt::DirectConnection);
    // Idle priority (SCHED_IDLE on Linux): evaluating takes the CPU only when ingest
    // leaves it free, and catches up once a burst of calls is over.
    m_thread->start(QThread::IdlePriority);
}

EvaluationQueue::~EvaluationQueue()
{
    cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_judge.reset();   // its thread has ended
}

void EvaluationQueue::setJudge(std::unique_ptr<LlmJudge> judge)
{
    if (judge)
        judge->moveToThread(m_thread);
    m_judge = std::move(judge);
}

bool EvaluationQueue::awaitsTranscript(const CallLog &call)
{
    if (call.transcription)
        return call.transcription->isPending();
    // Just ingested: the store has not said yet, the request has.
    return call.transcriptType == QLatin1String("none-mono") && call.turns.isEmpty();
}

void EvaluationQueue::setAudioCacheDir(const QString &cacheDir)
{
    m_audioCacheDir = cacheDir;
}

std::optional<PartySpeech> EvaluationQueue::recordedSpeech(const CallLog &call)
{
    QString why;   // a call without a stereo recording is measured on its transcript
    std::optional<PartySpeech> speech = PartySpeechReader(m_store->recordingsDir(), m_audioCacheDir).read(call, &why);
    if (speech && speech->channelSource == PartySpeech::ChannelSource::Detected && call.detectedAgentChannel != speech->agentChannel)
        m_store->setDetectedAgentChannel(call.id, speech->agentChannel);
    return speech;
}

void EvaluationQueue::watch(IngestPipeline *pipeline)
{
    connect(pipeline, &IngestPipeline::callsStored, this, &EvaluationQueue::enqueueCalls, Qt::DirectConnection);
}

void EvaluationQueue::enqueueCalls(const QList<CallLog> &calls)
{
    std::deque<Item> items;
    for (const CallLog &call : calls)
        items.push_back(Item{call.id, call, call.metricIds, false});
    push(std::move(items));
}

void EvaluationQueue::enqueueIds(const QList<qint64> &callDbIds, const QList<qint64> &metricIds, bool rerun)
{
    std::deque<Item> items;
    for (qint64 id : callDbIds)
        items.push_back(Item{id, std::nullopt, metricIds, rerun});
    push(std::move(items));
}

void EvaluationQueue::push(std::deque<Item> items)
{
    if (items.empty())
        return;
    QMutexLocker locker(&m_mutex);
    m_total += int(items.size());
    for (Item &item : items)
        m_items.push_back(std::move(item));
    scheduleBatchLocked();
}

void EvaluationQueue::scheduleBatchLocked()
{
    // One batch evaluates while the writer stores the ones before it: reading and
    // evaluating use one core, storing the other. More waiting batches would only hold
    // their results in memory.
    if (m_items.empty() || m_evaluating || m_batchesStoring >= kMaxBatchesStoring)
        return;
    m_evaluating = true;
    QMetaObject::invokeMethod(m_worker, [this] { processBatch(); }, Qt::QueuedConnection);
}

void EvaluationQueue::cancel()
{
    QMutexLocker locker(&m_mutex);
    m_total -= int(m_items.size());
    m_items.clear();
    settleIfIdle();
}

bool EvaluationQueue::idleLocked() const
{
    return m_items.empty() && !m_evaluating && m_batchesStoring == 0 && m_judging == 0;
}

bool EvaluationQueue::settleIfIdle()
{
    if (!idleLocked())
        return false;
    m_done = m_total = 0;
    m_idle.wakeAll();
    return true;
}

bool EvaluationQueue::isIdle() const
{
    QMutexLocker locker(&m_mutex);
    return idleLocked();
}

bool EvaluationQueue::waitForIdle(int timeoutMs)
{
    QMutexLocker locker(&m_mutex);
    QDeadlineTimer deadline = timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
    while (!idleLocked()) {
        if (!m_idle.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

std::shared_ptr<const MetricEvaluator> EvaluationQueue::evaluator()
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_definitionsStale && m_evaluator)
            return m_evaluator;
        m_definitionsStale = false;
    }
    auto fresh = std::make_shared<const MetricEvaluator>(ThreadReader::forDatabase(m_store->databasePath()).metrics());
    QMutexLocker locker(&m_mutex);
    m_evaluator = fresh;
    return fresh;
}

void EvaluationQueue::processBatch()
{
    std::deque<Item> batch;
    {
        QMutexLocker locker(&m_mutex);
        while (!m_items.empty() && batch.size() < std::size_t(kBatchSize)) {
            batch.push_back(std::move(m_items.front()));
            m_items.pop_front();
        }
    }
    if (batch.empty()) {
        finishBatch({}, false);
        return;
    }
    const std::shared_ptr<const MetricEvaluator> metrics = evaluator();

    // Calls named by id are read in one go; ingested ones are at hand.
    QList<qint64> toRead;
    for (const Item &item : batch) {
        if (!item.call)
            toRead.append(item.callDbId);
    }
    QHash<qint64, CallLog> read;
    if (!toRead.isEmpty()) {
        for (CallLog &call : ThreadReader::forDatabase(m_store->databasePath()).callsByIds(toRead))
            read.insert(call.id, std::move(call));
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> stored;
    QFuture<bool> last;
    for (const Item &item : batch) {
        const CallLog *call = item.call ? &*item.call : nullptr;
        if (!call) {
            const auto found = read.constFind(item.callDbId);
            if (found == read.cend())
                continue;   // removed meanwhile
            call = &*found;
        }
        // An audio-only call has nothing to measure until its transcript is in; the
        // TranscriptionQueue queues it then.
        if (awaitsTranscript(*call))
            continue;
        // Named metrics, else the call's own metric_ids, else its agent's metrics.
        const QList<const MetricDefinition *> chosen =
            metrics->metricsFor(*call, item.metricIds.isEmpty() ? call->metricIds : item.metricIds);
        const QList<MetricResult> results = metrics->evaluate(*call, chosen, now, chosen.isEmpty() ? std::nullopt : recordedSpeech(*call));
        if (!results.isEmpty()) {
            last = m_store->storeMetricResults(call->id, results, item.rerun);
            stored.append(call->id);
        }
        QList<MetricResult> unjudged;
        for (const MetricDefinition *definition : chosen) {
            if (definition->evaluator != MetricDefinition::Evaluator::LlmJudge)
                continue;
            if (!m_judge) {
                // Said on the result, so that a missing judge is not a silent gap.
                unjudged.append(MetricEvaluator::resultOf(
                    *definition, MetricOutcome::failure(QStringLiteral("No LLM judge is configured (Preferences › Metrics).")), now));
                continue;
            }
            {
                QMutexLocker locker(&m_mutex);
                ++m_judging;
            }
            const qint64 callDbId = call->id;
            const bool rerun = item.rerun;
            m_judge->judge(*call, *definition, [this, callDbId, rerun, definition = *definition](const MetricOutcome &outcome) {
                const MetricResult result =
                    MetricEvaluator::resultOf(definition, outcome, QDateTime::currentMSecsSinceEpoch());
                whenFinished(m_store->storeMetricResults(callDbId, {result}, rerun), m_worker, [this, callDbId](const QFuture<bool> &) {
                    emit evaluated({callDbId});
                    judgeFinished();
                });
            });
        }
        if (!unjudged.isEmpty()) {
            last = m_store->storeMetricResults(call->id, unjudged, item.rerun);
            if (stored.isEmpty() || stored.last() != call->id)
                stored.append(call->id);
        }
    }
    {
        QMutexLocker locker(&m_mutex);
        m_done += int(batch.size());
    }
    if (stored.isEmpty()) {
        finishBatch({}, false);
        return;
    }
    {
        QMutexLocker locker(&m_mutex);
        m_evaluating = false;
        ++m_batchesStoring;
        scheduleBatchLocked();
    }
    // The writer runs jobs in order: when the last is stored, the batch is.
    whenFinished(last, m_worker, [this, stored](const QFuture<bool> &) { finishBatch(stored, true); });
}

void EvaluationQueue::finishBatch(const QList<qint64> &callDbIds, bool wasStoring)
{
    if (!callDbIds.isEmpty())
        emit evaluated(callDbIds);
    int done = 0;
    int total = 0;
    bool idle = false;
    {
        QMutexLocker locker(&m_mutex);
        if (wasStoring)
            --m_batchesStoring;
        else
            m_evaluating = false;
        done = m_done;
        total = m_total;
        scheduleBatchLocked();
        idle = settleIfIdle();
    }
    emit progress(done, total);
    if (idle)
        emit becameIdle();
}

void EvaluationQueue::judgeFinished()
{
    bool idle = false;
    {
        QMutexLocker locker(&m_mutex);
        --m_judging;
        idle = settleIfIdle();
    }
    if (idle)
        emit becameIdle();
}
