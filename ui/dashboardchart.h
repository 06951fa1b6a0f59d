#pragma once

#include "item/dashboarddata.h"
#include "store/callquery.h"

#include <QFrame>
#include <QFuture>
#include <QPointF>
#include <QString>

#include <optional>

class DashboardFigures;
class QCPAxis;
class QCPItemEllipse;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QMouseEvent;
class QToolButton;

// One dashboard chart: a title, an Export menu (the chart as PNG, its data as CSV), the
// plot, and a state line while its figure is read or when there is nothing to show.
// Hovering a bar or point tells what it counts; clicking it asks for those calls
// (drillDown); with the keyboard, Tab to a chart, arrows to a bar or point, Enter. Subclasses
// draw the figure and say what lies under a point of the plot.
class DashboardChart : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardChart)

public:
    DashboardChart(const QString &title, DashboardFigures *figures, DashboardFigure figure, QWidget *parent = nullptr);
    ~DashboardChart() override;

    QCustomPlot *plot() const { return m_plot; }
    QString title() const;
    // "Reading…", "Updating…", "No calls", "Could not be read: …"; "" while data shows.
    QString stateText() const;
    // The chart's data as DashboardCsv writes it.
    virtual QString csv() const = 0;
    // The calls behind the bar or point at `pixel` (plot coordinates), if any.
    virtual std::optional<CallQuery> callsAt(const QPointF &pixel) const = 0;
    // What the bar or point at `pixel` counts, for its tool tip; "" for none.
    virtual QString describeAt(const QPointF &pixel) const = 0;
    // The bars and points (segments) in reading order, as plot pixels: what the arrow keys
    // step through on a focused chart, Enter opening the calls of the current one.
    virtual QList<QPointF> targets() const = 0;
    // The one the keyboard is on, -1 before the first key.
    int currentTarget() const { return m_target; }

    // The chart (at twice its size) as a PNG, its data as CSV: written on a worker
    // thread, the future true once written.
    QFuture<bool> exportPng(const QString &path) const;
    QFuture<bool> exportCsv(const QString &path) const;

signals:
    void drillDown(const CallQuery &query);

protected:
    DashboardFigures *figures() const { return m_figures; }
    // Draws figures()->data() into plot(); called when the figure changed.
    virtual void redraw() = 0;
    // True when the figure has nothing to draw.
    virtual bool isEmpty() const = 0;
    // "No calls", or what else an empty figure should say.
    virtual QString emptyText() const;
    // Controls of the chart's own (a metric picker), placed beside the title.
    void addHeaderWidget(QWidget *widget);
    // The file name the Export dialogs suggest, without extension.
    virtual QString fileStem() const = 0;
    // Colours that follow the palette.
    QColor textColor(double strength = 1.0) const;
    void styleAxis(QCPAxis *axis, bool grid) const;
    // Whole-number ticks on an axis of counts, however few (no "0.5 calls").
    static void useCountTicks(QCPAxis *axis);
    // The legend in a row of its own under the plot, filled left to right.
    void placeLegendBelow();
    // Whether `pixel` lies on a vertical bar of `height` rising from 0: a bar of a few
    // calls stays clickable however short it is drawn.
    bool isOnBar(const QPointF &pixel, double height) const;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFigureChanged(DashboardFigure figure);
    void refresh();
    void applyPalette();
    void onMouseMove(QMouseEvent *event);
    void onMousePress(QMouseEvent *event);
    void chooseAndExport(bool png);
    // Moves the keyboard's target by `step` (clamped), marks it and says what it counts.
    void stepTarget(int step);
    void hideTargetMark();

    DashboardFigures *m_figures;
    DashboardFigure m_figure;
    QLabel *m_title;
    QLabel *m_state;
    QHBoxLayout *m_header;
    QToolButton *m_export;
    QCustomPlot *m_plot;
    QCPItemEllipse *m_targetMark;
    int m_target = -1;
};
