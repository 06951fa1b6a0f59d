#include "latencychart.h"

#include "ingest/dashboardcsv.h"
#include "item/dashboardfigures.h"
#include "item/drilldown.h"

#include <QComboBox>
#include <QLocale>

#include <qcustomplot.h>

namespace {

QString milliseconds(double value)
{
    return DashboardChart::tr("%1 ms").arg(QLocale().toString(value, 'f', 0));
}

QString metricName(const QString &key)
{
    if (key == QLatin1String("latency_p50_ms"))
        return LatencyChart::tr("Latency p50 per call");
    if (key == QLatin1String("latency_mean_ms"))
        return LatencyChart::tr("Latency mean per call");
    if (key == QLatin1String("latency_p90_ms"))
        return LatencyChart::tr("Latency p90 per call");
    if (key == QLatin1String("latency_max_ms"))
        return LatencyChart::tr("Latency max per call");
    return LatencyChart::tr("Time to first audio");
}

} // namespace

LatencyChart::LatencyChart(DashboardFigures *figures, QWidget *parent)
    : DashboardChart(tr("Latency distribution"), figures, DashboardFigure::Latency, parent)
    , m_metric(new QComboBox(this))
    , m_bars(new QCPBars(plot()->xAxis, plot()->yAxis))
    , m_p50(new QCPItemStraightLine(plot()))
    , m_p90(new QCPItemStraightLine(plot()))
    , m_p50Label(new QCPItemText(plot()))
    , m_p90Label(new QCPItemText(plot()))
    , m_beyondLabel(new QCPItemText(plot()))
{
    setObjectName(QStringLiteral("latencyChart"));
    m_metric->setAccessibleName(tr("Latency metric"));
    for (const QString &key : DashboardFigures::latencyMetrics())
        m_metric->addItem(metricName(key), key);
    m_metric->setCurrentIndex(int(DashboardFigures::latencyMetrics().indexOf(figures->latencyMetric())));
    addHeaderWidget(m_metric);
    connect(m_metric, &QComboBox::currentIndexChanged, this,
            [this] { this->figures()->setLatencyMetric(m_metric->currentData().toString()); });

    m_bars->setPen(Qt::NoPen);
    plot()->xAxis->setLabel(tr("ms"));
    plot()->yAxis->setLabel(tr("calls"));
    plot()->xAxis->grid()->setVisible(false);
    for (QCPItemText *label : {m_p50Label, m_p90Label, m_beyondLabel}) {
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setSelectable(false);
    }
    m_beyondLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_beyondLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_beyondLabel->position->setCoords(1.0, 0.0);
}

QString LatencyChart::fileStem() const
{
    return figures()->data().latency.metricKey.isEmpty() ? QStringLiteral("latency")
                                                         : figures()->data().latency.metricKey;
}

int LatencyChart::binAt(const QPointF &pixel) const
{
    const CallStatistics::Histogram &histogram = figures()->data().latency;
    if (histogram.isEmpty() || histogram.width <= 0)
        return -1;
    const double key = plot()->xAxis->pixelToCoord(pixel.x());
    const auto bin = qint64(std::floor((key - histogram.start) / histogram.width));
    if (bin < 0 || bin >= histogram.counts.size())
        return -1;
    return isOnBar(pixel, double(histogram.counts.at(bin))) ? int(bin) : -1;
}

std::optional<CallQuery> LatencyChart::callsAt(const QPointF &pixel) const
{
    const int bin = binAt(pixel);
    if (bin < 0 || figures()->data().latency.counts.at(bin) == 0)
        return std::nullopt;
    const CallStatistics::Histogram &histogram = figures()->data().latency;
    return DrillDown::toScores(figures()->query(), histogram.metricKey, histogram.binStart(bin),
                               histogram.binStart(bin + 1));
}

QString LatencyChart::describeAt(const QPointF &pixel) const
{
    const int bin = binAt(pixel);
    if (bin < 0)
        return {};
    const CallStatistics::Histogram &histogram = figures()->data().latency;
    return tr("%1 to %2: %n call(s)", nullptr, int(histogram.counts.at(bin)))
        .arg(milliseconds(histogram.binStart(bin)), milliseconds(histogram.binStart(bin + 1)));
}

void LatencyChart::placeMarker(QCPItemStraightLine *line, QCPItemText *label, const QString &name, double value,
                               double top)
{
    line->point1->setCoords(value, 0);
    line->point2->setCoords(value, 1);
    label->position->setCoords(value, top);
    label->setText(QStringLiteral("%1 %2").arg(name, milliseconds(value)));
}

void LatencyChart::redraw()
{
    const CallStatistics::Histogram &histogram = figures()->data().latency;
    QVector<double> keys, values;
    double highest = 0;
    for (int bin = 0; bin < histogram.counts.size(); ++bin) {
        keys.append(histogram.binStart(bin) + histogram.width / 2);
        values.append(double(histogram.counts.at(bin)));
        highest = std::max(highest, values.last());
    }
    m_bars->setWidth(histogram.width * 0.9);
    m_bars->setData(keys, values, true);
    m_bars->setBrush(palette().color(QPalette::Highlight));
    const double top = std::max(1.0, highest * 1.25);
    plot()->yAxis->setRange(0, top);
    useCountTicks(plot()->yAxis);
    if (!histogram.isEmpty())
        plot()->xAxis->setRange(histogram.start, histogram.binStart(int(histogram.counts.size())));

    const QColor marker = textColor(0.8);
    m_p50->setPen(QPen(marker, 1.5, Qt::DashLine));
    m_p90->setPen(QPen(marker, 1.5, Qt::DotLine));
    placeMarker(m_p50, m_p50Label, tr("p50"), histogram.p50, top);
    placeMarker(m_p90, m_p90Label, tr("p90"), histogram.p90, top * 0.88);
    for (QCPItemText *label : {m_p50Label, m_p90Label, m_beyondLabel})
        label->setColor(marker);
    m_beyondLabel->setText(histogram.beyond > 0
                               ? tr("%n call(s) past %1 not shown", nullptr, int(histogram.beyond))
                                     .arg(milliseconds(histogram.binStart(int(histogram.counts.size()))))
                               : QString());
    const int index = int(DashboardFigures::latencyMetrics().indexOf(figures()->latencyMetric()));
    if (index >= 0 && index != m_metric->currentIndex()) {
        const QSignalBlocker quiet(m_metric);
        m_metric->setCurrentIndex(index);
    }
}

bool LatencyChart::isEmpty() const
{
    return figures()->data().latency.isEmpty();
}

QString LatencyChart::emptyText() const
{
    return tr("No call has a result for this metric yet");
}

QString LatencyChart::csv() const
{
    return DashboardCsv::histogram(figures()->data().latency);
}

QList<QPointF> LatencyChart::targets() const
{
    const CallStatistics::Histogram &histogram = figures()->data().latency;
    QList<QPointF> points;
    for (int bin = 0; bin < histogram.counts.size(); ++bin) {
        if (histogram.counts.at(bin) > 0) {
            points.append({plot()->xAxis->coordToPixel(histogram.binStart(bin) + histogram.width / 2),
                           plot()->yAxis->coordToPixel(double(histogram.counts.at(bin)) / 2)});
        }
    }
    return points;
}
