#pragma once

#include "promisedresult.h"
#include "writejob.h"

#include <QFuture>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <memory>

class CallStore;
class QThread;
class WriteSession;

// The store's single writer: a thread with its own connection that drains a queue of
// WriteJobs. Group commit: each round takes whatever is queued (up to MaxBatchWeight
// calls) into one transaction, writes the FTS index once for it, commits, and only then
// resolves the jobs' futures and emits CallStore's change signals. A failed group is
// rolled back and its jobs retried one per transaction, so only the faulty one fails.
// Stopping finishes every job queued before stop(); later submissions fail at once.
class CallWriter
{
    Q_DISABLE_COPY_MOVE(CallWriter)

public:
    static constexpr int MaxBatchWeight = 256;
    // Background jobs in a group that has foreground ones, at most (WriteJob::background).
    static constexpr int MaxBackgroundWeightBesideForeground = 4;

    CallWriter(const QString &databasePath, const QString &recordingsDir, CallStore *store);
    ~CallWriter();

    // Starts the thread, opens the connection and migrates the schema; false + error
    // when that failed (the thread has then ended).
    bool start(QString *error);
    void stop();

    // Queues `work` (run on the writer thread inside a transaction); `done` gets its
    // result on the writer thread after COMMIT, or `onError(message)` if it could not be
    // committed. `done` delays the next group: keep it short, hand real work off.
    template <typename T>
    void submitWithCallback(int weight, std::function<T(WriteSession &)> work,
                            std::function<T(const QString &)> onError, std::function<void(const T &)> done,
                            std::function<void(WriteSession &)> noteTurnChanges = {}, bool background = false)
    {
        auto result = std::make_shared<T>();
        WriteJob job;
        job.weight = weight;
        job.background = background;
        job.noteTurnChanges = std::move(noteTurnChanges);
        job.execute = [result, work = std::move(work)](WriteSession &session) {
            *result = work(session);
        };
        job.succeed = [result, done] { done(*result); };
        job.fail = [onError = std::move(onError), done](const QString &error) { done(onError(error)); };
        enqueue(std::move(job));
    }

    // As submitWithCallback(), with the result in a future that the writer thread
    // finishes: wait for it, or watch it with whenFinished(), never then().
    template <typename T>
    QFuture<T> submit(int weight, std::function<T(WriteSession &)> work,
                      std::function<T(const QString &)> onError,
                      std::function<void(WriteSession &)> noteTurnChanges = {}, bool background = false)
    {
        PromisedResult<T> result = promisedResult<T>();
        submitWithCallback<T>(weight, std::move(work), std::move(onError), std::move(result.fulfil),
                              std::move(noteTurnChanges), background);
        return result.future;
    }

private:
    void enqueue(WriteJob job);
    void run();
    void process(std::vector<WriteJob> &jobs, WriteSession &session);
    bool runTransaction(std::vector<WriteJob *> &jobs, WriteSession &session, QString *error);
    // After COMMIT: delete files of removed rows (before the futures resolve), then
    // (after they resolved) emit CallStore's change signals.
    void removeFiles(WriteSession &session);
    void announce(WriteSession &session);

    QString m_path;
    QString m_recordingsDir;
    CallStore *m_store;
    std::unique_ptr<QThread> m_thread;

    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<WriteJob> m_queue;
    std::deque<WriteJob> m_background;   // WriteJob::background, FIFO among themselves
    bool m_stopping = false;
    bool m_running = false;

    // start() waits for the thread to report whether it opened the database.
    QPromise<QString> m_openResult;
};
