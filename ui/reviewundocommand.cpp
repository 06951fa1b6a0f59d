#include "reviewundocommand.h"

#include "reviewchangequeue.h"

namespace {

constexpr int kFeedbackEditId = 0x5245;     // feedback edits merge with each other only

} // namespace

ReviewUndoCommand::ReviewUndoCommand(ReviewChangeQueue *queue, const ReviewChange &change, const QString &text, int burst)
    : QUndoCommand(text)
    , m_queue(queue)
    , m_state(std::make_shared<State>(State{change, std::nullopt}))
    , m_burst(burst)
{
}

void ReviewUndoCommand::redo()
{
    const std::shared_ptr<State> state = m_state;
    m_queue->run(
        state->change.callDbId, [state] { return state->change; },
        [state](const ReviewOutcome &outcome) {
            if (outcome.applied())
                state->inverse = inverseOf(state->change, outcome);
            else
                state->inverse.reset();
        });
}

void ReviewUndoCommand::undo()
{
    const std::shared_ptr<State> state = m_state;
    // Worked out when its turn comes, after the redo it undoes reported its old values.
    m_queue->run(state->change.callDbId, [state] { return state->inverse.value_or(ReviewChange{}); });
}

int ReviewUndoCommand::id() const
{
    return isFeedbackOnly() ? kFeedbackEditId : -1;
}

bool ReviewUndoCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const ReviewUndoCommand *>(other);
    if (!next || next->m_burst != m_burst || !next->isFeedbackOnly()
        || next->change().callDbId != change().callDbId)
        return false;
    // Undo still restores the text from before the burst (this command's inverse).
    m_state->change.feedback = next->change().feedback;
    return true;
}

bool ReviewUndoCommand::isFeedbackOnly() const
{
    const ReviewChange &c = change();
    return c.feedback && !c.status && !c.clearStatus && !c.reviewed && !c.content && !c.annotations;
}

ReviewChange ReviewUndoCommand::inverseOf(const ReviewChange &change, const ReviewOutcome &outcome)
{
    ReviewChange inverse;
    inverse.source = change.source;
    for (const ReviewEvent &event : outcome.events) {
        inverse.callDbId = change.callDbId;
        if (event.field == QLatin1String("status")) {
            inverse.status = ReviewStatuses::fromName(event.oldValue);
            inverse.clearStatus = !inverse.status;
        } else if (event.field == QLatin1String("feedback")) {
            inverse.feedback = event.oldValue.isNull() ? QString() : event.oldValue;
        }
    }
    if (outcome.previousAnnotations) {
        inverse.callDbId = change.callDbId;
        inverse.annotations = outcome.previousAnnotations;   // with their times, so they come back as they were
    }
    // No event, nothing changed: the inverse stays a change of no call, which is skipped.
    return inverse;
}
