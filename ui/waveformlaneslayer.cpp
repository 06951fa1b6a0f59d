#include "waveformlaneslayer.h"

#include "labelcolor.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

const QColor kGapColor(0xe0, 0x9a, 0x00, 90);
const QColor kGapTextColor(0x7a, 0x4c, 0x00);
const QColor kOverlapColor(0xd3, 0x2f, 0x2f, 110);
const QColor kToolColor(0x80, 0x80, 0x80);
const QColor kCurrentTurnColor(0xf0, 0xb4, 0x00);

QColor blend(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

} // namespace

void WaveformLanesLayer::Spans::clear()
{
    m_spans.clear();
    m_endsSoFar.clear();
}

void WaveformLanesLayer::Spans::finish()
{
    std::stable_sort(m_spans.begin(), m_spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    m_endsSoFar.resize(m_spans.size());
    double latest = -std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < m_spans.size(); ++i)
        m_endsSoFar[i] = latest = std::max(latest, m_spans[i].end);
}

std::pair<qsizetype, qsizetype> WaveformLanesLayer::Spans::visible(double from, double to) const
{
    const auto first = std::lower_bound(m_endsSoFar.begin(), m_endsSoFar.end(), from) - m_endsSoFar.begin();
    const auto last = std::upper_bound(m_spans.begin() + first, m_spans.end(), to,
                                       [](double t, const Span &span) { return t < span.start; })
        - m_spans.begin();
    return {first, last};
}

WaveformLanesLayer::WaveformLanesLayer(QCustomPlot *plot, QCPAxisRect *axisRect)
    : QCPLayerable(plot)
    , m_axisRect(axisRect)
{
}

QColor WaveformLanesLayer::speakerColor(Turn::Role role)
{
    // The transcript's speaker colours (TranscriptDelegate), so a bar and its line match.
    switch (role) {
    case Turn::Role::MainAgent: return QColor(0x1f, 0x5f, 0xbf);
    case Turn::Role::TestingAgent: return QColor(0x8a, 0x4b, 0x08);
    default: return kToolColor;
    }
}

void WaveformLanesLayer::setTurns(const Turns &turns, const TurnGaps &gaps, const TurnOverlaps &overlaps)
{
    m_turns = turns;
    m_gaps = gaps;
    for (Spans *spans : {&m_agentSpans, &m_callerSpans, &m_toolSpans, &m_gapSpans, &m_overlapSpans})
        spans->clear();
    for (int i = 0; i < turns.size(); ++i) {
        const Turn &turn = turns[i];
        switch (turn.role) {
        case Turn::Role::MainAgent: m_agentSpans.add(turn.startTime, turn.endTime, i); break;
        case Turn::Role::TestingAgent: m_callerSpans.add(turn.startTime, turn.endTime, i); break;
        // A result marks where the tool answered; its call where it was asked.
        case Turn::Role::FunctionCall:
        case Turn::Role::FunctionCallResult: m_toolSpans.add(turn.startTime, turn.startTime, i); break;
        }
    }
    for (int i = 0; i < gaps.size(); ++i)
        m_gapSpans.add(gaps[i].start, gaps[i].end, i);
    for (int i = 0; i < overlaps.size(); ++i)
        m_overlapSpans.add(overlaps[i].start, overlaps[i].end, i);
    for (Spans *spans : {&m_agentSpans, &m_callerSpans, &m_toolSpans, &m_gapSpans, &m_overlapSpans})
        spans->finish();
}

void WaveformLanesLayer::setStatus(const QString &text, double progress)
{
    m_statusText = text;
    m_progress = progress;
}

void WaveformLanesLayer::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    applyAntialiasingHint(painter, mAntialiased, QCP::aeOther);
}

QRect WaveformLanesLayer::clipRect() const
{
    return m_axisRect->rect();
}

