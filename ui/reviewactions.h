#pragma once

#include "store/reviewchange.h"

#include <QObject>
#include <QString>

class CallStore;
class QMenu;
class QUndoStack;
class ReviewChangeQueue;

// The reviewer's changes as undoable steps: apply() runs a change through
// CallStore::review() and puts it on the undo stack, whose undo restores the old values
// the store reported, across calls (undoing a change of a call not shown still undoes
// it). Feedback edits of one call merge into one step until endEditingBurst(). The stack
// gives the Edit menu its "Undo: …" and "Redo: …" actions. Never waits on the GUI thread.
class ReviewActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewActions)

public:
    // `store` must outlive the actions.
    explicit ReviewActions(CallStore *store, QObject *parent = nullptr);
    ~ReviewActions() override;

    // Runs `change` (source "ui" unless it names one) as a step named `description`
    // ("status of pizza-allergy-1120 → reviewed_failure").
    void apply(const ReviewChange &change, const QString &description);
    // Feedback edited after this is a new undo step (focus left the editor, another call).
    void endEditingBurst() { ++m_burst; }

    QUndoStack *undoStack() const { return m_stack; }
    // Adds Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z), named by the step they undo or redo.
    void addUndoActions(QMenu *menu);
    // Changes of the call queued or in flight (what the store says of it is about to change).
    int pendingChanges(qint64 callDbId) const;
    bool isIdle() const;

signals:
    // A change (or its undo) finished; `outcome.events` are what the store recorded.
    void changeFinished(const ReviewChange &change, const ReviewOutcome &outcome);
    // A change was refused or could not be saved; `message` says which and why.
    void failed(const QString &message);
    // Every change has reached the store.
    void idle();

private:
    ReviewChangeQueue *m_queue;
    QUndoStack *m_stack;
    int m_burst = 0;
};
