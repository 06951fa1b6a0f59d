#pragma once

#include "calllog/calllog.h"
#include "store/callquery.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <optional>

// The reviewer's queue (N / P): the next or previous unreviewed call of the current list,
// in its filter and order, from a given call. One SQL lookup (the list's query with
// reviewed = no, keyset after the call, limit 1) and the found call's row (how many of
// the list's rows come before it), read on a worker thread, so it works wherever that
// call is, loaded or not. Only the latest step() answers.
class ReviewQueue : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueue)

public:
    enum class Direction { Next, Previous };
    Q_ENUM(Direction)

    explicit ReviewQueue(const QString &databasePath, QObject *parent = nullptr);
    ~ReviewQueue() override;

    // Looks from `from` (its sort key, timestamp and id as listed) in `direction`; without
    // one, from the start of the list (Next) or its end (Previous).
    void step(const CallQuery &list, const std::optional<CallLog> &from, Direction direction);

signals:
    // The call with database id `id` at `row` of the list.
    void found(qint64 id, qint64 row);
    // No unreviewed call that way (or the store could not be read: `error` says why).
    void notFound(ReviewQueue::Direction direction, const QString &error);

private:
    struct Answer
    {
        Direction direction = Direction::Next;
        qint64 id = 0;     // 0: none
        qint64 row = -1;
        QString error;
    };
    static Answer lookUp(const QString &databasePath, const CallQuery &list, const std::optional<CallLog> &from,
                         Direction direction);
    void onFinished();

    const QString m_databasePath;
    QFutureWatcher<Answer> m_watcher;
};
