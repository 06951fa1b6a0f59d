#include "filtervalueset.h"

#include "filtercomparison.h"

#include <QDateTime>

#include <cmath>

namespace {

// -0.0 and 0.0 are equal numbers: one key.
double key(double number)
{
    return number == 0.0 ? 0.0 : number;
}

} // namespace

FilterValueSet::FilterValueSet(const QJsonArray &items, bool timeField)
    : m_timeField(timeField)
{
    for (const QJsonValue &item : items) {
        m_items.append(item);
        m_hasNull = m_hasNull || item.isNull();
        if (timeField) {
            const QDateTime time = QDateTime::fromString(item.toString(), Qt::ISODateWithMs);
            if (time.isValid())
                m_instants.insert(time.toMSecsSinceEpoch());
            else
                m_unkeyed.append(item);
            continue;
        }
        if (!item.isString() && !item.isDouble()) {
            m_unkeyed.append(item);
            continue;
        }
        if (item.isString())
            m_strings.insert(item.toString());
        if (const std::optional<double> number = FilterComparison::number(item)) {
            if (std::isnan(*number))
                m_hasNaN = true;
            else
                m_numbers.insert(key(*number));
        }
    }
}

bool FilterValueSet::containsLinearly(const QJsonValue &actual, const QList<QJsonValue> &items) const
{
    for (const QJsonValue &item : items) {
        if (FilterComparison::equal(actual, item, m_timeField))
            return true;
    }
    return false;
}

bool FilterValueSet::contains(const QJsonValue &actual) const
{
    if (actual.isNull() || actual.isUndefined())
        return m_hasNull;
    if (m_timeField) {
        const QDateTime time = QDateTime::fromString(actual.toString(), Qt::ISODateWithMs);
        // A value that is no time only equals an identical item, which is no time either.
        if (!time.isValid())
            return containsLinearly(actual, m_unkeyed);
        return m_instants.contains(time.toMSecsSinceEpoch());
    }
    // Text and number items: number-like values compare as numbers, and only with
    // number-like items; other values compare as text, and only with text items.
    if (const std::optional<double> number = FilterComparison::number(actual)) {
        if (std::isnan(*number))
            return containsLinearly(actual, m_items);
        if (m_hasNaN || m_numbers.contains(key(*number)))
            return true;
        // true/false are numbers (1/0) and also the text "true"/"false".
        if (actual.isBool() && m_strings.contains(FilterComparison::text(actual)))
            return true;
    } else if (m_strings.contains(FilterComparison::text(actual))) {
        return true;
    }
    return containsLinearly(actual, m_unkeyed);
}
