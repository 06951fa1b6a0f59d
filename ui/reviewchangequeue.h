#pragma once

#include "store/reviewchange.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <deque>
#include <functional>

class CallStore;

// Runs review changes through CallStore::review() one after another without waiting on
// the GUI thread: a change is worked out (its function called) only when every change
// queued before it has finished, so an undo can be computed from what its redo reported.
// Destroying the queue finishes what is queued (waiting on the store), so nothing a
// reviewer did is lost when the window closes.
class ReviewChangeQueue : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewChangeQueue)

public:
    using ChangeFunction = std::function<ReviewChange()>;
    using Done = std::function<void(const ReviewOutcome &)>;

    // `store` must outlive the queue.
    explicit ReviewChangeQueue(CallStore *store, QObject *parent = nullptr);
    ~ReviewChangeQueue() override;

    // Queues the change of call `callDbId` that `change()` returns (one of call 0 is
    // skipped); `done` gets its outcome on this thread.
    void run(qint64 callDbId, ChangeFunction change, Done done = {});
    bool isIdle() const { return !m_running && m_waiting.empty(); }
    // Changes of the call queued or in flight: what the store reports of it is about to change.
    int pendingChanges(qint64 callDbId) const { return m_pending.value(callDbId); }

signals:
    // A change was refused or failed; `message` names the call and the problem.
    void failed(const QString &message);
    // A change finished (applied, refused or failed), after its `done`.
    void finished(const ReviewChange &change, const ReviewOutcome &outcome);
    // Every queued change has finished.
    void idle();

private:
    struct Job
    {
        qint64 callDbId = 0;
        ChangeFunction change;
        Done done;
    };

    void startNext();
    // Takes the next waiting job; false when its change is of no call (skipped).
    bool takeNext();
    void release(qint64 callDbId);
    void finish(const Job &job, const ReviewChange &change, const ReviewOutcome &outcome);

    CallStore *m_store;
    QHash<qint64, int> m_pending;
    std::deque<Job> m_waiting;
    bool m_running = false;
    // The change in flight, for the destructor to finish.
    Job m_current;
    ReviewChange m_currentChange;
    QFuture<ReviewOutcome> m_currentFuture;
};
