#include "passratechart.h"

#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"
#include "statusdelegate.h"

#include <QLocale>

#include <qcustomplot.h>

namespace {

double percentPassed(const CallStatistics::PassRate &metric)
{
    return metric.total() > 0 ? 100.0 * double(metric.passed) / double(metric.total()) : 0.0;
}

QString labelOf(const CallStatistics::PassRate &metric)
{
    return metric.name.isEmpty() ? metric.key : metric.name;
}

} // namespace

PassRateChart::PassRateChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Pass rate per metric"), figures, DashboardFigure::PassRates, parent)
    , m_passed(new QCPBars(plot()->yAxis, plot()->xAxis))
    , m_failed(new QCPBars(plot()->yAxis, plot()->xAxis))
{
    setObjectName(QStringLiteral("passRateChart"));
    m_passed->setName(tr("passed"));
    m_failed->setName(tr("failed"));
    for (QCPBars *bars : {m_passed, m_failed}) {
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
    }
    m_failed->moveAbove(m_passed);
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);
    plot()->xAxis->setRange(0, 100);
    plot()->xAxis->setLabel(tr("% of evaluated calls"));
    placeLegendBelow();
}

PassRateChart::Hit PassRateChart::hitAt(const QPointF &pixel) const
{
    const auto &rates = figures()->data().passRates;
    const double key = plot()->yAxis->pixelToCoord(pixel.y());
    const int row = int(std::lround(key)) - 1;
    if (row < 0 || row >= rates.size() || std::abs(key - (row + 1)) > 0.35)
        return {};
    const double value = plot()->xAxis->pixelToCoord(pixel.x());
    if (value < 0 || value > 100)
        return {};
    return {&rates.at(row), value < percentPassed(rates.at(row))};
}

std::optional<CallQuery> PassRateChart::callsAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    // A result posted by the sender for a metric this database does not define has no
    // key to filter by.
    if (!hit.metric || hit.metric->key.isEmpty())
        return std::nullopt;
    return DrillDown::toVerdict(figures()->query(), hit.metric->key, hit.passed);
}

QString PassRateChart::describeAt(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    if (!hit.metric)
        return {};
    const QString percent = QLocale().toString(hit.passed ? percentPassed(*hit.metric) : 100.0 - percentPassed(*hit.metric), 'f', 0);
    return hit.passed ? tr("%1: passed in %n call(s) (%2 %)", nullptr, int(hit.metric->passed)).arg(labelOf(*hit.metric), percent)
                      : tr("%1: failed in %n call(s) (%2 %)", nullptr, int(hit.metric->failed)).arg(labelOf(*hit.metric), percent);
}

void PassRateChart::redraw()
{
    const auto &rates = figures()->data().passRates;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->yAxis->ticker());
    ticker->clear();
    QVector<double> keys, passed, failed;
    for (int row = 0; row < rates.size(); ++row) {
        ticker->addTick(row + 1, labelOf(rates.at(row)));
        keys.append(row + 1);
        passed.append(percentPassed(rates.at(row)));
        failed.append(rates.at(row).total() > 0 ? 100.0 - passed.last() : 0.0);
    }
    m_passed->setBrush(StatusDelegate::colorFor(QStringLiteral("success"), palette()));
    m_failed->setBrush(StatusDelegate::colorFor(QStringLiteral("failure"), palette()));
    m_passed->setData(keys, passed, true);
    m_failed->setData(keys, failed, true);
    plot()->yAxis->setRange(0.4, rates.size() + 0.6);
    setMinimumHeight(200 + 22 * int(rates.size()));
}

bool PassRateChart::isEmpty() const
{
    return figures()->data().passRates.isEmpty();
}

QString PassRateChart::emptyText() const
{
    return tr("No call has a pass or fail result yet");
}

QString PassRateChart::csv() const
{
    return DashboardCsv::passRates(figures()->data().passRates);
}

QList<QPointF> PassRateChart::targets() const
{
    QList<QPointF> points;
    const auto &rates = figures()->data().passRates;
    for (int row = 0; row < rates.size(); ++row) {
        const double passed = percentPassed(rates.at(row));
        const double y = plot()->yAxis->coordToPixel(row + 1);
        if (rates.at(row).passed > 0)
            points.append({plot()->xAxis->coordToPixel(passed / 2), y});
        if (rates.at(row).failed > 0)
            points.append({plot()->xAxis->coordToPixel(passed + (100 - passed) / 2), y});
    }
    return points;
}
