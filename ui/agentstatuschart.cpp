#include "agentstatuschart.h"

#include "calllog/agentkey.h"
#include "item/activefilters.h"
#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"
#include "statusdelegate.h"

#include <QLocale>

#include <qcustomplot.h>

namespace {

// As the call list names agents: their name, else "Agent 7" or the assistant id.
QString labelOf(const CallStatistics::AgentStatuses &agent)
{
    if (!agent.name.isEmpty())
        return agent.name;
    const AgentKey key = AgentKey::parse(agent.agentKey);
    return key.agent() ? AgentStatusChart::tr("Agent %1").arg(*key.agent()) : ActiveFilters::agentText(agent.agentKey);
}

} // namespace

AgentStatusChart::AgentStatusChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Status by agent"), figures, DashboardFigure::AgentStatuses, parent)
{
    setObjectName(QStringLiteral("agentStatusChart"));
    QCPBars *below = nullptr;
    for (int segment = 0; segment < segments().size(); ++segment) {
        auto *bars = new QCPBars(plot()->yAxis, plot()->xAxis);
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
        bars->setName(segmentName(segment));
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars.append(bars);
    }
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);
    plot()->xAxis->setLabel(tr("calls"));
    placeLegendBelow();
    plot()->legend->setWrap(int(segments().size()));
}

QList<std::optional<ReviewStatus>> AgentStatusChart::segments()
{
    return {ReviewStatus::Success, ReviewStatus::ReviewedSuccess, ReviewStatus::Failure, ReviewStatus::ReviewedFailure,
            std::nullopt};
}

qint64 AgentStatusChart::countOf(const CallStatistics::AgentStatuses &counts, int segment)
{
    switch (segment) {
    case 0: return counts.success;
    case 1: return counts.reviewedSuccess;
    case 2: return counts.failure;
    case 3: return counts.reviewedFailure;
    default: return counts.none;
    }
}

QString AgentStatusChart::segmentName(int segment) const
{
    const std::optional<ReviewStatus> status = segments().at(segment);
    return status ? ActiveFilters::statusText(*status) : tr("no status");
}

void AgentStatusChart::redraw()
{
    const auto &agents = figures()->data().agents;
    m_rows.clear();
    for (const CallStatistics::AgentStatuses &agent : agents) {
        if (m_rows.size() < ShownAgents) {
            m_rows.append({labelOf(agent), {agent.agentKey}, agent});
            continue;
        }
        if (m_rows.size() == ShownAgents)
            m_rows.append({tr("Other agents"), {}, {}});
        Row &others = m_rows.last();
        others.agentKeys.append(agent.agentKey);
        others.counts.success += agent.success;
        others.counts.failure += agent.failure;
        others.counts.reviewedSuccess += agent.reviewedSuccess;
        others.counts.reviewedFailure += agent.reviewedFailure;
        others.counts.none += agent.none;
    }

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->yAxis->ticker());
    ticker->clear();
    qint64 widest = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        ticker->addTick(row + 1, m_rows.at(row).label);
        widest = std::max(widest, m_rows.at(row).counts.total());
    }
    for (int segment = 0; segment < m_bars.size(); ++segment) {
        QVector<double> keys, values;
        for (int row = 0; row < m_rows.size(); ++row) {
            keys.append(row + 1);
            values.append(double(countOf(m_rows.at(row).counts, segment)));
        }
        const std::optional<ReviewStatus> status = segments().at(segment);
        QColor color = StatusDelegate::colorFor(status ? ReviewStatuses::name(*status) : QString(), palette());
        // A reviewer's verdict in the full colour, the sender's or the metrics' lighter.
        if (status == ReviewStatus::Success || status == ReviewStatus::Failure || !status)
            color.setAlphaF(0.55f);
        m_bars.at(segment)->setBrush(color);
        m_bars.at(segment)->setData(keys, values, true);
    }
    plot()->yAxis->setRange(0.4, m_rows.size() + 0.6);
    plot()->xAxis->setRange(0, std::max<double>(1, double(widest) * 1.05));
    useCountTicks(plot()->xAxis);
    setMinimumHeight(200 + 22 * int(m_rows.size()));
}

AgentStatusChart::Hit AgentStatusChart::hitAt(const QPointF &pixel) const
{
    const double key = plot()->yAxis->pixelToCoord(pixel.y());
    const int row = int(std::lround(key)) - 1;
    if (row < 0 || row >= m_rows.size() || std::abs(key - (row + 1)) > 0.35)
        return {};
    const double value = plot()->xAxis->pixelToCoord(pixel.x());
    double end = 0;
    for (int segment = 0; segment < segments().size(); ++segment) {
        end += double(countOf(m_rows.at(row).counts, segment));
        if (value >= 0 && value < end)
            return {&m_rows.at(row), segment};
    }
    return {};
}

std::optional<CallQuery> AgentStatusChart::callsAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    // CallQuery cannot ask for "no status": that segment opens nothing.
    if (!hit.row || !segments().at(hit.segment))
        return std::nullopt;
    return DrillDown::toAgents(figures()->query(), hit.row->agentKeys, segments().at(hit.segment));
}

QString AgentStatusChart::describeAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    if (!hit.row)
        return {};
    const qint64 calls = countOf(hit.row->counts, hit.segment);
    return tr("%1, %2: %n call(s) of %3", nullptr, int(calls))
        .arg(hit.row->label, segmentName(hit.segment), QLocale().toString(hit.row->counts.total()));
}

bool AgentStatusChart::isEmpty() const
{
    return figures()->data().agents.isEmpty();
}

QString AgentStatusChart::csv() const
{
    return DashboardCsv::agentStatuses(figures()->data().agents);
}

QList<QPointF> AgentStatusChart::targets() const
{
    QList<QPointF> points;
    for (int row = 0; row < m_rows.size(); ++row) {
        double start = 0;
        for (int segment = 0; segment < segments().size(); ++segment) {
            const auto calls = double(countOf(m_rows.at(row).counts, segment));
            if (calls > 0)
                points.append({plot()->xAxis->coordToPixel(start + calls / 2), plot()->yAxis->coordToPixel(row + 1)});
            start += calls;
        }
    }
    return points;
}
