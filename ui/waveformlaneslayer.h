#pragma once

#include "calllog/metricevent.h"
#include "calllog/turn.h"
#include "calllog/turnlabel.h"
#include "calllog/turntiming.h"
#include "waveformlanelayout.h"

#include <qcustomplot.h>

#include <QList>
#include <QString>

// Paints everything of the waveform view but the waveform itself: the lane backgrounds,
// the message or progress shown in the channel lanes while there are no peaks, and the
// turn lanes (a bar per spoken turn, a marker per tool entry, gaps and overlaps shaded).
// Only what falls in the visible time range is painted, and bars closer than a pixel are
// merged first, so a call of thousands of turns costs a few hundred rectangles at most.
class WaveformLanesLayer : public QCPLayerable
{
    Q_OBJECT

public:
    WaveformLanesLayer(QCustomPlot *plot, QCPAxisRect *axisRect);

    void setLayout(const WaveformLaneLayout &layout) { m_layout = layout; }
    void setTurns(const Turns &turns, const TurnGaps &gaps, const TurnOverlaps &overlaps);
    void setCurrentTurn(int index) { m_currentTurn = index; }
    // Reviewers' labels: a flag at the start of each labelled turn's bar.
    void setLabels(const QList<TurnLabel> &labels) { m_labels = labels; }
    // A metric result's moments: a band across every lane, outlined, an instant a line.
    void setMetricEvents(const MetricEvents &events) { m_metricEvents = events; }
    // Shown centred in the channel lanes; progress in [0, 1] adds a bar, below 0 none.
    void setStatus(const QString &text, double progress);

    static QColor speakerColor(Turn::Role role);

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;
    QRect clipRect() const override;

private:
    // Time spans ordered by start, with the running maximum of their ends, so the first
    // span still visible at a time is a binary search away even when spans nest.
    class Spans
    {
    public:
        struct Span
        {
            double start;
            double end;
            int item;       // a turn index, or a gap/overlap index
        };

        void clear();
        void add(double start, double end, int item) { m_spans.append({start, end, item}); }
        void finish();      // sorts; call once after adding
        // Indices [first, last) of the spans that may intersect [from, to].
        std::pair<qsizetype, qsizetype> visible(double from, double to) const;
        const Span &operator[](qsizetype i) const { return m_spans[i]; }

    private:
        QList<Span> m_spans;
        QList<double> m_endsSoFar;
    };

    void drawLaneBackgrounds(QCPPainter *painter) const;
    void drawStatus(QCPPainter *painter) const;
    void drawShading(QCPPainter *painter, const Spans &spans, const QColor &color, double from, double to) const;
    void drawBars(QCPPainter *painter, const Spans &spans, const WaveformLaneLayout::Lane &lane,
                  const QColor &color, double from, double to) const;
    void drawToolMarkers(QCPPainter *painter, double from, double to) const;
    void drawGapLabels(QCPPainter *painter, double from, double to) const;
    void drawCurrentTurn(QCPPainter *painter) const;
    void drawLabelFlags(QCPPainter *painter, double from, double to) const;
    void drawMetricEvents(QCPPainter *painter, double from, double to) const;
    QRectF laneRect(const WaveformLaneLayout::Lane &lane, double start, double end) const;

    QCPAxisRect *m_axisRect;
    WaveformLaneLayout m_layout;
    Turns m_turns;
    TurnGaps m_gaps;
    Spans m_agentSpans;
    Spans m_callerSpans;
    Spans m_toolSpans;
    Spans m_gapSpans;
    Spans m_overlapSpans;
    int m_currentTurn = -1;
    QList<TurnLabel> m_labels;
    MetricEvents m_metricEvents;
    QString m_statusText;
    double m_progress = -1.0;
};
