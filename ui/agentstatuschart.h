#pragma once

#include "dashboardchart.h"

#include "calllog/reviewstatus.h"

#include <QList>
#include <QStringList>

class QCPBars;

// Each agent's calls by status, one stacked bar an agent: the ten with most calls, the
// rest summed in "Other agents". A segment opens that agent's calls with that status.
class AgentStatusChart : public DashboardChart
{
    Q_OBJECT

public:
    explicit AgentStatusChart(DashboardFigures *figures, QWidget *parent = nullptr);

    static constexpr int ShownAgents = 10;

    QString csv() const override;
    std::optional<CallQuery> callsAt(const QPointF &pixel) const override;
    QString describeAt(const QPointF &pixel) const override;
    QList<QPointF> targets() const override;

protected:
    void redraw() override;
    bool isEmpty() const override;
    QString fileStem() const override { return QStringLiteral("status-by-agent"); }

private:
    // A bar: one agent, or the agents past the first ten.
    struct Row
    {
        QString label;
        QStringList agentKeys;
        CallStatistics::AgentStatuses counts;
    };
    struct Hit
    {
        const Row *row = nullptr;
        int segment = -1;   // index into segments(); the last is "no status"
    };
    static QList<std::optional<ReviewStatus>> segments();
    static qint64 countOf(const CallStatistics::AgentStatuses &counts, int segment);
    QString segmentName(int segment) const;
    Hit hitAt(const QPointF &pixel) const;

    QList<QCPBars *> m_bars;   // one per segment, stacked in segments() order
    QList<Row> m_rows;
};
