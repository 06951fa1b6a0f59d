#pragma once

#include <QDate>

class QCPAxis;

// Days along a QCustomPlot axis: a day's key is local noon in seconds since the epoch,
// so the date ticker labels each bar and point with its own day, DST or not.
namespace DayAxis {

double keyOf(QDate date);
// The day whose key is nearest to `key`.
QDate dayAt(double key);
constexpr double DaySeconds = 24.0 * 60 * 60;
// A date ticker ("Dec 3") on `axis`, and its range around [first, last].
void apply(QCPAxis *axis, QDate first, QDate last);

} // namespace DayAxis
