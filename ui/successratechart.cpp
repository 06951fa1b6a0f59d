#include "successratechart.h"

#include "dayaxis.h"
#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"

#include <QLocale>

#include <qcustomplot.h>

namespace {

constexpr double HitRadiusPx = 12.0;

double percent(const CallStatistics::Day &day)
{
    return 100.0 * double(day.successes) / double(day.withStatus);
}

} // namespace

SuccessRateChart::SuccessRateChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Success rate"), figures, DashboardFigure::Days, parent)
    , m_rate(plot()->addGraph())
{
    setObjectName(QStringLiteral("successRateChart"));
    m_rate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    plot()->yAxis->setRange(0, 105);
    plot()->yAxis->setLabel(tr("% succeeded"));
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25);
    plot()->yAxis->setTicker(ticker);
}

const CallStatistics::Day *SuccessRateChart::dayAt(const QPointF &pixel) const
{
    const QDate date = DayAxis::dayAt(plot()->xAxis->pixelToCoord(pixel.x()));
    for (const CallStatistics::Day &day : figures()->data().days) {
        if (day.date != date || day.withStatus == 0)
            continue;
        const double y = plot()->yAxis->coordToPixel(percent(day));
        return std::abs(y - pixel.y()) <= HitRadiusPx ? &day : nullptr;
    }
    return nullptr;
}

std::optional<CallQuery> SuccessRateChart::callsAt(const QPointF &pixel) const
{
    if (const CallStatistics::Day *day = dayAt(pixel))
        return DrillDown::toDay(figures()->query(), day->date);
    return std::nullopt;
}

QString SuccessRateChart::describeAt(const QPointF &pixel) const
{
    const CallStatistics::Day *day = dayAt(pixel);
    if (!day)
        return {};
    return tr("%1: %2 % of %n call(s) with a status succeeded", nullptr, int(day->withStatus))
        .arg(QLocale().toString(day->date, QLocale::ShortFormat), QLocale().toString(percent(*day), 'f', 0));
}

void SuccessRateChart::redraw()
{
    const auto &days = figures()->data().days;
    QVector<double> keys, values;
    for (const CallStatistics::Day &day : days) {
        if (day.withStatus == 0)
            continue;
        keys.append(DayAxis::keyOf(day.date));
        values.append(percent(day));
    }
    const QColor color = palette().color(QPalette::Highlight);
    m_rate->setPen(QPen(color, 2));
    m_rate->setData(keys, values, true);
    if (!days.isEmpty())
        DayAxis::apply(plot()->xAxis, days.first().date, days.last().date);
}

bool SuccessRateChart::isEmpty() const
{
    for (const CallStatistics::Day &day : figures()->data().days) {
        if (day.withStatus > 0)
            return false;
    }
    return true;
}

QString SuccessRateChart::emptyText() const
{
    return figures()->data().days.isEmpty() ? DashboardChart::emptyText() : tr("No call has a status yet");
}

QString SuccessRateChart::csv() const
{
    return DashboardCsv::successRate(figures()->data().days);
}

QList<QPointF> SuccessRateChart::targets() const
{
    QList<QPointF> points;
    for (const CallStatistics::Day &day : figures()->data().days) {
        if (day.withStatus > 0)
            points.append({plot()->xAxis->coordToPixel(DayAxis::keyOf(day.date)), plot()->yAxis->coordToPixel(percent(day))});
    }
    return points;
}
