#include "ingest/dashboardcsv.h"

#include <QTest>

// Each chart's data as CSV: a header, one row per bar or point, rates as fractions, and
// text a spreadsheet reads back as it was (a name with a comma stays one field).
class TstDashboardCsv : public QObject
{
    Q_OBJECT

private slots:
    void callsPerDayAndSuccessRate();
    void agentStatusesQuoteNames();
    void histogramBinsAndBeyond();
    void interruptionsAndPassRates();
};

void TstDashboardCsv::callsPerDayAndSuccessRate()
{
    const QList<CallStatistics::Day> days{{QDate(2026, 3, 1), 12, 8, 6}, {QDate(2026, 3, 2), 3, 0, 0}};
    QCOMPARE(DashboardCsv::callsPerDay(days), QStringLiteral("date,calls\n2026-03-01,12\n2026-03-02,3\n"));
    // A day without a status has no rate, not a rate of 0.
    QCOMPARE(DashboardCsv::successRate(days),
             QStringLiteral("date,calls_with_status,successes,success_rate\n2026-03-01,8,6,0.7500\n2026-03-02,0,0,\n"));
}

void TstDashboardCsv::agentStatusesQuoteNames()
{
    CallStatistics::AgentStatuses agent;
    agent.agentKey = QStringLiteral("agent:7");
    agent.name = QStringLiteral("Dental, front desk");
    agent.success = 2;
    agent.reviewedFailure = 1;
    agent.none = 4;
    const QString csv = DashboardCsv::agentStatuses({agent});
    QVERIFY(csv.startsWith(QStringLiteral("agent,name,success,failure,reviewed_success,reviewed_failure,no_status,total\n")));
    QVERIFY(csv.endsWith(QStringLiteral("agent:7,\"Dental, front desk\",2,0,0,1,4,7\n")));
}

void TstDashboardCsv::histogramBinsAndBeyond()
{
    CallStatistics::Histogram histogram;
    histogram.metricKey = QStringLiteral("latency_p50_ms");
    histogram.start = 100;
    histogram.width = 50;
    histogram.counts = {3, 0, 2};
    histogram.beyond = 1;
    histogram.samples = 6;
    QCOMPARE(DashboardCsv::histogram(histogram),
             QStringLiteral("metric,from,to,calls\n"
                            "latency_p50_ms,100,150,3\nlatency_p50_ms,150,200,0\nlatency_p50_ms,200,250,2\n"
                            "latency_p50_ms,250,,1\n"));
}

void TstDashboardCsv::interruptionsAndPassRates()
{
    QCOMPARE(DashboardCsv::interruptions({{QDate(2026, 3, 1), 4, 1, 2, 0}}),
             QStringLiteral("date,evaluated_by_agent,with_agent_interruptions,agent_rate,evaluated_by_caller,"
                            "with_caller_interruptions,caller_rate\n2026-03-01,4,1,0.2500,2,0,0.0000\n"));
    QCOMPARE(DashboardCsv::passRates({{QStringLiteral("tool_call_success"), QStringLiteral("Tool call success"), 3, 1}}),
             QStringLiteral("metric,name,passed,failed,pass_rate\ntool_call_success,Tool call success,3,1,0.7500\n"));
}

QTEST_GUILESS_MAIN(TstDashboardCsv)
#include "tst_dashboardcsv.moc"
