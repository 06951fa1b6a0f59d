#pragma once

#include <QDateTime>
#include <QString>

// One entry of a call's review history: a change of its status or feedback, with who
// made it and the values before and after. The store writes it in the same transaction
// as the change itself and never edits it afterwards.
struct ReviewEvent
{
    qint64 id = 0;
    qint64 callDbId = 0;        // the call's database id
    QDateTime time;
    QString source;             // "ui", "api", "cli", "ingest", "metrics", or a user name
    QString field;              // "status" or "feedback"
    QString oldValue;           // null QString: the field was unset
    QString newValue;           // null QString: the field was cleared

    bool operator==(const ReviewEvent &other) const = default;
};
