#include "checkedinteger.h"

#include <cmath>

using namespace Qt::StringLiterals;

std::optional<qint64> CheckedInteger::fromDouble(double value, qint64 min, qint64 max)
{
    if (!std::isfinite(value) || value != std::trunc(value))
        return std::nullopt;
    return fromRoundedDouble(value, min, max);
}

std::optional<qint64> CheckedInteger::fromRoundedDouble(double value, qint64 min, qint64 max)
{
    // The comparisons are false for NaN; inside +-2^53 the cast is defined and exact.
    if (!(value >= -double(kMaxExactDouble) && value <= double(kMaxExactDouble)))
        return std::nullopt;
    const qint64 number = qint64(std::round(value));
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

std::optional<qint64> CheckedInteger::fromText(QStringView text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);   // ok is false on overflow
    if (!ok || number < min || number > max)
        return std::nullopt;
    return number;
}

std::optional<qint64> CheckedInteger::fromJson(const QJsonValue &value, qint64 min, qint64 max, bool textAllowed)
{
    if (value.isDouble())
        return fromDouble(value.toDouble(), min, max);
    if (value.isString() && textAllowed)
        return fromText(value.toString(), min, max);
    return std::nullopt;
}

QString CheckedInteger::rangeError(qint64 min, qint64 max)
{
    return u"Must be a whole number from %1 to %2."_s.arg(min).arg(max);
}
