#pragma once

#include "transcriberfactory.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <atomic>

class CallStore;
class EvaluationQueue;
class QThread;

// Transcribes audio-only calls in the background, one at a time, on a thread of its own.
// The queue is the calls' transcription state in the database (CallStore's steps), so a
// restart or a kill loses nothing: what was being transcribed is taken up again at the
// next start(). A call whose recording is still being downloaded waits for it (the store's
// change after the download wakes the queue); a call with no recording to read fails with
// the reason. Transcribed calls are stored, then evaluated when an EvaluationQueue is set.
// Thread-safe.
class TranscriptionQueue : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptionQueue)

public:
    // How the queue's thread competes for the CPU: in the background (the app, serve) it
    // takes only what nothing else wants; asked for on the command line, it takes its share.
    enum class Urgency { Background, Foreground };

    TranscriptionQueue(CallStore *store, TranscriberFactory factory, Urgency urgency = Urgency::Background,
                       QObject *parent = nullptr);
    // Stops: a call being transcribed stays as it is and is taken up again at the next start.
    ~TranscriptionQueue() override;

    // The metrics of each transcribed call are evaluated there. Call before start().
    void setEvaluationQueue(EvaluationQueue *evaluation);
    // The calls taken up from now on are transcribed as `settings` say; one being
    // transcribed finishes as it began.
    void setSettings(const TranscriptionSettings &settings);
    // Takes up what a previous run left, then every call queued from now on.
    void start();
    // "Transcribe again": queues the audio-only calls among `callDbIds`, whatever their
    // state. Resolves to the ids queued.
    QFuture<QList<qint64>> transcribeAgain(const QList<qint64> &callDbIds);

    // Nothing queued can be worked on: the queue is empty or waits only for downloads.
    bool isIdle() const;
    // Blocks until isIdle() or `timeoutMs` passed (false). Never on the GUI thread.
    bool waitForIdle(int timeoutMs = -1);

signals:
    // From the queue's thread.
    void progress(qint64 callDbId, double done);
    void transcribed(qint64 callDbId);
    void failed(qint64 callDbId, const QString &reason);

private:
    enum class Outcome { Transcribed, Failed, Waiting, Skipped, Stopped };

    void wake();
    void work();                        // on the queue's thread
    Outcome transcribeCall(qint64 callDbId);

    CallStore *m_store;
    EvaluationQueue *m_evaluation = nullptr;
    QThread *m_thread;
    QObject *m_worker;                  // lives on m_thread
    std::atomic<bool> m_stopping{false};
    bool m_requeued = false;            // on m_thread

    mutable QMutex m_mutex;
    QWaitCondition m_idleChanged;
    TranscriberFactory m_factory;       // copied by the worker for each call
    bool m_started = false;
    bool m_working = false;             // work() scheduled or running
    bool m_rescan = false;              // the store changed while working
    bool m_idle = true;
    QSet<qint64> m_waiting;             // calls whose recording is not downloaded yet
};
