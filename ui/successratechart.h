#pragma once

#include "dashboardchart.h"

class QCPGraph;

// The share of calls with a status that succeeded (success or reviewed success), a point
// a day; a point opens that day's calls.
class SuccessRateChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit SuccessRateChart(DashboardFigures *figures, QWidget *parent = nullptr);

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString emptyText() const override;
    QString fileStem() const override { return QStringLiteral("success-rate"); }

private:
    const CallStatistics::Day *dayAt(const QPointF &pixel) const;

    QCPGraph *m_rate;
};
