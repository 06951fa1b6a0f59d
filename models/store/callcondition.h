#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

// A filters_v2 condition in the API's own terms, for CallReader to decide in SQL: a field
// of the call's CallLogDetail JSON, an operator and the filter's value, or an AND / OR of
// conditions. Built only from conditions CallConditionSql::canExpress() accepts, whose SQL
// selects exactly the calls FilterComparison selects on each call's JSON.
struct CallCondition
{
    enum class Kind { Compare, All, Any };

    Kind kind = Kind::All;
    QString field;                  // Compare: "status", "customer_number", "timestamp", ...
    QString op;                     // Compare: eq neq gt gte lt lte contains startswith in isnull
    QJsonValue value;               // Compare: as the filter gives it
    QList<CallCondition> children;  // All / Any; an empty All is true, an empty Any false
};
