#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

class FilterValueSet;

// How a filters_v2 condition compares a value of a call's CallLogDetail JSON with the
// filter's value. The one definition of that comparison: CallLogFilter::matches() uses it
// on each call, and the store's SQL function (FilterSqlFunction) on each row, so both
// paths always agree. Number-like text compares as a number ("+1555" equals 1555, "01:30"
// equals 90), other text as text; timestamps compare as instants; contains and startswith
// ignore case.
class FilterComparison
{
public:
    // `inSet` (optional) is `expected` made into a set; without it "in" walks the list.
    static bool matches(const QJsonValue &actual, const QString &op, const QJsonValue &expected, bool timeField,
                        const FilterValueSet *inSet = nullptr);
    static bool equal(const QJsonValue &actual, const QJsonValue &expected, bool timeField);

    // The number a value stands for: a JSON number, a boolean as 1/0, decimal text, or
    // "MM:SS" (the duration field) in seconds.
    static std::optional<double> number(const QJsonValue &value);
    // The value as text; objects and arrays as compact JSON, null as "".
    static QString text(const QJsonValue &value);
};
