#include "callsperdaychart.h"

#include "dayaxis.h"
#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"

#include <QLocale>

#include <qcustomplot.h>

CallsPerDayChart::CallsPerDayChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Calls per day"), figures, DashboardFigure::Days, parent)
    , m_bars(new QCPBars(plot()->xAxis, plot()->yAxis))
{
    setObjectName(QStringLiteral("callsPerDayChart"));
    m_bars->setWidth(0.8 * DayAxis::DaySeconds);
    m_bars->setPen(Qt::NoPen);
    plot()->yAxis->setLabel(tr("calls"));
    plot()->xAxis->grid()->setVisible(false);
}

const CallStatistics::Day *CallsPerDayChart::dayAt(const QPointF &pixel) const
{
    const QDate date = DayAxis::dayAt(plot()->xAxis->pixelToCoord(pixel.x()));
    for (const CallStatistics::Day &day : figures()->data().days) {
        if (day.date == date)
            return isOnBar(pixel, double(day.calls)) ? &day : nullptr;
    }
    return nullptr;
}

std::optional<CallQuery> CallsPerDayChart::callsAt(const QPointF &pixel) const
{
    if (const CallStatistics::Day *day = dayAt(pixel))
        return DrillDown::toDay(figures()->query(), day->date);
    return std::nullopt;
}

QString CallsPerDayChart::describeAt(const QPointF &pixel) const
{
    if (const CallStatistics::Day *day = dayAt(pixel))
        return tr("%1: %n call(s)", nullptr, int(day->calls)).arg(QLocale().toString(day->date, QLocale::ShortFormat));
    return {};
}

void CallsPerDayChart::redraw()
{
    const auto &days = figures()->data().days;
    QVector<double> keys, values;
    double highest = 0;
    for (const CallStatistics::Day &day : days) {
        keys.append(DayAxis::keyOf(day.date));
        values.append(double(day.calls));
        highest = std::max(highest, double(day.calls));
    }
    m_bars->setData(keys, values, true);
    m_bars->setBrush(palette().color(QPalette::Highlight));
    if (!days.isEmpty())
        DayAxis::apply(plot()->xAxis, days.first().date, days.last().date);
    plot()->yAxis->setRange(0, std::max(1.0, highest * 1.1));
    useCountTicks(plot()->yAxis);
}

bool CallsPerDayChart::isEmpty() const
{
    return figures()->data().days.isEmpty();
}

QString CallsPerDayChart::csv() const
{
    return DashboardCsv::callsPerDay(figures()->data().days);
}

QList<QPointF> CallsPerDayChart::targets() const
{
    QList<QPointF> points;
    for (const CallStatistics::Day &day : figures()->data().days) {
        points.append({plot()->xAxis->coordToPixel(DayAxis::keyOf(day.date)),
                       plot()->yAxis->coordToPixel(double(day.calls) / 2)});
    }
    return points;
}
