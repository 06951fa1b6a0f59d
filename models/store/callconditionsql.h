#pragma once

#include "callcondition.h"

#include <QString>
#include <QVariantList>

// Turns a CallCondition into a WHERE term over `calls c`, with the same answer as
// FilterComparison on each call's CallLogDetail JSON. Columns are compared natively where
// SQL's comparison provably agrees (integers, timestamps as milliseconds, the duration in
// whole seconds, text against text that is not number-like), so the indexes serve them;
// the rest of a column's comparisons (number-like text, contains, ordering of text) go
// through FilterSqlFunction, which runs FilterComparison itself on the column's value.
// Fields that are no column (metadata.*, success, transcript, ...) cannot be expressed.
class CallConditionSql
{
public:
    static bool canExpress(const QString &field, const QString &op, const QJsonValue &value);
    // The term, its values appended to `values` in binding order. Every Compare in the
    // condition must pass canExpress().
    static QString where(const CallCondition &condition, QVariantList *values);
};
