#include "dashboardview.h"

#include "agentstatuschart.h"
#include "callsperdaychart.h"
#include "interruptionchart.h"
#include "item/dashboardfigures.h"
#include "latencychart.h"
#include "passratechart.h"
#include "successratechart.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

DashboardView::DashboardView(DashboardFigures *figures, QWidget *parent)
    : QScrollArea(parent)
    , m_figures(figures)
    , m_summary(new QLabel)
{
    setObjectName(QStringLiteral("dashboard"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *grid = new QGridLayout;
    m_charts = {new CallsPerDayChart(figures), new SuccessRateChart(figures), new AgentStatusChart(figures),
                new LatencyChart(figures),     new InterruptionChart(figures), new PassRateChart(figures)};
    for (int i = 0; i < m_charts.size(); ++i) {
        grid->addWidget(m_charts.at(i), i / 2, i % 2);
        connect(m_charts.at(i), &DashboardChart::drillDown, this, &DashboardView::drillDown);
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch();
    setWidget(content);

    connect(figures, &DashboardFigures::figureChanged, this, [this](DashboardFigure figure) {
        if (figure == DashboardFigure::Days)
            updateSummary();
    });
    updateSummary();
}

DashboardChart *DashboardView::chart(const QString &objectName) const
{
    for (DashboardChart *chart : m_charts) {
        if (chart->objectName() == objectName)
            return chart;
    }
    return nullptr;
}

QString DashboardView::summaryText() const
{
    return m_summary->text();
}

void DashboardView::updateSummary()
{
    if (!m_figures->hasData(DashboardFigure::Days)) {
        m_summary->setText(tr("Reading the calls\u2026"));
        return;
    }
    qint64 calls = 0, withStatus = 0, successes = 0;
    const auto &days = m_figures->data().days;
    for (const CallStatistics::Day &day : days) {
        calls += day.calls;
        withStatus += day.withStatus;
        successes += day.successes;
    }
    const QLocale locale;
    QString text = tr("%n call(s)", nullptr, int(calls));
    if (!days.isEmpty()) {
        text += QStringLiteral(" \u00b7 ")
                + tr("%1 to %2").arg(locale.toString(days.first().date, QLocale::ShortFormat),
                                     locale.toString(days.last().date, QLocale::ShortFormat));
    }
    if (withStatus > 0) {
        text += QStringLiteral(" \u00b7 ")
                + tr("%1 % of %n call(s) with a status succeeded", nullptr, int(withStatus))
                      .arg(locale.toString(100.0 * double(successes) / double(withStatus), 'f', 0));
    }
    m_summary->setText(text);
}

void DashboardView::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    m_figures->setActive(true);
}

void DashboardView::hideEvent(QHideEvent *event)
{
    QScrollArea::hideEvent(event);
    m_figures->setActive(false);
}
