#include "listener/calllogfilter.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// What CallLogFilter::narrow() hands to SQL must select exactly the calls that
// matches() selects on each call's JSON: one row per kind of condition pushed down.
class TstCallLogFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sqlAgreesWithPerCallMatching_data();
    void sqlAgreesWithPerCallMatching();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
};

void TstCallLogFilter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("filter.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    const QDateTime start(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < 12; ++i) {
        CallLog call;
        call.callId = QStringLiteral("c%1").arg(i);
        if (i % 4 == 3)
            call.assistantId = QStringLiteral("asst_%1").arg(i % 2);
        else
            call.agent = 1 + i % 3;
        // Some calls share a timestamp, one sits a millisecond past another.
        call.timestamp = start.addSecs(3600 * (i / 2)).addMSecs(i == 5 ? 1 : 0);
        call.status = i % 3 ? std::optional(ReviewStatus::Success) : std::nullopt;
        call.turns = {Turn{Turn::Role::MainAgent, QStringLiteral("hello"), 0, 1, {}}};
        const UpsertOutcome outcome = m_store->upsert(call).result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    }
}

void TstCallLogFilter::cleanupTestCase()
{
    m_store.reset();
}

void TstCallLogFilter::sqlAgreesWithPerCallMatching_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("timestamp gte") << R"({"field":"timestamp","op":"gte","value":"2026-03-01T14:00:00Z"})";
    QTest::newRow("timestamp gt, ms apart") << R"({"field":"timestamp","op":"gt","value":"2026-03-01T14:00:00.000Z"})";
    QTest::newRow("timestamp lt") << R"({"field":"timestamp","op":"lt","value":"2026-03-01T14:00:00.001Z"})";
    QTest::newRow("timestamp lte, offset") << R"({"field":"timestamp","op":"lte","value":"2026-03-01T16:00:00+02:00"})";
    QTest::newRow("timestamp range") << R"([{"field":"timestamp","op":"gt","value":"2026-03-01T12:00:00Z"},)"
                                        R"({"field":"timestamp","op":"lte","value":"2026-03-01T15:00:00Z"}])";
    QTest::newRow("agent eq") << R"({"field":"agent","op":"eq","value":2})";
    QTest::newRow("agent eq twice, differing") << R"([{"field":"agent","op":"eq","value":2},{"field":"agent","op":"eq","value":3}])";
    QTest::newRow("status eq") << R"({"field":"status","op":"eq","value":"success"})";
    QTest::newRow("id in") << R"({"field":"id","op":"in","value":[1,3,5,99]})";
    QTest::newRow("call_id in") << R"({"field":"call_id","op":"in","value":["c1","c2"]})";
    QTest::newRow("mixed with C++ part") << R"([{"field":"agent","op":"eq","value":1},{"field":"status","op":"isnull","value":true}])";
}

void TstCallLogFilter::sqlAgreesWithPerCallMatching()
{
    QFETCH(QString, filter);
    FieldErrors errors;
    const CallLogFilter parsed = CallLogFilter::parse(filter, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.summary()));

    CallReader reader(m_store->databasePath());
    CallQuery all;
    all.limit = 0;
    all.withDetails = true;
    QList<qint64> expected;
    for (const CallLog &call : reader.list(all)) {
        if (parsed.matches(call.toDetailJson()))
            expected.append(call.id);
    }

    CallQuery narrowed = all;
    const bool exact = parsed.narrow(narrowed);
    QList<qint64> actual;
    for (const CallLog &call : reader.list(narrowed)) {
        if (exact || parsed.matches(call.toDetailJson()))
            actual.append(call.id);
    }
    QCOMPARE(actual, expected);
    if (exact)
        QCOMPARE(reader.count(narrowed), qint64(expected.size()));
    if (QByteArray(QTest::currentDataTag()).startsWith("timestamp") || !strcmp(QTest::currentDataTag(), "agent eq"))
        QVERIFY(exact);
}

QTEST_GUILESS_MAIN(TstCallLogFilter)
#include "tst_calllogfilter.moc"