void WaveformLanesLayer::draw(QCPPainter *painter)
{
    drawLaneBackgrounds(painter);
    drawStatus(painter);
    const QCPRange range = m_axisRect->axis(QCPAxis::atBottom)->range();
    // Half a pixel either side, so a bar that ends just outside still shows its edge.
    const double slack = range.size() / std::max(1, m_axisRect->width());
    const double from = range.lower - slack;
    const double to = range.upper + slack;
    if (const auto *agent = m_layout.lane(WaveformLaneLayout::Kind::AgentTurns))
        drawBars(painter, m_agentSpans, *agent, speakerColor(Turn::Role::MainAgent), from, to);
    if (const auto *caller = m_layout.lane(WaveformLaneLayout::Kind::CallerTurns))
        drawBars(painter, m_callerSpans, *caller, speakerColor(Turn::Role::TestingAgent), from, to);
    // Over the bars: zoomed out, a gap or an overlap is narrower than the merged bars
    // around it and would vanish beneath them.
    drawShading(painter, m_gapSpans, kGapColor, from, to);
    drawShading(painter, m_overlapSpans, kOverlapColor, from, to);
    drawToolMarkers(painter, from, to);
    drawGapLabels(painter, from, to);
    drawCurrentTurn(painter);
    drawLabelFlags(painter, from, to);
    drawMetricEvents(painter, from, to);
}

void WaveformLanesLayer::drawMetricEvents(QCPPainter *painter, double from, double to) const
{
    const QCPAxis *x = m_axisRect->axis(QCPAxis::atBottom);
    const QRect area = m_axisRect->rect();
    const QColor color(0x8e, 0x24, 0xaa);
    for (const MetricEvent &event : m_metricEvents) {
        if (event.time + event.duration < from || event.time > to)
            continue;
        const double left = x->coordToPixel(event.time);
        const double right = std::max(left + 2.0, x->coordToPixel(event.time + event.duration));
        const QRectF band(QPointF(left, area.top()), QPointF(right, area.bottom()));
        QColor fill = color;
        fill.setAlpha(50);
        painter->setBrush(fill);
        painter->setPen(QPen(color, 1.5));
        painter->drawRect(band);
    }
}

QRectF WaveformLanesLayer::laneRect(const WaveformLaneLayout::Lane &lane, double start, double end) const
{
    const QCPAxis *x = m_axisRect->axis(QCPAxis::atBottom);
    const QCPAxis *y = m_axisRect->axis(QCPAxis::atLeft);
    return QRectF(QPointF(x->coordToPixel(start), y->coordToPixel(lane.top)),
                  QPointF(x->coordToPixel(end), y->coordToPixel(lane.bottom)));
}

void WaveformLanesLayer::drawLaneBackgrounds(QCPPainter *painter) const
{
    const QPalette palette = mParentPlot->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor line = blend(base, palette.color(QPalette::Text), 0.14);
    const QCPRange range = m_axisRect->axis(QCPAxis::atBottom)->range();
    painter->setPen(Qt::NoPen);
    for (const WaveformLaneLayout::Lane &lane : m_layout.lanes()) {
        const QRectF rect = laneRect(lane, range.lower, range.upper);
        // Turn lanes on a faint band, channel lanes on the base colour with a centre line.
        if (lane.kind == WaveformLaneLayout::Kind::Channel) {
            painter->fillRect(rect, base);
            if (lane.channel >= 0) {
                painter->setPen(QPen(line, 0));
                painter->drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()));
                painter->setPen(Qt::NoPen);
            }
        } else {
            painter->fillRect(rect, blend(base, palette.color(QPalette::Text), 0.04));
        }
        painter->fillRect(QRectF(rect.left(), rect.bottom() - 1, rect.width(), 1), line);
    }
}

