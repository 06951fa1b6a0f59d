#pragma once

#include "dashboardchart.h"

class QCPGraph;

// Interruption rate: of each day's calls whose interruption metrics were evaluated, the
// share with at least one interruption by the agent, and by the caller. A point opens
// that day's calls with such interruptions.
class InterruptionChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit InterruptionChart(DashboardFigures *figures, QWidget *parent = nullptr);

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString emptyText() const override;
    QString fileStem() const override { return QStringLiteral("interruption-rate"); }

private:
    struct Hit
    {
        const CallStatistics::InterruptionDay *day = nullptr;
        bool byAgent = true;
    };
    Hit hitAt(const QPointF &pixel) const;

    QCPGraph *m_byAgent;
    QCPGraph *m_byCaller;
};
