#include "interruptionchart.h"

#include "dayaxis.h"
#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"

#include <QLocale>

#include <qcustomplot.h>

namespace {

constexpr double HitRadiusPx = 12.0;

std::optional<double> percent(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(100.0 * double(part) / double(whole)) : std::nullopt;
}

std::optional<double> agentRate(const CallStatistics::InterruptionDay &day)
{
    return percent(day.withAgentInterruptions, day.evaluatedByAgent);
}

std::optional<double> callerRate(const CallStatistics::InterruptionDay &day)
{
    return percent(day.withCallerInterruptions, day.evaluatedByCaller);
}

} // namespace

InterruptionChart::InterruptionChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Interruption rate"), figures, DashboardFigure::Interruptions, parent)
    , m_byAgent(plot()->addGraph())
    , m_byCaller(plot()->addGraph())
{
    setObjectName(QStringLiteral("interruptionChart"));
    m_byAgent->setName(tr("agent interrupts"));
    m_byCaller->setName(tr("caller interrupts"));
    m_byAgent->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    m_byCaller->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));
    plot()->yAxis->setLabel(tr("% of calls"));
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

InterruptionChart::Hit InterruptionChart::hitAt(const QPointF &pixel) const
{
    const QDate date = DayAxis::dayAt(plot()->xAxis->pixelToCoord(pixel.x()));
    for (const CallStatistics::InterruptionDay &day : figures()->data().interruptions) {
        if (day.date != date)
            continue;
        Hit best;
        double nearest = HitRadiusPx;
        for (const bool byAgent : {true, false}) {
            const std::optional<double> rate = byAgent ? agentRate(day) : callerRate(day);
            if (!rate)
                continue;
            const double distance = std::abs(plot()->yAxis->coordToPixel(*rate) - pixel.y());
            if (distance <= nearest) {
                nearest = distance;
                best = {&day, byAgent};
            }
        }
        return best;
    }
    return {};
}

std::optional<CallQuery> InterruptionChart::callsAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    if (!hit.day)
        return std::nullopt;
    const qint64 with = hit.byAgent ? hit.day->withAgentInterruptions : hit.day->withCallerInterruptions;
    if (with == 0)
        return std::nullopt;
    return DrillDown::toScores(DrillDown::toDay(figures()->query(), hit.day->date),
                               hit.byAgent ? QStringLiteral("interruptions_by_agent")
                                           : QStringLiteral("interruptions_by_caller"),
                               1.0, std::nullopt);
}

QString InterruptionChart::describeAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    if (!hit.day)
        return {};
    const QString date = QLocale().toString(hit.day->date, QLocale::ShortFormat);
    if (hit.byAgent) {
        return tr("%1: the agent interrupted in %2 of %n evaluated call(s)", nullptr, int(hit.day->evaluatedByAgent))
            .arg(date, QLocale().toString(hit.day->withAgentInterruptions));
    }
    return tr("%1: the caller interrupted in %2 of %n evaluated call(s)", nullptr, int(hit.day->evaluatedByCaller))
        .arg(date, QLocale().toString(hit.day->withCallerInterruptions));
}

void InterruptionChart::redraw()
{
    const auto &days = figures()->data().interruptions;
    QVector<double> agentKeys, agentValues, callerKeys, callerValues;
    double highest = 0;
    for (const CallStatistics::InterruptionDay &day : days) {
        if (const auto rate = agentRate(day)) {
            agentKeys.append(DayAxis::keyOf(day.date));
            agentValues.append(*rate);
            highest = std::max(highest, *rate);
        }
        if (const auto rate = callerRate(day)) {
            callerKeys.append(DayAxis::keyOf(day.date));
            callerValues.append(*rate);
            highest = std::max(highest, *rate);
        }
    }
    const QColor agent = palette().color(QPalette::Highlight);
    const QColor caller = textColor(0.6);
    m_byAgent->setPen(QPen(agent, 2));
    m_byCaller->setPen(QPen(caller, 2, Qt::DashLine));
    m_byAgent->setData(agentKeys, agentValues, true);
    m_byCaller->setData(callerKeys, callerValues, true);
    if (!days.isEmpty())
        DayAxis::apply(plot()->xAxis, days.first().date, days.last().date);
    plot()->yAxis->setRange(0, std::clamp(highest * 1.3, 10.0, 105.0));
}

bool InterruptionChart::isEmpty() const
{
    return figures()->data().interruptions.isEmpty();
}

QString InterruptionChart::emptyText() const
{
    return tr("No call has interruption results yet");
}

QString InterruptionChart::csv() const
{
    return DashboardCsv::interruptions(figures()->data().interruptions);
}

QList<QPointF> InterruptionChart::targets() const
{
    QList<QPointF> points;
    for (const CallStatistics::InterruptionDay &day : figures()->data().interruptions) {
        const double x = plot()->xAxis->coordToPixel(DayAxis::keyOf(day.date));
        if (const auto rate = agentRate(day))
            points.append({x, plot()->yAxis->coordToPixel(*rate)});
        if (const auto rate = callerRate(day))
            points.append({x, plot()->yAxis->coordToPixel(*rate)});
    }
    return points;
}