void WaveformLanesLayer::drawStatus(QCPPainter *painter) const
{
    if (m_statusText.isEmpty())
        return;
    const QCPAxis *y = m_axisRect->axis(QCPAxis::atLeft);
    const QRect rect = m_axisRect->rect();
    const QRectF area(rect.left(), y->coordToPixel(m_layout.channelsTop()), rect.width(),
                      y->coordToPixel(m_layout.channelsBottom()) - y->coordToPixel(m_layout.channelsTop()));
    const QPalette palette = mParentPlot->palette();
    const QFontMetricsF metrics(mParentPlot->font());
    QRectF textRect = area;
    if (m_progress >= 0) {
        // The bar under the text, both centred in the channel lanes.
        const double barWidth = std::min(240.0, area.width() * 0.6);
        const double barHeight = 6;
        const double blockHeight = metrics.height() + 6 + barHeight;
        const double top = area.center().y() - blockHeight / 2;
        textRect = QRectF(area.left(), top, area.width(), metrics.height());
        const QRectF bar(area.center().x() - barWidth / 2, top + metrics.height() + 6, barWidth, barHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.12));
        painter->drawRoundedRect(bar, 3, 3);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawRoundedRect(QRectF(bar.topLeft(), QSizeF(bar.width() * std::clamp(m_progress, 0.0, 1.0), barHeight)),
                                 3, 3);
    }
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->setFont(mParentPlot->font());
    painter->drawText(textRect, Qt::AlignCenter, m_statusText);
}

void WaveformLanesLayer::drawShading(QCPPainter *painter, const Spans &spans, const QColor &color, double from,
                                     double to) const
{
    const auto *agent = m_layout.lane(WaveformLaneLayout::Kind::AgentTurns);
    const auto *caller = m_layout.lane(WaveformLaneLayout::Kind::CallerTurns);
    if (!agent || !caller)
        return;
    const WaveformLaneLayout::Lane both{WaveformLaneLayout::Kind::AgentTurns, -1, QString(), agent->top, caller->bottom};
    const auto [first, last] = spans.visible(from, to);
    for (qsizetype i = first; i < last; ++i) {
        QRectF rect = laneRect(both, spans[i].start, spans[i].end);
        rect.setWidth(std::max(2.0, rect.width()));
        painter->fillRect(rect, color);
    }
}

void WaveformLanesLayer::drawBars(QCPPainter *painter, const Spans &spans, const WaveformLaneLayout::Lane &lane,
                                  const QColor &color, double from, double to) const
{
    const QCPAxis *x = m_axisRect->axis(QCPAxis::atBottom);
    const QRectF laneArea = laneRect(lane, from, to);
    // A bar is inset from its lane's edges, so neighbouring lanes stay apart.
    const double inset = std::max(2.0, laneArea.height() * 0.18);
    const double top = laneArea.top() + inset;
    const double height = std::max(1.0, laneArea.height() - 2 * inset);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const auto [first, last] = spans.visible(from, to);
    double runStart = 0, runEnd = -1;
    auto flush = [&] {
        if (runEnd >= runStart)
            painter->drawRoundedRect(QRectF(runStart, top, std::max(1.0, runEnd - runStart), height), 2, 2);
    };
    for (qsizetype i = first; i < last; ++i) {
        const double left = x->coordToPixel(spans[i].start);
        const double right = x->coordToPixel(spans[i].end);
        if (runEnd >= runStart && left <= runEnd + 1.0) {
            runEnd = std::max(runEnd, right);
            continue;
        }
        flush();
        runStart = left;
        runEnd = right;
    }
    flush();
}

void WaveformLanesLayer::drawToolMarkers(QCPPainter *painter, double from, double to) const
{
    const auto *tools = m_layout.lane(WaveformLaneLayout::Kind::Tools);
    if (!tools)
        return;
    const QCPAxis *x = m_axisRect->axis(QCPAxis::atBottom);
    const QRectF lane = laneRect(*tools, from, to);
    const double radius = std::clamp(lane.height() * 0.32, 2.0, 4.5);
    const double centreY = lane.center().y();
    painter->setPen(Qt::NoPen);
    painter->setBrush(kToolColor);
    const auto [first, last] = m_toolSpans.visible(from, to);
    double lastX = -1e9;
    for (qsizetype i = first; i < last; ++i) {
        const double centreX = x->coordToPixel(m_toolSpans[i].start);
        if (centreX - lastX < radius)   // one diamond stands for markers a few pixels apart
            continue;
        lastX = centreX;
        const QPointF diamond[] = {{centreX, centreY - radius}, {centreX + radius, centreY},
                                   {centreX, centreY + radius}, {centreX - radius, centreY}};
        painter->drawPolygon(diamond, 4);
    }
}

