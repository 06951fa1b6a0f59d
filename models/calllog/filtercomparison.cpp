#include "filtercomparison.h"

#include "filtervalueset.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

int sign(int compared)
{
    return compared < 0 ? -1 : (compared > 0 ? 1 : 0);
}

// -1, 0, 1, or nullopt when the two cannot be ordered.
std::optional<int> order(const QJsonValue &actual, const QJsonValue &expected, bool timeField)
{
    if (timeField) {
        const QDateTime a = QDateTime::fromString(actual.toString(), Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(expected.toString(), Qt::ISODateWithMs);
        if (!a.isValid() || !b.isValid())
            return std::nullopt;
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    if (actual.isString() && expected.isString() && !FilterComparison::number(actual))
        return sign(actual.toString().compare(expected.toString()));
    const auto a = FilterComparison::number(actual);
    const auto b = FilterComparison::number(expected);
    if (a && b)
        return *a < *b ? -1 : (*a > *b ? 1 : 0);
    if (actual.isString() || expected.isString())
        return sign(FilterComparison::text(actual).compare(FilterComparison::text(expected)));
    return std::nullopt;
}

} // namespace

std::optional<double> FilterComparison::number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isBool())
        return value.toBool() ? 1.0 : 0.0;
    if (value.isString()) {
        const QString text = value.toString();
        bool ok = false;
        const double parsed = text.toDouble(&ok);
        if (ok)
            return parsed;
        const QStringList parts = text.split(QLatin1Char(':'));
        if (parts.size() == 2) {
            bool okMinutes = false, okSeconds = false;
            const double minutes = parts[0].toDouble(&okMinutes);
            const double seconds = parts[1].toDouble(&okSeconds);
            if (okMinutes && okSeconds)
                return minutes * 60 + seconds;
        }
    }
    return std::nullopt;
}

QString FilterComparison::text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

bool FilterComparison::equal(const QJsonValue &actual, const QJsonValue &expected, bool timeField)
{
    if (actual.isNull() || actual.isUndefined())
        return expected.isNull();
    if (const auto o = order(actual, expected, timeField))
        return *o == 0;
    return actual == expected;
}

bool FilterComparison::matches(const QJsonValue &actual, const QString &op, const QJsonValue &expected,
                               bool timeField, const FilterValueSet *inSet)
{
    const bool missing = actual.isNull() || actual.isUndefined() || (actual.isString() && actual.toString().isEmpty());
    if (op == QLatin1String("isnull"))
        return missing == expected.toBool();
    if (op == QLatin1String("eq"))
        return equal(actual, expected, timeField);
    if (op == QLatin1String("neq"))
        return !equal(actual, expected, timeField);
    if (op == QLatin1String("in")) {
        if (inSet)
            return inSet->contains(actual);
        for (const QJsonValue &item : expected.toArray()) {
            if (equal(actual, item, timeField))
                return true;
        }
        return false;
    }
    if (missing)
        return false;
    if (op == QLatin1String("contains"))
        return text(actual).contains(text(expected), Qt::CaseInsensitive);
    if (op == QLatin1String("startswith"))
        return text(actual).startsWith(text(expected), Qt::CaseInsensitive);
    const std::optional<int> o = order(actual, expected, timeField);
    if (!o)
        return false;
    if (op == QLatin1String("gt"))
        return *o > 0;
    if (op == QLatin1String("gte"))
        return *o >= 0;
    if (op == QLatin1String("lt"))
        return *o < 0;
    if (op == QLatin1String("lte"))
        return *o <= 0;
    return false;
}
