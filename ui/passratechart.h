#pragma once

#include "dashboardchart.h"

class QCPBars;

// Each metric's pass rate over the selected calls: a bar a metric, passed and failed
// stacked to 100 %. A segment opens the calls that passed, or failed, that metric.
class PassRateChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit PassRateChart(DashboardFigures *figures, QWidget *parent = nullptr);

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString emptyText() const override;
    QString fileStem() const override { return QStringLiteral("pass-rate-per-metric"); }

private:
    struct Hit
    {
        const CallStatistics::PassRate *metric = nullptr;
        bool passed = true;
    };
    Hit hitAt(const QPointF &pixel) const;

    QCPBars *m_passed;
    QCPBars *m_failed;
};