void WaveformLanesLayer::drawGapLabels(QCPPainter *painter, double from, double to) const
{
    const auto *agent = m_layout.lane(WaveformLaneLayout::Kind::AgentTurns);
    const auto *caller = m_layout.lane(WaveformLaneLayout::Kind::CallerTurns);
    if (!agent || !caller)
        return;
    QFont font = mParentPlot->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    painter->setPen(kGapTextColor);
    const WaveformLaneLayout::Lane both{WaveformLaneLayout::Kind::AgentTurns, -1, QString(), agent->top, caller->bottom};
    const QLocale locale;
    const auto [first, last] = m_gapSpans.visible(from, to);
    for (qsizetype i = first; i < last; ++i) {
        const TurnGap &gap = m_gaps[m_gapSpans[i].item];
        const QRectF rect = laneRect(both, gap.start, gap.end);
        const QString text = tr("%1 s").arg(locale.toString(gap.duration(), 'f', 1));
        if (metrics.horizontalAdvance(text) + 4 <= rect.width())
            painter->drawText(rect, Qt::AlignCenter, text);
    }
}

void WaveformLanesLayer::drawCurrentTurn(QCPPainter *painter) const
{
    if (m_currentTurn < 0 || m_currentTurn >= m_turns.size() || !m_turns[m_currentTurn].isSpeech())
        return;
    const Turn &turn = m_turns[m_currentTurn];
    const auto *lane = m_layout.lane(turn.role == Turn::Role::MainAgent ? WaveformLaneLayout::Kind::AgentTurns
                                                                        : WaveformLaneLayout::Kind::CallerTurns);
    if (!lane)
        return;
    QRectF rect = laneRect(*lane, turn.startTime, turn.endTime).adjusted(-1, 1, 1, -1);
    rect.setWidth(std::max(3.0, rect.width()));
    painter->setPen(QPen(kCurrentTurnColor, 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect, 3, 3);
}

void WaveformLanesLayer::drawLabelFlags(QCPPainter *painter, double from, double to) const
{
    const bool dark = mParentPlot->palette().color(QPalette::Base).lightness() < 128;
    const QCPAxis *x = m_axisRect->axis(QCPAxis::atBottom);
    painter->setPen(Qt::NoPen);
    for (const TurnLabel &label : m_labels) {
        if (label.turnIndex < 0 || label.turnIndex >= m_turns.size())
            continue;
        const Turn &turn = m_turns[label.turnIndex];
        if (turn.startTime < from || turn.startTime > to)
            continue;
        const auto *lane = m_layout.lane(turn.isTool() ? WaveformLaneLayout::Kind::Tools
                                         : turn.role == Turn::Role::MainAgent ? WaveformLaneLayout::Kind::AgentTurns
                                                                              : WaveformLaneLayout::Kind::CallerTurns);
        if (!lane)
            continue;
        // A pennant on the top edge of the lane, pointing right from the turn's start.
        const QRectF rect = laneRect(*lane, turn.startTime, turn.startTime);
        const double size = std::clamp(rect.height() * 0.45, 4.0, 8.0);
        const double left = x->coordToPixel(turn.startTime);
        const QPointF flag[] = {{left, rect.top()}, {left + size * 1.4, rect.top() + size / 2}, {left, rect.top() + size}};
        painter->setBrush(LabelColor::of(label.label, dark));
        painter->drawPolygon(flag, 3);
    }
}
