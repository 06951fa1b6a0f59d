#include "waveformview.h"

#include "audio/peaksdownsampler.h"
#include "calltimeticker.h"
#include "waveformlaneslayer.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kWheelZoomPerNotch = 0.8;     // one notch forward shows 80% of the span
constexpr double kWheelPanPerNotch = 0.1;      // of the span
constexpr double kSeekJump = 1.0;              // seconds: a position change this large is a seek
constexpr double kPageLead = 0.05;             // a new page starts this share of a span before the playhead
constexpr double kWaveHalfHeight = 0.46;       // of a channel lane: the loudest peak's reach

QColor blend(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

float loudestPeak(const WaveformPeaks &peaks)
{
    float loudest = 0.0f;
    for (int bucket = 0; bucket < peaks.bucketCount(); ++bucket) {
        for (int channel = 0; channel < peaks.channels(); ++channel)
            loudest = std::max({loudest, peaks.maximum(channel, bucket), -peaks.minimum(channel, bucket)});
    }
    return loudest;
}

} // namespace

WaveformView::WaveformView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_ticker(new CallTimeTicker)
{
    setAccessibleName(tr("Waveform"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->installEventFilter(this);

    QCPAxisRect *rect = m_plot->axisRect();
    rect->setAutoMargins(QCP::msLeft | QCP::msBottom);
    rect->setMargins(QMargins(0, 6, 10, 0));
    m_plot->xAxis->setTicker(m_ticker);
    m_plot->xAxis->setSubTicks(true);
    m_plot->xAxis->setTickLength(0, 4);
    m_plot->xAxis->setSubTickLength(0, 2);
    m_plot->xAxis->grid()->setVisible(true);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setTickLength(0, 0);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());

    // Lanes over the grid, the waveform over the lanes, the playhead on a layer of its own
    // that repaints alone as the call plays.
    m_plot->addLayer(QStringLiteral("lanes"), m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    m_lanes = new WaveformLanesLayer(m_plot, rect);
    m_lanes->setLayer(QStringLiteral("lanes"));
    m_plot->addLayer(QStringLiteral("playhead"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_playheadLayer = m_plot->layer(QStringLiteral("playhead"));
    m_playheadLayer->setMode(QCPLayer::lmBuffered);
    m_playhead = new QCPItemStraightLine(m_plot);
    m_playhead->setLayer(m_playheadLayer);
    m_playhead->setSelectable(false);
    m_playhead->setVisible(false);

    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        m_replotQueued = false;
        m_ticker->setTickCount(std::max(2, m_plot->width() / 90));
        if (m_envelopesDirty)
            updateEnvelopes();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &WaveformView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &WaveformView::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &WaveformView::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, &WaveformView::onWheel);

    applyPalette();
    relayout();
    applyRange(0.0, extentEnd());
    movePlayhead();
}

WaveformView::~WaveformView() = default;

QSize WaveformView::sizeHint() const
{
    return QSize(640, 180);
}

QSize WaveformView::minimumSizeHint() const
{
    return QSize(200, 140);
}

void WaveformView::showMessage(const QString &message)
{
    m_peaks = WaveformPeaks();
    m_channelLabels.clear();
    setStatus(message, -1.0);
}

void WaveformView::setProgress(double fraction)
{
    const double clamped = std::clamp(fraction, 0.0, 1.0);
    const bool hadPeaks = !m_peaks.isEmpty();
    m_peaks = WaveformPeaks();
    m_channelLabels.clear();
    const QString text = tr("Computing waveform… %1%").arg(int(std::floor(clamped * 100)));
    if (!hadPeaks && text == m_statusText)
        return;     // progress arrives often; repaint only when the percentage moves
    setStatus(text, clamped);
}

void WaveformView::setPeaks(const WaveformPeaks &peaks, const QStringList &channelLabels)
{
    m_peaks = peaks;
    m_channelLabels.clear();
    for (int channel = 0; channel < peaks.channels(); ++channel) {
        const QString fallback = peaks.channels() == 1 ? tr("Mono") : tr("Channel %1").arg(channel + 1);
        m_channelLabels.append(channelLabels.value(channel, fallback));
    }
    m_gain = 1.0f / std::max(loudestPeak(peaks), 1e-3f);
    setStatus(QString(), -1.0);
}

void WaveformView::setStatus(const QString &text, double progress)
{
    m_statusText = text;
    m_lanes->setStatus(text, progress);
    relayout();
    updateExtent();
    m_envelopesDirty = true;
    scheduleReplot();
}

void WaveformView::setTurns(const Turns &turns)
{
    m_turns = turns;
    m_gaps = TurnTiming::responseGaps(turns);
    m_overlaps = TurnTiming::overlaps(turns);
    m_turnsEnd = 0.0;
    for (const Turn &turn : turns)
        m_turnsEnd = std::max(m_turnsEnd, turn.endTime);
    m_lanes->setTurns(m_turns, m_gaps, m_overlaps);
    relayout();
    updateExtent();
    scheduleReplot();
}

void WaveformView::setMetricEvents(const MetricEvents &events)
{
    m_lanes->setMetricEvents(events);
    scheduleReplot();
}

void WaveformView::setLabels(const QList<TurnLabel> &labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    m_lanes->setLabels(labels);
    scheduleReplot();
}

void WaveformView::setCurrentTurn(int index)
{
    m_lanes->setCurrentTurn(index);
    scheduleReplot();
}

void WaveformView::setDuration(double seconds)
{
    m_duration = std::max(0.0, seconds);
    updateExtent();
    scheduleReplot();
}

void WaveformView::setPosition(double seconds)
{
    if (m_dragging)
        return;     // the drag owns the playhead until it lets go
    const double previous = m_position;
    m_position = std::max(0.0, seconds);
    // Zoomed in, the view pages along with playback; it also comes to a seek, but it does
    // not pull back a user who scrolled away from a playhead that is merely playing on.
    if (!m_fitted && !m_range.contains(m_position)
        && (m_range.contains(previous) || std::abs(m_position - previous) > kSeekJump)) {
        const double from = m_position - m_range.span() * kPageLead;
        applyRange(from, from + m_range.span());
    }
    movePlayhead();
}

void WaveformView::clear()
{
    m_turns.clear();
    m_gaps.clear();
    m_overlaps.clear();
    m_turnsEnd = 0.0;
    m_duration = 0.0;
    m_position = 0.0;
    m_dragging = false;
    m_lanes->setTurns({}, {}, {});
    m_lanes->setCurrentTurn(-1);
    m_labels.clear();
    m_lanes->setLabels({});
    m_fitted = true;
    showMessage(QString());
    movePlayhead();
}

double WaveformView::duration() const
{
    return std::max({m_duration, double(m_peaks.durationMs()) / 1000.0, m_turnsEnd});
}

double WaveformView::extentEnd() const
{
    return std::max(duration(), MinimumSpan);
}

void WaveformView::setVisibleRange(double from, double to)
{
    applyRange(from, to);
}

void WaveformView::zoomIn()
{
    zoomAround(m_range.contains(m_position) ? m_position : (m_range.from + m_range.to) / 2, 0.5);
}

void WaveformView::zoomOut()
{
    zoomAround(m_range.contains(m_position) ? m_position : (m_range.from + m_range.to) / 2, 2.0);
}

void WaveformView::zoomToFit()
{
    applyRange(0.0, extentEnd());
}

void WaveformView::zoomAround(double anchor, double factor)
{
    // The span's limits would move the anchor: scale by what the limits allow instead.
    const double end = extentEnd();
    const double span = std::clamp(m_range.span() * factor, std::min(MinimumSpan, end), end);
    const double scale = span / m_range.span();
    const double from = anchor - (anchor - m_range.from) * scale;
    applyRange(from, from + span);
}

void WaveformView::applyRange(double from, double to)
{
    const double end = extentEnd();
    const double span = std::clamp(to - from, std::min(MinimumSpan, end), end);
    from = std::clamp(from, 0.0, end - span);
    const TimeRange range{from, from + span};
    m_fitted = span >= end - 1e-9;
    m_plot->xAxis->setRange(range.from, range.to);
    if (range.from == m_range.from && range.to == m_range.to)
        return;
    m_range = range;
    m_envelopesDirty = true;
    scheduleReplot();
    emit visibleRangeChanged(m_range.from, m_range.to);
}

void WaveformView::updateExtent()
{
    m_ticker->setShowHours(duration() >= 3600.0);
    if (m_fitted)
        applyRange(0.0, extentEnd());
    else
        applyRange(m_range.from, m_range.to);
    movePlayhead();
}

void WaveformView::relayout()
{
    bool withTools = false;
    for (const Turn &turn : std::as_const(m_turns))
        withTools = withTools || turn.isTool();
    m_layout = WaveformLaneLayout(m_channelLabels, withTools);
    m_lanes->setLayout(m_layout);

    auto labels = QSharedPointer<QCPAxisTickerText>::create();
    for (const WaveformLaneLayout::Lane &lane : m_layout.lanes()) {
        if (!lane.label.isEmpty())
            labels->addTick(lane.centre(), lane.label);
    }
    m_plot->yAxis->setTicker(labels);
    m_plot->yAxis->setRange(0.0, m_layout.height());

    while (m_channelGraphs.size() > m_channelLabels.size()) {
        const auto [maxima, minima] = m_channelGraphs.takeLast();
        m_plot->removeGraph(maxima);
        m_plot->removeGraph(minima);
    }
    while (m_channelGraphs.size() < m_channelLabels.size()) {
        QCPGraph *maxima = m_plot->addGraph();
        QCPGraph *minima = m_plot->addGraph();
        // The band between a channel's maxima and minima is its waveform.
        maxima->setChannelFillGraph(minima);
        m_channelGraphs.append(std::make_pair(maxima, minima));
    }
    applyPalette();
    m_envelopesDirty = true;
}

void WaveformView::updateEnvelopes()
{
    m_envelopesDirty = false;
    const int columns = std::max(1, int(m_plot->width() * devicePixelRatioF()));
    for (int channel = 0; channel < m_channelGraphs.size(); ++channel) {
        const auto [maxima, minima] = m_channelGraphs[channel];
        const WaveformLaneLayout::Lane *lane = nullptr;
        for (const WaveformLaneLayout::Lane &candidate : m_layout.lanes()) {
            if (candidate.kind == WaveformLaneLayout::Kind::Channel && candidate.channel == channel)
                lane = &candidate;
        }
        const PeaksEnvelope envelope = PeaksDownsampler::envelope(m_peaks, channel, m_range.from, m_range.to, columns);
        if (!lane || envelope.size() == 0) {
            maxima->data()->clear();
            minima->data()->clear();
            continue;
        }
        // Lane coordinates grow downwards: a positive sample is above the centre line.
        const double scale = lane->height() * kWaveHalfHeight * m_gain;
        QVector<double> keys(envelope.times.begin(), envelope.times.end());
        QVector<double> upper(envelope.size()), lower(envelope.size());
        for (qsizetype i = 0; i < envelope.size(); ++i) {
            upper[i] = lane->centre() - envelope.maxima[i] * scale;
            lower[i] = lane->centre() - envelope.minima[i] * scale;
        }
        maxima->setData(keys, upper, true);
        minima->setData(keys, lower, true);
    }
}

void WaveformView::applyPalette()
{
    const QPalette palette = this->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    m_plot->setBackground(base);
    m_plot->axisRect()->setBackground(base);
    const QColor axisLine = blend(base, text, 0.3);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(axis == m_plot->yAxis ? QPen(Qt::NoPen) : QPen(axisLine));
        axis->setTickPen(QPen(axisLine));
        axis->setSubTickPen(QPen(axisLine));
        axis->setTickLabelColor(blend(base, text, 0.75));
    }
    m_plot->xAxis->grid()->setPen(QPen(blend(base, text, 0.08), 0));
    m_plot->xAxis->grid()->setZeroLinePen(Qt::NoPen);

    const QColor wave = blend(blend(text, palette.color(QPalette::Highlight), 0.35), base, 0.25);
    for (const auto &[maxima, minima] : std::as_const(m_channelGraphs)) {
        for (QCPGraph *graph : {maxima, minima}) {
            graph->setPen(QPen(wave, 0));
            graph->setAntialiased(false);
            graph->setAntialiasedFill(false);
        }
        maxima->setBrush(wave);
    }
    m_playhead->setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
}

void WaveformView::scheduleReplot()
{
    m_replotQueued = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaveformView::movePlayhead()
{
    m_playhead->point1->setCoords(m_position, 0.0);
    m_playhead->point2->setCoords(m_position, 1.0);
    m_playhead->setVisible(duration() > 0.0);
    if (!m_replotQueued)
        m_playheadLayer->replot();
}

QRect WaveformView::timeArea() const
{
    return m_plot->axisRect()->rect().translated(m_plot->pos());
}

double WaveformView::timeAtX(double x) const
{
    const double t = m_plot->xAxis->pixelToCoord(x);
    return std::clamp(std::clamp(t, m_range.from, m_range.to), 0.0, std::max(0.0, duration()));
}

void WaveformView::seekTo(double seconds)
{
    if (seconds == m_dragTime)
        return;
    m_dragTime = seconds;
    m_position = seconds;
    movePlayhead();
    emit seekRequested(seconds);
}

void WaveformView::onMousePress(QMouseEvent *event)
{
    const QRect area = m_plot->axisRect()->rect();
    const double x = event->position().x();
    if (event->button() != Qt::LeftButton || x < area.left() || x > area.right() || duration() <= 0.0)
        return;
    m_dragging = true;
    m_dragTime = -1.0;
    seekTo(timeAtX(x));
}

void WaveformView::onMouseMove(QMouseEvent *event)
{
    if (m_dragging && (event->buttons() & Qt::LeftButton))
        seekTo(timeAtX(event->position().x()));
}

void WaveformView::onMouseRelease(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    seekTo(timeAtX(event->position().x()));
    m_dragging = false;
}

void WaveformView::onWheel(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const bool horizontal = delta.x() != 0 && delta.y() == 0;
    const double notches = (horizontal ? delta.x() : delta.y()) / 120.0;
    if (notches == 0.0)
        return;
    event->accept();
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const double shift = -notches * kWheelPanPerNotch * m_range.span();
        applyRange(m_range.from + shift, m_range.to + shift);
        return;
    }
    const double anchor = m_plot->xAxis->pixelToCoord(event->position().x());
    zoomAround(anchor, std::pow(kWheelZoomPerNotch, notches));
}

void WaveformView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
        scheduleReplot();
    }
    QWidget::changeEvent(event);
}

bool WaveformView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Resize)
        m_envelopesDirty = true;   // QCustomPlot replots on resize; the envelope follows the width
    return QWidget::eventFilter(watched, event);
}
