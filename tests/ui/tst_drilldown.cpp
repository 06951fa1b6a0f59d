#include "item/activefilters.h"
#include "item/callqueryjson.h"
#include "item/drilldown.h"

#include <QTest>

// A dashboard click narrows the list's query and never widens it; the metric filters it
// adds show as a chip the reviewer can remove, and survive a saved view.
class TstDrillDown : public QObject
{
    Q_OBJECT

private slots:
    void dayIsALocalDay();
    void dayIntersectsAnExistingRange();
    void agentsReplaceTheAgentFilter();
    void metricFiltersAppend();
    void metricChipAndItsRemoval();
    void metricFiltersSurviveJson();
};

namespace {

const QTimeZone Berlin(QByteArrayLiteral("Europe/Berlin"));

} // namespace

void TstDrillDown::dayIsALocalDay()
{
    const CallQuery day = DrillDown::toDay({}, QDate(2026, 3, 29), Berlin);   // the day DST begins: 23 hours
    QCOMPARE(day.timestampFrom, QDateTime(QDate(2026, 3, 28), QTime(23, 0), Qt::UTC));
    QCOMPARE(day.timestampTo, QDateTime(QDate(2026, 3, 29), QTime(21, 59, 59, 999), Qt::UTC));
}

void TstDrillDown::dayIntersectsAnExistingRange()
{
    CallQuery query;
    query.timestampFrom = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    const CallQuery day = DrillDown::toDay(query, QDate(2026, 3, 10), QTimeZone::utc());
    QCOMPARE(day.timestampFrom, query.timestampFrom);   // the later start stays
    QCOMPARE(day.timestampTo, QDateTime(QDate(2026, 3, 10), QTime(23, 59, 59, 999), Qt::UTC));
}

void TstDrillDown::agentsReplaceTheAgentFilter()
{
    CallQuery query;
    query.agent = QStringLiteral("7");
    query.search = QStringLiteral("refund");
    const CallQuery agents = DrillDown::toAgents(query, {QStringLiteral("agent:7")}, ReviewStatus::Failure);
    QCOMPARE(agents.agentKeys, QStringList{QStringLiteral("agent:7")});
    QVERIFY(agents.agent.isEmpty());
    QCOMPARE(agents.status, std::optional<ReviewStatus>(ReviewStatus::Failure));
    QCOMPARE(agents.search, QStringLiteral("refund"));
    QVERIFY(!DrillDown::toAgents(query, {QStringLiteral("agent:7")}).status);
}

void TstDrillDown::metricFiltersAppend()
{
    const CallQuery failed = DrillDown::toVerdict({}, QStringLiteral("tool_call_success"), false);
    const CallQuery both = DrillDown::toScores(failed, QStringLiteral("latency_p50_ms"), 800.0, 900.0);
    QCOMPARE(both.metrics.size(), 2);
    QCOMPARE(both.metrics.at(0), (MetricFilter{QStringLiteral("tool_call_success"), false, std::nullopt, std::nullopt}));
    QCOMPARE(both.metrics.at(1), (MetricFilter{QStringLiteral("latency_p50_ms"), std::nullopt, 800.0, 900.0}));
}

void TstDrillDown::metricChipAndItsRemoval()
{
    CallQuery query = DrillDown::toVerdict({}, QStringLiteral("tool_call_success"), false);
    query = DrillDown::toScores(query, QStringLiteral("latency_p50_ms"), 800.0, 900.0);
    query = DrillDown::toScores(query, QStringLiteral("interruptions_by_agent"), 1.0, std::nullopt);
    query.status = ReviewStatus::Failure;
    const QList<ActiveFilters::Filter> filters = ActiveFilters::of(query);
    QCOMPARE(filters.size(), 2);
    QCOMPARE(filters.last().kind, ActiveFilters::Kind::Metric);
    QCOMPARE(filters.last().text, QStringLiteral("tool_call_success failed; latency_p50_ms from 800 to under 900; "
                                                 "interruptions_by_agent at least 1"));
    const CallQuery without = ActiveFilters::without(query, ActiveFilters::Kind::Metric);
    QVERIFY(without.metrics.isEmpty());
    QCOMPARE(without.status, query.status);
    QVERIFY(ActiveFilters::cleared(query).metrics.isEmpty());
}

void TstDrillDown::metricFiltersSurviveJson()
{
    CallQuery query = DrillDown::toScores({}, QStringLiteral("latency_p90_ms"), 1200.0, std::nullopt);
    query = DrillDown::toVerdict(query, QStringLiteral("voicemail_detected"), true);
    const CallQuery back = CallQueryJson::fromJson(CallQueryJson::toJson(query));
    QCOMPARE(back.metrics, query.metrics);
    // A metric filter without a key means nothing and is dropped.
    QJsonObject json = CallQueryJson::toJson(query);
    json.insert(QStringLiteral("metrics"), QJsonArray{QJsonObject{{QStringLiteral("passed"), false}}});
    QVERIFY(CallQueryJson::fromJson(json).metrics.isEmpty());
}

QTEST_GUILESS_MAIN(TstDrillDown)
#include "tst_drilldown.moc"
