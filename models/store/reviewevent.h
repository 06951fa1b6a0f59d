#pragma once

#include <QDateTime>
#include <QString>

// One entry of the review audit trail: a change of a call's status or feedback, with
// who made it and the values before and after. Written by the store in the same
// transaction as the change itself; never edited afterwards.
struct ReviewEvent
{
    qint64 id = 0;
    qint64 callId = 0;          // database id of the call
    QDateTime time;
    QString actor;              // "ui", "api", "ingest", "metrics", a user name
    QString field;              // "status" or "feedback"
    QString oldValue;           // null QString: the field was unset
    QString newValue;
};
