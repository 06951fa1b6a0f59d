#include "metrics/builtinmetrics.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/sqliteconnection.h"
#include "metrictestdata.h"
#include "storetestdata.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Metric definitions and results in the store: the built-ins are there from the first
// open, a reviewer's metrics are validated, versioned and switched per agent, results are
// kept per (call, metric, version) with the newest one current, and the call's failed
// count and status follow them.
class TstMetricStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void builtinsArePresentInCatalogueOrder();
    void builtinsAreFixed();
    void ruleMetricIsValidatedAndVersioned();
    void switchesPerAgent();
    void resultsPerVersionWithTheNewestCurrent();
    void failedCountAndVerdict();
    void senderStatusStaysUnlessRerun();
    void removingAMetricRemovesItsResults();

private:
    MetricDefinition phraseRule(const QString &key) const;
    int failedCount(qint64 callDbId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
};

void TstMetricStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("metrics.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TstMetricStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

MetricDefinition TstMetricStore::phraseRule(const QString &key) const
{
    MetricDefinition metric;
    metric.key = key;
    metric.name = QStringLiteral("Says goodbye");
    metric.evaluator = MetricDefinition::Evaluator::Rule;
    metric.config = {{QStringLiteral("kind"), QStringLiteral("phrase")}, {QStringLiteral("pattern"), QStringLiteral("goodbye")}};
    return metric;
}

int TstMetricStore::failedCount(qint64 callDbId) const
{
    CallQuery query;
    query.limit = 100;
    for (const CallLog &call : CallReader(m_path).list(query)) {
        if (call.id == callDbId)
            return call.failedMetricCount;
    }
    return -1;
}

void TstMetricStore::builtinsArePresentInCatalogueOrder()
{
    const QList<MetricDefinition> stored = CallReader(m_path).metrics();
    const QList<BuiltinMetricInfo> &catalogue = BuiltinMetrics::catalogue();
    QCOMPARE(stored.size(), catalogue.size());
    for (qsizetype i = 0; i < catalogue.size(); ++i) {
        QCOMPARE(stored[i].key, catalogue[i].key);
        QCOMPARE(stored[i].evaluator, MetricDefinition::Evaluator::Builtin);
        QCOMPARE(stored[i].type, catalogue[i].type);
        QCOMPARE(stored[i].passValue, catalogue[i].passValue);
        QVERIFY(stored[i].enabledByDefault);
        QVERIFY(!stored[i].description.isEmpty());
    }
    // Opening again adds nothing and keeps the ids.
    m_store.reset();
    m_store = CallStore::open(m_path);
    const QList<MetricDefinition> again = CallReader(m_path).metrics();
    QCOMPARE(again.size(), stored.size());
    QCOMPARE(again.first().id, stored.first().id);
}

void TstMetricStore::builtinsAreFixed()
{
    MetricDefinition latency = CallReader(m_path).metrics().first();
    latency.name = QStringLiteral("Renamed");
    MetricSaveOutcome outcome = m_store->saveMetric(latency).result();
    QVERIFY(outcome.errors.contains(QStringLiteral("evaluator")));
    outcome = m_store->removeMetric(latency.id).result();
    QVERIFY(outcome.errors.contains(QStringLiteral("id")));
    QCOMPARE(CallReader(m_path).metrics().first().name, QStringLiteral("Latency mean"));

    MetricDefinition imitation = phraseRule(QStringLiteral("mine"));
    imitation.evaluator = MetricDefinition::Evaluator::Builtin;
    QVERIFY(m_store->saveMetric(imitation).result().errors.contains(QStringLiteral("evaluator")));
}

void TstMetricStore::ruleMetricIsValidatedAndVersioned()
{
    QSignalSpy changed(m_store.get(), &CallStore::metricsChanged);
    MetricDefinition bad = phraseRule(QStringLiteral("Bad Key"));
    bad.config.remove(QStringLiteral("pattern"));
    const MetricSaveOutcome refused = m_store->saveMetric(bad).result();
    QVERIFY(refused.errors.contains(QStringLiteral("key")));
    QVERIFY(refused.errors.contains(QStringLiteral("config.pattern")));
    QVERIFY(m_store->saveMetric(phraseRule(QStringLiteral("latency_mean_ms"))).result().errors.contains(QStringLiteral("key")));

    MetricDefinition rule = phraseRule(QStringLiteral("says_goodbye"));
    MetricSaveOutcome outcome = m_store->saveMetric(rule).result();
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.version, 1);
    rule.id = outcome.id;

    // A new name is not a new version; a new pattern is.
    rule.name = QStringLiteral("Ends politely");
    QCOMPARE(m_store->saveMetric(rule).result().version, 1);
    rule.config.insert(QStringLiteral("pattern"), QStringLiteral("bye"));
    QCOMPARE(m_store->saveMetric(rule).result().version, 2);
    QTRY_COMPARE(changed.count(), 3);

    const QList<MetricDefinition> stored = CallReader(m_path).metrics();
    const MetricDefinition &last = stored.last();
    QCOMPARE(last.key, QStringLiteral("says_goodbye"));
    QCOMPARE(last.name, QStringLiteral("Ends politely"));
    QCOMPARE(last.version, 2);
    QCOMPARE(last.config.value(QStringLiteral("pattern")).toString(), QStringLiteral("bye"));
}

