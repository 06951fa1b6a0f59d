#pragma once

#include "store/reviewchange.h"

#include <QUndoCommand>

#include <memory>
#include <optional>

class ReviewChangeQueue;

// One undoable review change of one call. redo() runs the change; undo() runs its
// inverse, worked out from the old values in the review events the store reported for
// the last redo, so it restores the call whichever call is shown by then (and only the
// fields that change really changed). Both go through the ReviewChangeQueue, so an undo waits
// for the outcome of its redo without blocking the GUI thread. Consecutive feedback
// edits of one call in one editing burst merge into a single step.
class ReviewUndoCommand : public QUndoCommand
{
public:
    // `burst` numbers the editing burst a feedback edit belongs to.
    ReviewUndoCommand(ReviewChangeQueue *queue, const ReviewChange &change, const QString &text, int burst);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const ReviewChange &change() const { return m_state->change; }

    // The change that puts back what `outcome` (of `change`) changed.
    static ReviewChange inverseOf(const ReviewChange &change, const ReviewOutcome &outcome);

private:
    // Shared with the queued jobs, which may finish after a merge deleted their command.
    struct State
    {
        ReviewChange change;
        std::optional<ReviewChange> inverse;    // known once a redo finished
    };

    bool isFeedbackOnly() const;

    ReviewChangeQueue *m_queue;
    std::shared_ptr<State> m_state;
    int m_burst;
};
