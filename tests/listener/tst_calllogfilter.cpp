#include "listener/calllogfilter.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// What CallLogFilter::narrow() hands to SQL must select exactly the calls that
// matches() selects on each call's JSON. Every row runs one filter both ways over the
// same seeded calls, whose values cover what the comparison treats differently: text that
// reads as a number ("+15550100", "01:30"), case, empty and missing values, durations
// just below a half second, shared timestamps.
class TstCallLogFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sqlAgreesWithPerCallMatching_data();
    void sqlAgreesWithPerCallMatching();
    void deepPagesAgreeWithTheWholeList();

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
    const QStringList customers{QString(), QStringLiteral("+15550100"), QStringLiteral("15550100"),
                                QStringLiteral("555-0100"), QStringLiteral("+1 555 0100"), QStringLiteral("01:30"),
                                QStringLiteral("90"), QStringLiteral("abc"), QStringLiteral("ABC"),
                                QStringLiteral("k\u212Aelvin")};
    const QStringList reasons{QString(), QStringLiteral("customer-ended-call"), QStringLiteral("Customer-Ended-Call"),
                              QStringLiteral("42"), QStringLiteral("silence-timed-out")};
    const double durations[] = {0, 59.5, 60.49999999999999, 90, 3600.5, 29.4, 0.5};
    const std::optional<ReviewStatus> statuses[] = {std::nullopt, ReviewStatus::Success, ReviewStatus::Failure,
                                                    ReviewStatus::ReviewedSuccess, ReviewStatus::ReviewedFailure};
    const QDateTime start(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < 30; ++i) {
        CallLog call;
        call.callId = i % 6 == 5 ? QString::number(100 + i) : QStringLiteral("c%1").arg(i);
        if (i % 4 == 3)
            call.assistantId = QStringLiteral("asst_%1").arg(i % 2);
        else
            call.agent = 1 + i % 3;
        // Some calls share a timestamp, one sits a millisecond past another.
        call.timestamp = start.addSecs(3600 * (i / 2)).addMSecs(i == 5 ? 1 : 0);
        call.status = statuses[i % 5];
        call.customerNumber = customers[i % customers.size()];
        call.callEndedReason = reasons[(i / 2) % reasons.size()];
        call.durationSeconds = durations[i % 7];
        if (i % 3 == 0)
            call.topic = QStringLiteral("Billing");
        call.metadata = QJsonObject{{QStringLiteral("batch"), i / 10}};
        call.turns = {Turn{Turn::Role::MainAgent, QStringLiteral("hello"), 0, 1, {}, {}, {}}};
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
    QTest::addColumn<bool>("inSql");   // decided in SQL alone, with no per-call pass
    const auto row = [](const char *name, const char *filter, bool inSql = true) {
        QTest::newRow(name) << QString::fromUtf8(filter) << inSql;
    };
    row("timestamp gte", R"({"field":"timestamp","op":"gte","value":"2026-03-01T14:00:00Z"})");
    row("timestamp gt, ms apart", R"({"field":"timestamp","op":"gt","value":"2026-03-01T14:00:00.000Z"})");
    row("timestamp lt", R"({"field":"timestamp","op":"lt","value":"2026-03-01T14:00:00.001Z"})");
    row("timestamp lte, offset", R"({"field":"timestamp","op":"lte","value":"2026-03-01T16:00:00+02:00"})");
    row("timestamp eq", R"({"field":"timestamp","op":"eq","value":"2026-03-01T14:00:00.001Z"})");
    row("timestamp neq", R"({"field":"timestamp","op":"neq","value":"2026-03-01T13:00:00Z"})");
    row("timestamp in", R"({"field":"timestamp","op":"in","value":["2026-03-01T13:00:00Z","soon",null,5]})");
    row("timestamp not a time", R"({"field":"timestamp","op":"gt","value":"yesterday"})");
    row("timestamp neq not a time", R"({"field":"timestamp","op":"neq","value":7})");
    row("timestamp isnull", R"({"field":"timestamp","op":"isnull","value":false})");
    row("timestamp contains (per call)", R"({"field":"timestamp","op":"contains","value":"T14"})", false);
    row("created_at gte", R"({"field":"created_at","op":"gte","value":"2000-01-01T00:00:00Z"})");
    row("timestamp range", R"([{"field":"timestamp","op":"gt","value":"2026-03-01T12:00:00Z"},)"
                           R"({"field":"timestamp","op":"lte","value":"2026-03-01T15:00:00Z"}])");
    row("agent eq", R"({"field":"agent","op":"eq","value":2})");
    row("agent eq text", R"({"field":"agent","op":"eq","value":"2"})");
    row("agent eq twice, differing", R"([{"field":"agent","op":"eq","value":2},{"field":"agent","op":"eq","value":3}])");
    row("agent neq", R"({"field":"agent","op":"neq","value":2})");
    row("agent gt", R"({"field":"agent","op":"gt","value":1})");
    row("agent in with null", R"({"field":"agent","op":"in","value":[1,"3",null]})");
    row("agent eq null", R"({"field":"agent","op":"eq","value":null})");
    row("agent neq null", R"({"field":"agent","op":"neq","value":null})");
    row("agent isnull", R"({"field":"agent","op":"isnull","value":true})");
    row("agent contains", R"({"field":"agent","op":"contains","value":"2"})");
    row("agent_id eq assistant", R"({"field":"agent_id","op":"eq","value":"asst_1"})");
    row("agent_id eq number", R"({"field":"agent_id","op":"eq","value":3})");
    row("id in", R"({"field":"id","op":"in","value":[1,3,5,99]})");
    row("id gt", R"({"field":"id","op":"gt","value":20})");
    row("id eq text", R"({"field":"id","op":"eq","value":"4"})");
    row("id neq", R"({"field":"id","op":"neq","value":4})");
    row("id startswith", R"({"field":"id","op":"startswith","value":"1"})");
    row("status eq", R"({"field":"status","op":"eq","value":"success"})");
    row("status neq", R"({"field":"status","op":"neq","value":"success"})");
    row("status in with null", R"({"field":"status","op":"in","value":["success","failure",null]})");
    row("status eq null", R"({"field":"status","op":"eq","value":null})");
    row("status isnull", R"({"field":"status","op":"isnull","value":true})");
    row("status gt", R"({"field":"status","op":"gt","value":"reviewed"})");
    row("status contains, other case", R"({"field":"status","op":"contains","value":"REVIEW"})");
    row("status startswith", R"({"field":"status","op":"startswith","value":"reviewed_"})");
    row("customer eq number-like text", R"({"field":"customer_number","op":"eq","value":"+15550100"})");
    row("customer eq number", R"({"field":"customer_number","op":"eq","value":15550100})");
    row("customer eq text", R"({"field":"customer_number","op":"eq","value":"555-0100"})");
    row("customer eq minutes", R"({"field":"customer_number","op":"eq","value":"1:30"})");
    row("customer neq number-like", R"({"field":"customer_number","op":"neq","value":"15550100"})");
    row("customer neq text", R"({"field":"customer_number","op":"neq","value":"abc"})");
    row("customer gt", R"({"field":"customer_number","op":"gt","value":"15550000"})");
    row("customer lt text", R"({"field":"customer_number","op":"lt","value":"abc"})");
    row("customer contains", R"({"field":"customer_number","op":"contains","value":"555"})");
    row("customer contains, case folded", R"({"field":"customer_number","op":"contains","value":"KK"})");
    row("customer startswith", R"({"field":"customer_number","op":"startswith","value":"+1"})");
    row("customer isnull", R"({"field":"customer_number","op":"isnull","value":true})");
    row("customer isnull false", R"({"field":"customer_number","op":"isnull","value":false})");
    row("customer in mixed", R"({"field":"customer_number","op":"in","value":["+15550100","abc",90,null,true]})");
    row("ended reason eq", R"({"field":"call_ended_reason","op":"eq","value":"customer-ended-call"})");
    row("ended reason eq number", R"({"field":"call_ended_reason","op":"eq","value":42})");
    row("ended reason contains", R"({"field":"call_ended_reason","op":"contains","value":"ENDED"})");
    row("ended reason startswith", R"({"field":"call_ended_reason","op":"startswith","value":"cust"})");
    row("ended reason isnull", R"({"field":"call_ended_reason","op":"isnull","value":false})");
    row("duration gt", R"({"field":"duration","op":"gt","value":60})");
    row("duration gte minutes", R"({"field":"duration","op":"gte","value":"01:00"})");
    row("duration eq", R"({"field":"duration","op":"eq","value":90})");
    row("duration eq minutes", R"({"field":"duration","op":"eq","value":"01:30"})");
    row("duration eq half second", R"({"field":"duration","op":"eq","value":1})");
    row("duration lt", R"({"field":"duration","op":"lt","value":1})");
    row("duration in", R"({"field":"duration","op":"in","value":[90,"00:30","abc",null,60]})");
    row("duration neq", R"({"field":"duration","op":"neq","value":60})");
    row("duration eq text", R"({"field":"duration","op":"eq","value":"abc"})");
    row("duration neq null", R"({"field":"duration","op":"neq","value":null})");
    row("duration isnull", R"({"field":"duration","op":"isnull","value":false})");
    row("duration gt text (per call)", R"({"field":"duration","op":"gt","value":"abc"})", false);
    row("call_id eq", R"({"field":"call_id","op":"eq","value":"c1"})");
    row("call_id in", R"({"field":"call_id","op":"in","value":["c1","c2","105"]})");
    row("call_id eq number", R"({"field":"call_id","op":"eq","value":105})");
    row("call_id startswith", R"({"field":"call_id","op":"startswith","value":"C1"})");
    row("topic eq, case matters", R"({"field":"topic","op":"eq","value":"billing"})");
    row("topic contains", R"({"field":"topic","op":"contains","value":"bill"})");
    row("trace_id isnull", R"({"field":"trace_id","op":"isnull","value":true})");
    row("trace_id eq empty", R"({"field":"trace_id","op":"eq","value":""})");
    row("or", R"({"operator":"or","conditions":[{"field":"status","op":"eq","value":"success"},)"
              R"({"field":"customer_number","op":"eq","value":"+15550100"}]})");
    row("and inside or", R"({"operator":"or","conditions":[{"field":"agent","op":"eq","value":1},)"
                         R"({"operator":"and","conditions":[{"field":"duration","op":"gte","value":60},)"
                         R"({"field":"status","op":"isnull","value":true}]}]})");
    row("empty or", R"({"operator":"or","conditions":[]})");
    row("empty and inside or", R"({"operator":"or","conditions":[{"operator":"and","conditions":[]}]})");
    row("metadata inside or (per call)", R"({"operator":"or","conditions":[{"field":"agent","op":"eq","value":1},)"
                                         R"({"field":"metadata.batch","op":"eq","value":2}]})", false);
    row("mixed with per-call part", R"([{"field":"agent","op":"eq","value":1},{"field":"success","op":"eq","value":true}])",
        false);
}

