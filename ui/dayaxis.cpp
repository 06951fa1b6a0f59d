#include "dayaxis.h"

#include <QDateTime>

#include <qcustomplot.h>

#include <cmath>

namespace DayAxis {

double keyOf(QDate date)
{
    return double(QDateTime(date, QTime(12, 0)).toSecsSinceEpoch());
}

QDate dayAt(double key)
{
    return QDateTime::fromSecsSinceEpoch(qint64(std::llround(key))).date();
}

void apply(QCPAxis *axis, QDate first, QDate last)
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MMM d"));
    ticker->setTickCount(6);
    axis->setTicker(ticker);
    axis->setRange(keyOf(first) - 0.6 * DaySeconds, keyOf(last) + 0.6 * DaySeconds);
}

} // namespace DayAxis
