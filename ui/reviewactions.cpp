#include "reviewactions.h"

#include "reviewcommand.h"
#include "reviewchangequeue.h"

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
    m_stack->push(new ReviewCommand(m_queue, sourced, description, m_burst));
}

int ReviewActions::pendingChanges(qint64 callDbId) const
{
    return m_queue->pendingChanges(callDbId);
}

bool ReviewActions::isIdle() const
{
    return m_queue->isIdle();
}
