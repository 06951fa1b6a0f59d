#include "store/callreader.h"
#include "store/callstore.h"
#include "store/statisticsreader.h"
#include "metrictestdata.h"
#include "storetestdata.h"

#include <QTemporaryDir>
#include <QTest>

// The dashboard's aggregates, on hand-made calls whose figures are counted here: days are
// local days, only a metric's newest result counts, and the list's filters (including the
// metric filters a drill-down adds) select the calls.
class TstStatistics : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callsPerLocalDay();
    void statusesPerAgentMostCallsFirst();
    void histogramOfCurrentScores();
    void histogramFollowsTheFilter();
    void interruptionsPerDay();
    void passRatesCountTheNewestVerdict();
    void listFiltersByMetric();
    void emptyDatabase();

private:
    qint64 addCall(const QString &callId, const QDateTime &time, std::optional<ReviewStatus> status = std::nullopt,
                   qint64 agent = 7);
    MetricDefinition metric(const QString &key) const;
    void store(qint64 callDbId, const QList<MetricResult> &results);
    QStringList listed(const CallQuery &query) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
};

namespace {

// India: half-hour offset, no DST, so a quarter hour can fall on either side of midnight.
const QTimeZone Kolkata(QByteArrayLiteral("Asia/Kolkata"));

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

void TstStatistics::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("statistics.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TstStatistics::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TstStatistics::addCall(const QString &callId, const QDateTime &time, std::optional<ReviewStatus> status,
                              qint64 agent)
{
    CallLog call = StoreTestData::call(callId, agent);
    call.timestamp = time;
    call.status = status;
    return m_store->upsert(call).result().id;
}

MetricDefinition TstStatistics::metric(const QString &key) const
{
    for (const MetricDefinition &known : CallReader(m_path).metrics()) {
        if (known.key == key)
            return known;
    }
    return {};
}

void TstStatistics::store(qint64 callDbId, const QList<MetricResult> &results)
{
    QVERIFY(m_store->storeMetricResults(callDbId, results).result());
}

QStringList TstStatistics::listed(const CallQuery &query) const
{
    QStringList ids;
    for (const CallLog &call : CallReader(m_path).list(query))
        ids.append(call.callId);
    ids.sort();
    return ids;
}

void TstStatistics::callsPerLocalDay()
{
    QVERIFY(Kolkata.isValid());
    addCall(QStringLiteral("a"), utc(1, 18, 15), ReviewStatus::Success);          // 23:45 on the 1st there
    addCall(QStringLiteral("b"), utc(1, 18, 30), ReviewStatus::Failure);          // 00:00 on the 2nd
    addCall(QStringLiteral("c"), utc(2, 10, 0), ReviewStatus::ReviewedSuccess);   // the 2nd
    addCall(QStringLiteral("d"), utc(2, 11, 0));                                   // the 2nd, no status

    const auto days = StatisticsReader(m_path, Kolkata).callsPerDay({});
    QVERIFY(days);
    QCOMPARE(days->size(), 2);
    QCOMPARE(days->at(0), (CallStatistics::Day{QDate(2026, 3, 1), 1, 1, 1}));
    QCOMPARE(days->at(1), (CallStatistics::Day{QDate(2026, 3, 2), 3, 2, 1}));

    // In UTC all four fall on the 1st and 2nd as their UTC dates say.
    const auto utcDays = StatisticsReader(m_path, QTimeZone::utc()).callsPerDay({});
    QVERIFY(utcDays);
    QCOMPARE(utcDays->at(0).calls, 2);
    QCOMPARE(utcDays->at(1).calls, 2);
}

void TstStatistics::statusesPerAgentMostCallsFirst()
{
    addCall(QStringLiteral("a"), utc(1, 9), ReviewStatus::ReviewedFailure, 8);
    addCall(QStringLiteral("b"), utc(1, 10), ReviewStatus::Success, 7);
    addCall(QStringLiteral("c"), utc(1, 11), ReviewStatus::Failure, 7);
    addCall(QStringLiteral("d"), utc(1, 12), std::nullopt, 7);

    const auto agents = StatisticsReader(m_path).statusesByAgent({});
    QVERIFY(agents);
    QCOMPARE(agents->size(), 2);
    QCOMPARE(agents->at(0).agentKey, QStringLiteral("agent:7"));
    QCOMPARE(agents->at(0).success, 1);
    QCOMPARE(agents->at(0).failure, 1);
    QCOMPARE(agents->at(0).none, 1);
    QCOMPARE(agents->at(0).total(), 3);
    QCOMPARE(agents->at(1).agentKey, QStringLiteral("agent:8"));
    QCOMPARE(agents->at(1).reviewedFailure, 1);
    QCOMPARE(agents->at(1).total(), 1);

    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    const auto filtered = StatisticsReader(m_path).statusesByAgent(failures);
    QVERIFY(filtered);
    QCOMPARE(filtered->size(), 1);
    QCOMPARE(filtered->first().total(), 1);
}

void TstStatistics::histogramOfCurrentScores()
{
    const MetricDefinition p50 = metric(QStringLiteral("latency_p50_ms"));
    QVERIFY(p50.id > 0);
    // Scores 100, 200, …, 1000 ms; the call at 500 also has an older result (the sender's
    // version 0) of 99999 that no longer counts.
    for (int i = 1; i <= 10; ++i) {
        const qint64 id = addCall(QStringLiteral("h%1").arg(i), utc(1, 8 + i));
        if (i == 5)
            store(id, {MetricTestData::numericResult(p50, 99999, 0)});
        store(id, {MetricTestData::numericResult(p50, 100.0 * i)});
    }
    addCall(QStringLiteral("unevaluated"), utc(1, 20));

    const auto histogram = StatisticsReader(m_path).histogram({}, QStringLiteral("latency_p50_ms"));
    QVERIFY(histogram);
    QCOMPARE(histogram->metricKey, QStringLiteral("latency_p50_ms"));
    QCOMPARE(histogram->samples, 10);
    QCOMPARE(histogram->p50, 550.0);
    QCOMPARE(histogram->p90, 910.0);
    // From the lowest score to the 99th percentile (991) in about 24 bins of a round
    // width: (991 − 100) / 24 = 37.1, so 50 ms bins from 100; the 1000 ms call lies past
    // the 18th bin's end (1000) and is counted apart.
    QCOMPARE(histogram->width, 50.0);
    QCOMPARE(histogram->start, 100.0);
    QCOMPARE(histogram->counts.size(), 18);
    QCOMPARE(histogram->beyond, 1);
    QCOMPARE(histogram->counts.at(0), 1);    // 100
    QCOMPARE(histogram->counts.at(2), 1);    // 200
    QCOMPARE(histogram->counts.at(1), 0);
    qint64 counted = 0;
    for (const qint64 count : histogram->counts)
        counted += count;
    QCOMPARE(counted + histogram->beyond, 10);

    const auto none = StatisticsReader(m_path).histogram({}, QStringLiteral("time_to_first_audio_ms"));
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TstStatistics::histogramFollowsTheFilter()
{
    const MetricDefinition max = metric(QStringLiteral("latency_max_ms"));
    store(addCall(QStringLiteral("seven"), utc(1, 9), std::nullopt, 7), {MetricTestData::numericResult(max, 400)});
    store(addCall(QStringLiteral("eight"), utc(1, 10), std::nullopt, 8), {MetricTestData::numericResult(max, 700)});
    CallQuery eight;
    eight.agentKeys = {QStringLiteral("agent:8")};
    const auto histogram = StatisticsReader(m_path).histogram(eight, QStringLiteral("latency_max_ms"));
    QVERIFY(histogram);
    QCOMPARE(histogram->samples, 1);
    QCOMPARE(histogram->p50, 700.0);
    // One value: one bin of width 1 holding it.
    QCOMPARE(histogram->counts, QList<qint64>{1});
    QCOMPARE(histogram->start, 700.0);
}

void TstStatistics::interruptionsPerDay()
{
    const MetricDefinition byAgent = metric(QStringLiteral("interruptions_by_agent"));
    const MetricDefinition byCaller = metric(QStringLiteral("interruptions_by_caller"));
    store(addCall(QStringLiteral("calm"), utc(1, 9)),
          {MetricTestData::numericResult(byAgent, 0), MetricTestData::numericResult(byCaller, 1)});
    store(addCall(QStringLiteral("rude"), utc(1, 10)), {MetricTestData::numericResult(byAgent, 2)});
    addCall(QStringLiteral("unevaluated"), utc(1, 11));
    store(addCall(QStringLiteral("later"), utc(3, 9)), {MetricTestData::numericResult(byAgent, 1)});

    const auto days = StatisticsReader(m_path, QTimeZone::utc()).interruptionsPerDay({});
    QVERIFY(days);
    QCOMPARE(days->size(), 2);
    QCOMPARE(days->at(0), (CallStatistics::InterruptionDay{QDate(2026, 3, 1), 2, 1, 1, 1}));
    QCOMPARE(days->at(1), (CallStatistics::InterruptionDay{QDate(2026, 3, 3), 1, 1, 0, 0}));
}

void TstStatistics::passRatesCountTheNewestVerdict()
{
    const MetricDefinition tools = metric(QStringLiteral("tool_call_success"));
    const MetricDefinition voicemail = metric(QStringLiteral("voicemail_detected"));
    const qint64 first = addCall(QStringLiteral("p1"), utc(1, 9));
    store(first, {MetricTestData::binaryResult(tools, true)});
    store(addCall(QStringLiteral("p2"), utc(1, 10)), {MetricTestData::binaryResult(tools, true)});
    store(addCall(QStringLiteral("p3"), utc(1, 11)),
          {MetricTestData::binaryResult(tools, false), MetricTestData::binaryResult(voicemail, false)});
    // p1's failed sender verdict (version 0) is older than its pass.
    MetricResult older = MetricTestData::binaryResult(tools, false);
    older.metricVersion = 0;
    store(first, {older});

    const auto rates = StatisticsReader(m_path).passRates({});
    QVERIFY(rates);
    QCOMPARE(rates->size(), 2);
    const auto &toolRate = rates->at(rates->at(0).key == tools.key ? 0 : 1);
    QCOMPARE(toolRate, (CallStatistics::PassRate{tools.key, tools.name, 2, 1}));
    const auto &voicemailRate = rates->at(rates->at(0).key == tools.key ? 1 : 0);
    QCOMPARE(voicemailRate.passed, 0);
    QCOMPARE(voicemailRate.failed, 1);
    // Metric order: the catalogue's, as the Metrics dialog lists them.
    QVERIFY(rates->at(0).key == (tools.id < voicemail.id ? tools.key : voicemail.key));
}

void TstStatistics::listFiltersByMetric()
{
    const MetricDefinition tools = metric(QStringLiteral("tool_call_success"));
    const MetricDefinition p50 = metric(QStringLiteral("latency_p50_ms"));
    const qint64 fast = addCall(QStringLiteral("fast"), utc(1, 9));
    store(fast, {MetricTestData::binaryResult(tools, true), MetricTestData::numericResult(p50, 450)});
    const qint64 slow = addCall(QStringLiteral("slow"), utc(1, 10));
    store(slow, {MetricTestData::binaryResult(tools, false), MetricTestData::numericResult(p50, 1800)});
    // An old score of 5000 for the fast call: ranges see only its current 450.
    store(fast, {MetricTestData::numericResult(p50, 5000, 0)});
    addCall(QStringLiteral("none"), utc(1, 11));

    CallQuery failed;
    failed.metrics = {{tools.key, false, std::nullopt, std::nullopt}};
    QCOMPARE(listed(failed), QStringList{QStringLiteral("slow")});
    CallQuery passed;
    passed.metrics = {{tools.key, true, std::nullopt, std::nullopt}};
    QCOMPARE(listed(passed), QStringList{QStringLiteral("fast")});

    CallQuery range;
    range.metrics = {{p50.key, std::nullopt, 400.0, 500.0}};
    QCOMPARE(listed(range), QStringList{QStringLiteral("fast")});
    range.metrics = {{p50.key, std::nullopt, 450.0, 451.0}};
    QCOMPARE(listed(range), QStringList{QStringLiteral("fast")});   // the lower end is inclusive
    range.metrics = {{p50.key, std::nullopt, 400.0, 450.0}};
    QVERIFY(listed(range).isEmpty());                                // the upper one is not
    range.metrics = {{p50.key, std::nullopt, 4000.0, std::nullopt}};
    QVERIFY(listed(range).isEmpty());                                // the old 5000 does not count
    range.metrics = {{p50.key, std::nullopt, 1000.0, std::nullopt}};
    QCOMPARE(listed(range), QStringList{QStringLiteral("slow")});

    // Both must hold, and the count agrees with the list.
    CallQuery both;
    both.metrics = {{tools.key, false, std::nullopt, std::nullopt}, {p50.key, std::nullopt, std::nullopt, 1000.0}};
    QVERIFY(listed(both).isEmpty());
    QCOMPARE(CallReader(m_path).count(failed), 1);
}

void TstStatistics::emptyDatabase()
{
    StatisticsReader reader(m_path);
    QVERIFY(reader.isOpen());
    QVERIFY(reader.callsPerDay({})->isEmpty());
    QVERIFY(reader.statusesByAgent({})->isEmpty());
    QVERIFY(reader.histogram({}, QStringLiteral("latency_p50_ms"))->isEmpty());
    QVERIFY(reader.interruptionsPerDay({})->isEmpty());
    QVERIFY(reader.passRates({})->isEmpty());

    StatisticsReader missing(m_dir->filePath(QStringLiteral("missing/none.db")));
    QVERIFY(!missing.callsPerDay({}));
    QVERIFY(!missing.lastError().isEmpty());
}

QTEST_GUILESS_MAIN(TstStatistics)
#include "tst_statistics.moc"
