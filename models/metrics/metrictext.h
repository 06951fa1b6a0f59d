#pragma once

#include <QString>
#include <QStringView>

// The pieces the built-in metrics' explanations are written with, so that every
// explanation names turns and times the same way: "turn 5" (1-based), "2.4 s".
class MetricText
{
public:
    // "turn 5" for index 4.
    static QString turn(int index);
    // "2.4 s", "0.35 s", "12 s": at most two decimals, trailing zeros dropped.
    static QString seconds(double seconds);
    // A number with at most two decimals: "0.86", "150".
    static QString number(double value);
    // The text in quotes, cut to `maxLength` characters with an ellipsis.
    static QString quote(QStringView text, qsizetype maxLength = 80);
};
