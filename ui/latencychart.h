#pragma once

#include "dashboardchart.h"

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QComboBox;

// How one latency metric is spread over the calls: a histogram of its current scores,
// with the p50 and p90 across calls marked. The metric (p50, mean, p90, max latency or
// time to first audio) is picked beside the title; a bar opens the calls in its range.
class LatencyChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit LatencyChart(DashboardFigures *figures, QWidget *parent = nullptr);

    QComboBox *metricPicker() const { return m_metric; }

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString emptyText() const override;
    QString fileStem() const override;

private:
    int binAt(const QPointF &pixel) const;
    void placeMarker(QCPItemStraightLine *line, QCPItemText *label, const QString &name, double value, double top);

    QComboBox *m_metric;
    QCPBars *m_bars;
    QCPItemStraightLine *m_p50;
    QCPItemStraightLine *m_p90;
    QCPItemText *m_p50Label;
    QCPItemText *m_p90Label;
    QCPItemText *m_beyondLabel;
};
