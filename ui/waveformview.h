#pragma once

#include "audio/waveformpeaks.h"
#include "calllog/metricevent.h"
#include "calllog/turn.h"
#include "calllog/turnlabel.h"
#include "calllog/turntiming.h"
#include "waveformlanelayout.h"

#include <QRect>
#include <QStringList>
#include <QWidget>

class CallTimeTicker;
class QCPGraph;
class QCPItemStraightLine;
class QCPLayer;
class QCustomPlot;
class QMouseEvent;
class QWheelEvent;
class WaveformLanesLayer;

// A call's recording and turns on one time axis: one waveform lane per audio channel, a
// lane of turn bars per speaker, tool entries as markers, slow answers and talking over
// each other shaded, reviewers' labels as flags, and the playhead. Clicking or dragging asks to seek (seekRequested);
// the wheel zooms around the time under the cursor (shift or a horizontal wheel scrolls).
// Zoomed in, the view follows the playhead as it plays. The waveform is drawn from peaks
// downsampled to the visible range at pixel width on every change, so any zoom of any
// length of recording draws a few thousand points; nothing here decodes or waits.
class WaveformView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformView)

public:
    struct TimeRange
    {
        double from = 0.0;
        double to = 0.0;

        double span() const { return to - from; }
        bool contains(double t) const { return t >= from && t <= to; }
    };

    static constexpr double MinimumSpan = 2.0;   // seconds: the deepest zoom

    explicit WaveformView(QWidget *parent = nullptr);
    ~WaveformView() override;

    // The waveform lanes' content: one of a message (no recording, or why it could not be
    // read), the progress of computing the peaks, or the peaks. Each replaces the others.
    void showMessage(const QString &message);
    void setProgress(double fraction);
    // `channelLabels` by channel, e.g. {"Agent", "Caller"}; a missing label becomes
    // "Mono" for one channel, "Channel n" otherwise.
    void setPeaks(const WaveformPeaks &peaks, const QStringList &channelLabels);

    void setTurns(const Turns &turns);
    void setCurrentTurn(int index);         // -1: none; outlines the turn's bar
    // Reviewers' labels, flagged at the start of their turns' bars.
    void setLabels(const QList<TurnLabel> &labels);
    // The moments a selected metric result points at, shaded across the lanes.
    void setMetricEvents(const MetricEvents &events);
    const QList<TurnLabel> &labels() const { return m_labels; }
    // The call's length: the full view spans the longest of this, the peaks and the turns.
    void setDuration(double seconds);
    void setPosition(double seconds);       // the playhead (the player's clock)
    // Back to empty: no peaks, turns, labels, message, duration or position.
    void clear();

    void setVisibleRange(double from, double to);   // clamped to the call, at least MinimumSpan
    TimeRange visibleRange() const { return m_range; }
    double duration() const;
    double position() const { return m_position; }

    // What is shown, for tests and for the window's own texts.
    QStringList laneLabels() const { return m_layout.labels(); }
    QString statusText() const { return m_statusText; }
    const TurnGaps &gaps() const { return m_gaps; }
    const TurnOverlaps &overlaps() const { return m_overlaps; }
    // Where time runs from visibleRange().from (left edge) to .to (right edge), in this
    // widget's coordinates.
    QRect timeArea() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    void seekRequested(double seconds);
    void visibleRangeChanged(double from, double to);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setStatus(const QString &text, double progress);
    void relayout();
    void updateExtent();
    void applyRange(double from, double to);
    void zoomAround(double anchor, double factor);
    void updateEnvelopes();
    void applyPalette();
    void scheduleReplot();
    void movePlayhead();
    void seekTo(double seconds);
    double timeAtX(double x) const;
    double extentEnd() const;

    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    void onWheel(QWheelEvent *event);

    QCustomPlot *m_plot;
    QSharedPointer<CallTimeTicker> m_ticker;
    WaveformLanesLayer *m_lanes = nullptr;
    QCPLayer *m_playheadLayer = nullptr;
    QCPItemStraightLine *m_playhead = nullptr;
    QList<std::pair<QCPGraph *, QCPGraph *>> m_channelGraphs;   // (maxima, minima) per channel

    WaveformLaneLayout m_layout;
    WaveformPeaks m_peaks;
    QStringList m_channelLabels;     // one per channel of m_peaks
    float m_gain = 1.0f;             // scales the loudest peak to the lane's edge
    Turns m_turns;
    QList<TurnLabel> m_labels;
    TurnGaps m_gaps;
    TurnOverlaps m_overlaps;
    QString m_statusText;
    double m_duration = 0.0;
    double m_turnsEnd = 0.0;
    double m_position = 0.0;
    TimeRange m_range{0.0, MinimumSpan};
    bool m_fitted = true;            // showing the whole call: stays so as the call grows
    bool m_envelopesDirty = false;
    bool m_replotQueued = false;
    bool m_dragging = false;
    double m_dragTime = -1.0;        // the last time a drag asked for
};
