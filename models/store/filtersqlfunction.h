#pragma once

#include <QSqlDatabase>
#include <QString>

// The SQL function callscope_match(op, value, column): 1 when FilterComparison::matches()
// holds for the column's value as the call's JSON holds it (NULL as null, integers and
// reals as numbers, text as text) against `value`, the filter's value as the JSON text
// of a one-element array. CallConditionSql uses it for the comparisons SQL's own
// operators would answer differently (number-like text, case-insensitive contains), so
// they still run inside the query. The parsed value is kept per statement.
class FilterSqlFunction
{
public:
    static QString name() { return QStringLiteral("callscope_match"); }
    // Registers the function on an open SQLite connection; false (and `error`) if not.
    static bool install(const QSqlDatabase &db, QString *error);
};
