#pragma once

#include "store/callquery.h"

#include <QList>
#include <QScrollArea>

class DashboardChart;
class DashboardFigures;
class QLabel;

// The dashboard tab: a line of totals over the call list's current filter and the six
// charts in two columns, scrolling when the window is small. Reads while shown (the
// figures are inactive while another tab is), and passes on a chart's click.
class DashboardView : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardView)

public:
    explicit DashboardView(DashboardFigures *figures, QWidget *parent = nullptr);

    QList<DashboardChart *> charts() const { return m_charts; }
    // By object name: callsPerDayChart, successRateChart, agentStatusChart, latencyChart,
    // interruptionChart, passRateChart.
    DashboardChart *chart(const QString &objectName) const;
    QString summaryText() const;

signals:
    void drillDown(const CallQuery &query);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSummary();

    DashboardFigures *m_figures;
    QLabel *m_summary;
    QList<DashboardChart *> m_charts;
};
