#include "calltimeticker.h"

#include <cmath>
#include <iterator>

namespace {

struct Step
{
    double seconds;
    int subTicks;
};

constexpr Step kSteps[] = {
    {0.1, 1},   {0.2, 1},   {0.5, 4},    {1, 1},      {2, 1},       {5, 4},       {10, 1},
    {15, 2},    {30, 2},    {60, 3},     {120, 1},    {300, 4},     {600, 1},     {900, 2},
    {1800, 2},  {3600, 3},  {7200, 1},   {10800, 2},  {21600, 1},
};

} // namespace

QString CallTimeTicker::label(double seconds, bool showHours, int decimals)
{
    const auto tenths = qint64(std::round(std::max(0.0, seconds) * 10));
    const qint64 whole = tenths / 10;
    const QLatin1Char zero('0');
    const QString secondsText = QStringLiteral("%1").arg(whole % 60, 2, 10, zero);
    QString text = showHours ? QStringLiteral("%1:%2:%3").arg(whole / 3600).arg(whole / 60 % 60, 2, 10, zero).arg(secondsText)
                             : QStringLiteral("%1:%2").arg(whole / 60).arg(secondsText);
    if (decimals > 0)
        text += QLatin1Char('.') + QString::number(tenths % 10);
    return text;
}

double CallTimeTicker::getTickStep(const QCPRange &range)
{
    // The smallest step that keeps the ticks within the tick count QCustomPlot asks for.
    const double wanted = range.size() / std::max(1, tickCount());
    m_step = std::prev(std::end(kSteps))->seconds;
    for (const Step &step : kSteps) {
        if (step.seconds >= wanted) {
            m_step = step.seconds;
            break;
        }
    }
    return m_step;
}

int CallTimeTicker::getSubTickCount(double tickStep)
{
    for (const Step &step : kSteps) {
        if (qFuzzyCompare(step.seconds, tickStep))
            return step.subTicks;
    }
    return 0;
}

QString CallTimeTicker::getTickLabel(double tick, const QLocale &, QChar, int)
{
    return label(tick, m_showHours, m_step < 1.0 ? 1 : 0);
}
