#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

// Converts a sender's number (a JSON double, a form field's text) to an integer only when
// it is whole and inside the range the caller names. Casting an out-of-range double
// (qint64(1e20)) is undefined behaviour, so every conversion of input numbers to integers
// (timestamps, durations, ids, indexes) goes through here and ends in a value or in
// std::nullopt, which the caller reports as a field error with rangeError().
//
// Invariant: a returned value always lies in [min, max]; doubles are taken only within
// +-2^53, where every integer is exact.
class CheckedInteger
{
public:
    static constexpr qint64 kMaxExactDouble = 9007199254740992;   // 2^53
    // Epoch milliseconds up to 9999-12-31T23:59:59.999Z, the last instant ISO 8601 writes
    // with four-digit years.
    static constexpr qint64 kMaxEpochMs = 253402300799999;

    // A whole double in [min, max] (1.5, NaN and 1e20 are not).
    static std::optional<qint64> fromDouble(double value, qint64 min, qint64 max);
    // A finite double rounded to the nearest integer, in [min, max] (epoch seconds with a
    // fraction, scaled to milliseconds).
    static std::optional<qint64> fromRoundedDouble(double value, qint64 min, qint64 max);
    // Decimal text ("42", surrounding spaces allowed) in [min, max].
    static std::optional<qint64> fromText(QStringView text, qint64 min, qint64 max);
    // A JSON number, or with `textAllowed` (form bodies) also its text, in [min, max].
    static std::optional<qint64> fromJson(const QJsonValue &value, qint64 min, qint64 max, bool textAllowed = false);

    // The field error for a value the conversions refused: "Must be a whole number from
    // 1 to 9007199254740992."
    static QString rangeError(qint64 min, qint64 max);
};
