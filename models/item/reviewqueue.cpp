#include "reviewqueue.h"

#include "store/calllistsql.h"
#include "store/callreader.h"

#include <QtConcurrent/QtConcurrentRun>

ReviewQueue::ReviewQueue(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReviewQueue::onFinished);
}

ReviewQueue::~ReviewQueue()
{
    m_watcher.waitForFinished();
}

void ReviewQueue::step(const CallQuery &list, const std::optional<CallLog> &from, Direction direction)
{
    m_watcher.setFuture(QtConcurrent::run(&ReviewQueue::lookUp, m_databasePath, list, from, direction));
}

ReviewQueue::Answer ReviewQueue::lookUp(const QString &databasePath, const CallQuery &list,
                                        const std::optional<CallLog> &from, Direction direction)
{
    Answer answer;
    answer.direction = direction;
    const CallReader reader(databasePath);
    CallQuery query = list;
    query.reviewed = false;
    query.limit = 1;
    query.offset = 0;
    query.afterId = 0;
    // Previous: the same list read backwards, which reverses NULL keys' place too.
    if (direction == Direction::Previous)
        query.sort.descending = !query.sort.descending;
    if (from) {
        query.afterKey = CallListSql::sortKey(query.sort.field, *from);
        query.afterTimestamp = from->timestamp;
        query.afterId = from->id;
    }
    const QList<CallLog> next = reader.list(query);
    if (!next.isEmpty()) {
        answer.id = next.first().id;
        answer.row = reader.rowOf(list, next.first());
    }
    if (reader.failureCount() > 0) {
        answer.id = 0;
        answer.error = reader.lastError();
    }
    return answer;
}

void ReviewQueue::onFinished()
{
    const Answer answer = m_watcher.result();
    if (answer.id > 0 && answer.row >= 0)
        emit found(answer.id, answer.row);
    else
        emit notFound(answer.direction, answer.error);
}