void TstCallLogFilter::sqlAgreesWithPerCallMatching()
{
    QFETCH(QString, filter);
    QFETCH(bool, inSql);
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
    QCOMPARE(exact, inSql);
    QList<qint64> actual;
    for (const CallLog &call : reader.list(narrowed)) {
        if (exact || parsed.matches(call.toDetailJson()))
            actual.append(call.id);
    }
    QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
    QCOMPARE(actual, expected);
    if (exact)
        QCOMPARE(reader.count(narrowed), qint64(expected.size()));
}

// Pages past the first are found by a seek, not read and dropped: page by page they are
// still the whole list, filtered or not.
void TstCallLogFilter::deepPagesAgreeWithTheWholeList()
{
    FieldErrors errors;
    const CallLogFilter filter = CallLogFilter::parse(
        QStringLiteral(R"({"operator":"or","conditions":[{"field":"agent","op":"eq","value":1},)"
                       R"({"field":"customer_number","op":"eq","value":"15550100"}]})"),
        &errors);
    QVERIFY(errors.isEmpty());
    CallReader reader(m_store->databasePath());
    for (const bool filtered : {false, true}) {
        CallQuery query;
        query.limit = 0;
        if (filtered)
            QVERIFY(filter.narrow(query));
        QList<qint64> whole;
        for (const CallLog &call : reader.list(query))
            whole.append(call.id);
        QVERIFY(whole.size() > 7);
        QList<qint64> paged;
        query.limit = 4;
        for (query.offset = 0; query.offset < whole.size() + 4; query.offset += 4) {
            for (const CallLog &call : reader.list(query))
                paged.append(call.id);
        }
        QCOMPARE(paged, whole);
    }
}

QTEST_GUILESS_MAIN(TstCallLogFilter)
#include "tst_calllogfilter.moc"
