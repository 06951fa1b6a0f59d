#pragma once

#include "metricevaluator.h"

#include "calllog/calllog.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>
#include <memory>

class CallStore;
class IngestPipeline;
class LlmJudge;
class QThread;

// Evaluates metrics in the background and stores their results: calls as they are
// ingested (their metric_ids, or the metrics enabled for their agent) and calls named by
// id (evaluate_metrics, rerun_evaluation, `callscope evaluate`, the UI's re-run). Works on
// a thread of its own, in batches whose results join the writer's group commits, one
// batch in flight at a time so that ingest keeps its share of the writer. The LLM judge,
// when one is set, answers its metrics later; the other results do not wait for it.
// A call with a local stereo recording has its time-based metrics measured on the
// recording's speech (PartySpeechReader; METRICS.md "Audio mode"), and the agent's
// channel it detects is stored with the call. An audio-only call waiting for its
// transcript is left alone.
// Thread-safe; enqueue from any thread.
class EvaluationQueue : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationQueue)

public:
    explicit EvaluationQueue(CallStore *store, QObject *parent = nullptr);
    ~EvaluationQueue() override;

    // Where LLM-judge metrics go (the queue owns it); without one they are skipped.
    // Call before enqueueing.
    void setJudge(std::unique_ptr<LlmJudge> judge);
    // Where the recordings' voice activity is cached: VoiceActivityCache::defaultDirectory()
    // unless set (empty: not cached, each evaluation decodes again). Call before enqueueing.
    void setAudioCacheDir(const QString &cacheDir);
    // Evaluates every call `pipeline` stores from now on (IngestPipeline::callsStored).
    void watch(IngestPipeline *pipeline);

    // Calls just stored (with their turns and ids, as IngestPipeline::callsStored gives
    // them): each one's metric_ids, else its agent's metrics.
    void enqueueCalls(const QList<CallLog> &calls);
    // Calls by database id, read when their turn comes: `metricIds` (empty: each call's
    // metric_ids, else the metrics enabled for its agent). `rerun` lets the results replace a sender's status of an
    // unreviewed call (rerun_evaluation).
    void enqueueIds(const QList<qint64> &callDbIds, const QList<qint64> &metricIds = {}, bool rerun = false);
    // Drops what has not started; what is being stored finishes.
    void cancel();

    // Blocks until everything queued so far is evaluated and stored, or `timeoutMs`
    // passed (false). For the command line and tests; never on the GUI thread.
    bool waitForIdle(int timeoutMs = -1);
    bool isIdle() const;

signals:
    // Calls done of those queued since the queue was last idle (from the queue's thread).
    void progress(int done, int total);
    // Their results are stored (from the queue's thread).
    void evaluated(const QList<qint64> &callDbIds);
    void becameIdle();

private:
    struct Item
    {
        qint64 callDbId = 0;
        std::optional<CallLog> call;       // ingested: already in memory
        QList<qint64> metricIds;
        bool rerun = false;
    };

    static constexpr int kBatchSize = 256;
    static constexpr int kMaxBatchesStoring = 2;

    void push(std::deque<Item> items);
    void processBatch();          // on the queue's thread
    // `wasStoring`: the batch's results went to the writer (else it stored nothing).
    void finishBatch(const QList<qint64> &callDbIds, bool wasStoring);
    // With m_mutex held: starts the next batch when there is one and room for it.
    void scheduleBatchLocked();
    std::shared_ptr<const MetricEvaluator> evaluator();
    void judgeFinished();
    // With m_mutex held: nothing queued, running or awaiting the judge; settleIfIdle()
    // then resets the progress counts and wakes waitForIdle(), and says whether it did.
    bool idleLocked() const;
    bool settleIfIdle();

    // The stereo recording's speech per party, when the call has one; stores a detected channel.
    std::optional<PartySpeech> recordedSpeech(const CallLog &call);
    static bool awaitsTranscript(const CallLog &call);

    CallStore *m_store;
    QString m_audioCacheDir;
    QThread *m_thread;
    QObject *m_worker;            // lives on m_thread: batches run in its context
    std::unique_ptr<LlmJudge> m_judge;

    mutable QMutex m_mutex;
    QWaitCondition m_idle;
    std::deque<Item> m_items;
    bool m_evaluating = false;    // a batch is being read and evaluated
    int m_batchesStoring = 0;     // batches whose results the writer is storing
    int m_judging = 0;            // LLM verdicts still to come
    int m_done = 0;
    int m_total = 0;
    bool m_definitionsStale = true;
    std::shared_ptr<const MetricEvaluator> m_evaluator;
};
