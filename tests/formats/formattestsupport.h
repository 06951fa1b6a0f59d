#pragma once

// Helpers shared by the format and provider tests: JSON from text, and a readable
// difference between parsed turns and the expected cekura turns (times compared to the
// microsecond, since epoch arithmetic is not exact in binary floating point).

#include "calllog/turn.h"
#include "formats/transcriptformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace FormatTestSupport {

inline QJsonValue json(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return document.object();
    return QJsonValue(QJsonValue::Undefined);
}

inline QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Empty when `actual` matches `expected` (a cekura turns array); else what differs.
inline QString turnDifferences(const Turns &actual, const QJsonArray &expected)
{
    if (actual.size() != expected.size())
        return QStringLiteral("%1 turns, expected %2").arg(actual.size()).arg(expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QJsonObject got = actual.at(i).toJson();
        QJsonObject want = expected.at(i).toObject();
        for (const QLatin1String key : {QLatin1String("start_time"), QLatin1String("end_time")}) {
            if (std::abs(got.value(key).toDouble() - want.value(key).toDouble()) < 1e-6)
                got.insert(key, want.value(key));
        }
        if (got != want)
            return QStringLiteral("turn %1 is %2, expected %3").arg(i).arg(compact(got), compact(want));
    }
    return {};
}

} // namespace FormatTestSupport
