#pragma once

#include "dashboardchart.h"

class QCPBars;

// Calls per day, one bar a day; a bar opens that day's calls.
class CallsPerDayChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit CallsPerDayChart(DashboardFigures *figures, QWidget *parent = nullptr);

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString fileStem() const override { return QStringLiteral("calls-per-day"); }

private:
    const CallStatistics::Day *dayAt(const QPointF &pixel) const;

    QCPBars *m_bars;
};