void TstMetricStore::switchesPerAgent()
{
    const MetricDefinition silence = CallReader(m_path).metrics().at(11);
    QCOMPARE(silence.key, QStringLiteral("dead_air_count"));
    QVERIFY(m_store->setMetricEnabled(silence.id, QStringLiteral("agent:12"), false).result().ok());
    MetricDefinition read = CallReader(m_path).metrics().at(11);
    QVERIFY(!read.isEnabledFor(QStringLiteral("agent:12")));
    QVERIFY(read.isEnabledFor(QStringLiteral("agent:7")));

    // Off by default, on for one agent.
    QVERIFY(m_store->setMetricEnabled(silence.id, {}, false).result().ok());
    QVERIFY(m_store->setMetricEnabled(silence.id, QStringLiteral("agent:7"), true).result().ok());
    read = CallReader(m_path).metrics().at(11);
    QVERIFY(!read.isEnabledFor(QStringLiteral("agent:12")));
    QVERIFY(read.isEnabledFor(QStringLiteral("agent:7")));
    QVERIFY(!read.isEnabledFor(QStringLiteral("assistant:asst_1")));
    QVERIFY(m_store->setMetricEnabled(999999, {}, true).result().notFound);
}

void TstMetricStore::resultsPerVersionWithTheNewestCurrent()
{
    const qint64 callDbId = m_store->upsert(StoreTestData::call(QStringLiteral("v-1"))).result().id;
    MetricDefinition rule = phraseRule(QStringLiteral("says_goodbye"));
    rule.id = m_store->saveMetric(rule).result().id;
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(rule, false)}).result());
    rule.config.insert(QStringLiteral("pattern"), QStringLiteral("bye"));
    rule.version = m_store->saveMetric(rule).result().version;
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(rule, true)}).result());

    const QList<MetricResult> current = CallReader(m_path).callById(callDbId)->metrics;
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().metricVersion, 2);
    QCOMPARE(current.first().value, QJsonValue(true));
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery rows(connection.database());
    QVERIFY(rows.exec(QStringLiteral("SELECT metric_version, passed FROM metric_results WHERE call = %1 ORDER BY metric_version").arg(callDbId)));
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toInt(), 1);
    QCOMPARE(rows.value(1).toInt(), 0);
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toInt(), 2);
    // The old version's failure no longer counts.
    QCOMPARE(failedCount(callDbId), 0);
}

void TstMetricStore::failedCountAndVerdict()
{
    const qint64 callDbId = m_store->upsert(StoreTestData::call(QStringLiteral("f-1"))).result().id;
    MetricDefinition first = phraseRule(QStringLiteral("first_rule"));
    first.id = m_store->saveMetric(first).result().id;
    MetricDefinition second = phraseRule(QStringLiteral("second_rule"));
    second.id = m_store->saveMetric(second).result().id;

    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(first, true), MetricTestData::binaryResult(second, false)}).result());
    QCOMPARE(failedCount(callDbId), 1);
    CallReader reader(m_path);
    QCOMPARE(reader.callById(callDbId)->status, std::optional<ReviewStatus>(ReviewStatus::Failure));
    const QList<ReviewEvent> history = reader.reviewEvents(callDbId);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().source, QStringLiteral("metrics"));
    QCOMPARE(history.first().newValue, QStringLiteral("failure"));

    // A later result of one metric replaces its row; the verdict follows.
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(second, true)}).result());
    QCOMPARE(failedCount(callDbId), 0);
    QCOMPARE(reader.callById(callDbId)->status, std::optional<ReviewStatus>(ReviewStatus::Success));

    // A reviewer's status always wins; metrics keep their hands off it.
    ReviewChange change;
    change.callDbId = callDbId;
    change.status = ReviewStatus::Success;
    change.source = QStringLiteral("ui");
    QVERIFY(m_store->review(change).result().applied());
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(second, false)}, /*rerun=*/true).result());
    QCOMPARE(failedCount(callDbId), 1);
    QCOMPARE(reader.callById(callDbId)->status, std::optional<ReviewStatus>(ReviewStatus::Success));
}

void TstMetricStore::senderStatusStaysUnlessRerun()
{
    CallLog sent = StoreTestData::call(QStringLiteral("s-1"));
    sent.status = ReviewStatus::Success;
    const qint64 callDbId = m_store->upsert(sent).result().id;
    MetricDefinition rule = phraseRule(QStringLiteral("says_goodbye"));
    rule.id = m_store->saveMetric(rule).result().id;
    CallReader reader(m_path);

    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(rule, false)}).result());
    QCOMPARE(reader.callById(callDbId)->status, std::optional<ReviewStatus>(ReviewStatus::Success));
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(rule, false)}, /*rerun=*/true).result());
    QCOMPARE(reader.callById(callDbId)->status, std::optional<ReviewStatus>(ReviewStatus::Failure));

    // An identical re-post after that is still recognised as unchanged.
    sent.status.reset();
    QVERIFY(m_store->upsert(sent).result().changed);   // the status is no longer sent
    QVERIFY(!m_store->upsert(sent).result().changed);
}

void TstMetricStore::removingAMetricRemovesItsResults()
{
    const qint64 callDbId = m_store->upsert(StoreTestData::call(QStringLiteral("r-1"))).result().id;
    MetricDefinition rule = phraseRule(QStringLiteral("says_goodbye"));
    rule.id = m_store->saveMetric(rule).result().id;
    QVERIFY(m_store->storeMetricResults(callDbId, {MetricTestData::binaryResult(rule, false)}).result());
    QCOMPARE(failedCount(callDbId), 1);
    QVERIFY(m_store->removeMetric(rule.id).result().ok());
    QCOMPARE(failedCount(callDbId), 0);
    QVERIFY(CallReader(m_path).callById(callDbId)->metrics.isEmpty());
    QCOMPARE(CallReader(m_path).metrics().size(), BuiltinMetrics::catalogue().size());
    QVERIFY(m_store->removeMetric(rule.id).result().notFound);
}

QTEST_GUILESS_MAIN(TstMetricStore)
#include "tst_metricstore.moc"
