#include "reviewchangequeue.h"

#include "store/callstore.h"
#include "store/whenfinished.h"

#include <QStringList>

ReviewChangeQueue::ReviewChangeQueue(CallStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

ReviewChangeQueue::~ReviewChangeQueue()
{
    // Closing the window must not drop the last changes: finish them here.
    for (;;) {
        if (m_running) {
            m_currentFuture.waitForFinished();
            m_running = false;
            if (m_current.done)
                m_current.done(m_currentFuture.resultCount() > 0 ? m_currentFuture.result() : ReviewOutcome{});
        }
        if (m_waiting.empty())
            break;
        if (takeNext()) {
            m_running = true;
            m_currentFuture = m_store->review(m_currentChange);
        }
    }
}

void ReviewChangeQueue::run(qint64 callDbId, ChangeFunction change, Done done)
{
    ++m_pending[callDbId];
    m_waiting.push_back({callDbId, std::move(change), std::move(done)});
    if (!m_running)
        startNext();
}

bool ReviewChangeQueue::takeNext()
{
    m_current = std::move(m_waiting.front());
    m_waiting.pop_front();
    m_currentChange = m_current.change();
    if (m_currentChange.callDbId != 0)
        return true;
    release(m_current.callDbId);
    return false;
}

void ReviewChangeQueue::release(qint64 callDbId)
{
    if (--m_pending[callDbId] <= 0)
        m_pending.remove(callDbId);
}

void ReviewChangeQueue::startNext()
{
    while (!m_waiting.empty()) {
        if (!takeNext())
            continue;
        m_running = true;
        m_currentFuture = m_store->review(m_currentChange);
        whenFinished(m_currentFuture, this, [this](const QFuture<ReviewOutcome> &future) {
            // Still "running" while the handlers run, so a change they queue waits its turn.
            const Job job = m_current;
            const ReviewChange change = m_currentChange;
            release(job.callDbId);
            finish(job, change, future.resultCount() > 0 ? future.result() : ReviewOutcome{});
            m_running = false;
            startNext();
        });
        return;
    }
    emit idle();
}

void ReviewChangeQueue::finish(const Job &job, const ReviewChange &change, const ReviewOutcome &outcome)
{
    if (job.done)
        job.done(outcome);
    switch (outcome.result) {
    case ReviewOutcome::Result::Applied:
        break;
    case ReviewOutcome::Result::NotFound:
        emit failed(tr("Call %1 is no longer in the database; the review change was not saved.").arg(change.callDbId));
        break;
    case ReviewOutcome::Result::Refused: {
        QStringList problems;
        for (const QString &field : outcome.errors.fields())
            problems.append(QStringLiteral("%1: %2").arg(field, outcome.errors.messages(field).join(QLatin1Char(' '))));
        emit failed(tr("The review of call %1 was refused (%2).").arg(change.callDbId).arg(problems.join(QStringLiteral("; "))));
        break;
    }
    case ReviewOutcome::Result::Failed:
        emit failed(tr("The review of call %1 could not be saved: %2").arg(change.callDbId).arg(outcome.error));
        break;
    }
    emit finished(change, outcome);
}
