#include "reviewactions.h"

#include "reviewundocommand.h"
#include "reviewchangequeue.h"

#include <QMenu>
#include <QUndoStack>

ReviewActions::ReviewActions(CallStore *store, QObject *parent)
    : QObject(parent)
    , m_queue(new ReviewChangeQueue(store, this))
    , m_stack(new QUndoStack(this))
{
    connect(m_queue, &ReviewChangeQueue::finished, this, &ReviewActions::changeFinished);
    connect(m_queue, &ReviewChangeQueue::failed, this, &ReviewActions::failed);
    connect(m_queue, &ReviewChangeQueue::idle, this, &ReviewActions::idle);
}

ReviewActions::~ReviewActions()
{
    // The commands hold the queue: delete them first, then let the queue finish its work.
    delete m_stack;
    delete m_queue;
}

void ReviewActions::apply(const ReviewChange &change, const QString &description)
{
    ReviewChange sourced = change;
    if (sourced.source.isEmpty())
        sourced.source = QStringLiteral("ui");
    m_stack->push(new ReviewUndoCommand(m_queue, sourced, description, m_burst));
}

void ReviewActions::addUndoActions(QMenu *menu)
{
    //: Followed by the step: "Undo: status of pizza-allergy-1120 → reviewed_failure"
    QAction *undo = m_stack->createUndoAction(menu, tr("Undo:"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_stack->createRedoAction(menu, tr("Redo:"));
    redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    // With nothing to undo the prefix alone would read "Undo:".
    connect(m_stack, &QUndoStack::undoTextChanged, undo, [undo](const QString &text) {
        if (text.isEmpty())
            undo->setText(tr("Undo"));
    });
    connect(m_stack, &QUndoStack::redoTextChanged, redo, [redo](const QString &text) {
        if (text.isEmpty())
            redo->setText(tr("Redo"));
    });
    undo->setText(tr("Undo"));
    redo->setText(tr("Redo"));
    menu->addAction(undo);
    menu->addAction(redo);
}

int ReviewActions::pendingChanges(qint64 callDbId) const
{
    return m_queue->pendingChanges(callDbId);
}

bool ReviewActions::isIdle() const
{
    return m_queue->isIdle();
}
