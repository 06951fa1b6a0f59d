#include "metrics/metricdefinition.h"
#include "store/calllistsql.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/ftsquery.h"
#include "store/sqliteconnection.h"
#include "metrictestdata.h"
#include "storetestdata.h"

#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// The call list's sorts, filters, facets and keyset paging in SQL (CallListSql through
// CallReader), checked against the same order and filters computed here in C++ over a
// set of calls with tied and missing keys.
class TstCallListSql : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void keysetPagesFollowTheSort_data();
    void keysetPagesFollowTheSort();
    void filters_data();
    void filters();
    void facetsLeaveTheirOwnFilterOut();
    void rowOfIsThePositionInTheList();
    void bothSearchPlansFindTheSameCalls();
    void everySortWalksAnIndex();
    void failedMetricsFilterWalksItsIndex();
    void turnMatchFunctionAnswersAsFts5();
    void interruptStopsTheRunningQuery();

private:
    QList<CallLog> all(const CallQuery &query) const;
    static QStringList callIds(const QList<CallLog> &calls);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
    QList<CallLog> m_calls;   // as stored, with their database ids
};

namespace {

const QList<CallSortField> AllFields{CallSortField::Time,     CallSortField::Agent,       CallSortField::CallId,
                                     CallSortField::Duration, CallSortField::Status,      CallSortField::Reviewed,
                                     CallSortField::EndedReason, CallSortField::Customer, CallSortField::Labels,
                                     CallSortField::FailedMetrics};

// The plan SQLite picks for a page of `query` (one keyset segment), steps joined by " | ".
QString pagePlan(const QSqlDatabase &database, const CallQuery &query, const CallListSql::Segment &segment, QString *sql)
{
    QVariantList values;
    QStringList terms{segment.term, CallListSql::where(query, &values, CallListSql::SearchPlan::PerCall)};
    terms.removeAll(QString());
    *sql = QStringLiteral("EXPLAIN QUERY PLAN SELECT c.id FROM calls c%1%2 LIMIT 200")
               .arg(terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND ")),
                    CallListSql::orderBy(query.sort));
    QSqlQuery plan(database);
    if (!plan.prepare(*sql))
        return {};
    for (const QVariant &value : values + segment.values)
        plan.addBindValue(value);
    if (!plan.exec())
        return {};
    QStringList steps;
    while (plan.next())
        steps.append(plan.value(3).toString());
    return steps.join(QStringLiteral(" | "));
}

// SQLite's order of two keys: NULL first, numbers by value, text by its bytes.
int compareKeys(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return int(b.isNull()) - int(a.isNull()) == 0 ? 0 : (a.isNull() ? -1 : 1);
    if (a.typeId() != QMetaType::QString && b.typeId() != QMetaType::QString)
        return a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0;
    const QByteArray left = a.toString().toUtf8(), right = b.toString().toUtf8();
    return left < right ? -1 : left > right ? 1 : 0;
}

bool before(const CallLog &a, const CallLog &b, const CallSort &sort)
{
    int order = sort.field == CallSortField::Time ? 0
                                                  : compareKeys(CallListSql::sortKey(sort.field, a),
                                                                CallListSql::sortKey(sort.field, b));
    if (order == 0)
        order = a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
    if (order == 0)
        order = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return sort.descending ? order > 0 : order < 0;
}

} // namespace

void TstCallListSql::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("list.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));

    const std::optional<ReviewStatus> statuses[] = {std::nullopt, ReviewStatus::Success, ReviewStatus::Failure,
                                                    ReviewStatus::ReviewedSuccess, ReviewStatus::ReviewedFailure};
    for (int i = 0; i < 24; ++i) {
        CallLog c = StoreTestData::call(QStringLiteral("k%1").arg(i * 7 % 24, 2, 10, QLatin1Char('0')), 1 + i % 3,
                                        i % 3 == 0 ? QStringLiteral("refund please") : QStringLiteral("hello there"));
        if (i % 4 == 3) {
            c.agent.reset();
            c.assistantId = QStringLiteral("asst_%1").arg(i % 2);
        }
        c.timestamp = QDateTime(QDate(2026, 3, 1 + i / 2), QTime(12, 0), Qt::UTC);   // pairs tie
        c.status = statuses[i % 5];
        c.durationSeconds = (i * 13 % 7) * 10.0;
        c.callEndedReason = i % 3 == 0 ? QString() : i % 3 == 1 ? QStringLiteral("customer-ended-call")
                                                                : QStringLiteral("assistant-ended-call");
        c.customerNumber = i % 4 == 0 ? QString() : QStringLiteral("+1555%1").arg(i * 5 % 11, 3, 10, QLatin1Char('0'));
        c.voiceRecordingUrl = i % 2 == 0 ? QStringLiteral("https://example.com/%1.wav").arg(i) : QString();
        // Every fifth call labelled, once or twice: ties and zeros for the Labels sort.
        if (i % 5 == 2) {
            QList<TurnLabel> labels{{0, QStringLiteral("good"), {}, {}}};
            if (i % 2 == 0)
                labels.append({0, QStringLiteral("slow response"), QStringLiteral("4 s"), {}});
            c.annotations = labels;
            c.labelCount = int(labels.size());
        }
        const UpsertOutcome outcome = m_store->upsert(c).result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        c.id = outcome.id;
        m_calls.append(c);
    }

    // Failed metrics: one on every fourth call, two on every eighth (ties and zeros for
    // the FailedMetrics sort); a passed result does not count. A call without a status
    // gets the metrics' verdict.
    MetricDefinition first;
    first.key = QStringLiteral("says_refund");
    first.name = QStringLiteral("Says refund");
    first.config = {{QStringLiteral("kind"), QStringLiteral("phrase")}, {QStringLiteral("pattern"), QStringLiteral("refund")}};
    MetricDefinition second = first;
    second.key = QStringLiteral("says_thanks");
    second.name = QStringLiteral("Says thanks");
    for (MetricDefinition *metric : {&first, &second}) {
        const MetricSaveOutcome saved = m_store->saveMetric(*metric).result();
        QVERIFY(saved.errors.isEmpty());
        metric->id = saved.id;
        metric->version = saved.version;
    }
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        QList<MetricResult> results;
        if (i % 4 == 2)
            results.append(MetricTestData::binaryResult(first, false));
        if (i % 8 == 2)
            results.append(MetricTestData::binaryResult(second, false));
        if (i % 4 == 0)
            results.append(MetricTestData::binaryResult(first, true));
        if (!results.isEmpty())
            QVERIFY(m_store->storeMetricResults(m_calls[i].id, results).result());
    }
    // As stored: the counts the writer kept, and any status the metrics decided.
    QHash<qint64, CallLog> stored;
    for (const CallLog &call : all(CallQuery()))
        stored.insert(call.id, call);
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        CallLog &call = m_calls[i];
        call.failedMetricCount = stored.value(call.id).failedMetricCount;
        call.status = stored.value(call.id).status;
        QCOMPARE(call.failedMetricCount, i % 8 == 2 ? 2 : i % 4 == 2 ? 1 : 0);
    }
}

void TstCallListSql::cleanupTestCase()
{
    m_store.reset();
}

QList<CallLog> TstCallListSql::all(const CallQuery &query) const
{
    CallQuery everything = query;
    everything.limit = 0;
    return CallReader(m_path).list(everything);
}

QStringList TstCallListSql::callIds(const QList<CallLog> &calls)
{
    QStringList ids;
    for (const CallLog &call : calls)
        ids.append(call.callId);
    return ids;
}

void TstCallListSql::keysetPagesFollowTheSort_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<bool>("descending");
    for (CallSortField field : AllFields) {
        for (bool descending : {false, true}) {
            QTest::addRow("field %d %s", int(field), descending ? "desc" : "asc") << int(field) << descending;
        }
    }
}

// Page after page by keyset (and by offset) reads every call once, in the order the
// sort defines, NULL keys and ties included.
void TstCallListSql::keysetPagesFollowTheSort()
{
    QFETCH(int, field);
    QFETCH(bool, descending);
    const CallSort sort{CallSortField(field), descending};
    QList<CallLog> expected = m_calls;
    std::sort(expected.begin(), expected.end(), [&](const CallLog &a, const CallLog &b) { return before(a, b, sort); });

    CallReader reader(m_path);
    CallQuery query;
    query.sort = sort;
    QCOMPARE(callIds(all(query)), callIds(expected));

    query.limit = 5;
    QList<CallLog> paged;
    for (;;) {
        const QList<CallLog> page = reader.list(query);
        QVERIFY(reader.failureCount() == 0);
        paged += page;
        if (page.size() < query.limit)
            break;
        query.afterKey = CallListSql::sortKey(sort.field, page.last());
        query.afterTimestamp = page.last().timestamp;
        query.afterId = page.last().id;
    }
    QCOMPARE(callIds(paged), callIds(expected));

    CallQuery byOffset;
    byOffset.sort = sort;
    byOffset.limit = 5;
    QList<CallLog> offsetPaged;
    for (byOffset.offset = 0; byOffset.offset < expected.size(); byOffset.offset += byOffset.limit)
        offsetPaged += reader.list(byOffset);
    QCOMPARE(callIds(offsetPaged), callIds(expected));
}

void TstCallListSql::filters_data()
{
    QTest::addColumn<CallQuery>("query");
    QTest::addColumn<std::function<bool(const CallLog &)>>("expected");
    const auto reviewed = [](const CallLog &c) {
        return c.status == ReviewStatus::ReviewedSuccess || c.status == ReviewStatus::ReviewedFailure;
    };
    CallQuery q;
    q.reviewed = true;
    QTest::newRow("reviewed") << q << std::function<bool(const CallLog &)>(reviewed);
    q = {};
    q.reviewed = false;
    QTest::newRow("unreviewed") << q << std::function<bool(const CallLog &)>([=](const CallLog &c) { return !reviewed(c); });
    q = {};
    q.agentKeys = {QStringLiteral("agent:2"), QStringLiteral("assistant:asst_1")};
    QTest::newRow("agents") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.agentKey() == QLatin1String("agent:2") || c.agentKey() == QLatin1String("assistant:asst_1");
    });
    q = {};
    q.endedReasons = {QString(), QStringLiteral("assistant-ended-call")};
    QTest::newRow("ended reasons, none among them") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.callEndedReason.isEmpty() || c.callEndedReason == QLatin1String("assistant-ended-call");
    });
    q = {};
    q.minDuration = 20;
    q.maxDuration = 40;
    QTest::newRow("duration range") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.durationSeconds >= 20 && c.durationSeconds <= 40;
    });
    q = {};
    q.hasRecording = true;
    QTest::newRow("with recording") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return !c.voiceRecordingUrl.isEmpty();
    });
    q = {};
    q.hasLabels = true;
    q.sort = {CallSortField::Labels, true};
    QTest::newRow("with labels, most first") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.labelCount > 0;
    });
    q = {};
    q.hasLabels = false;
    q.hasRecording = true;
    QTest::newRow("without labels, with recording") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.labelCount == 0 && !c.voiceRecordingUrl.isEmpty();
    });
    q = {};
    q.hasFailedMetrics = true;
    q.sort = {CallSortField::FailedMetrics, true};
    QTest::newRow("with failed metrics, most first") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.failedMetricCount > 0;
    });
    q = {};
    q.hasFailedMetrics = false;
    q.hasLabels = true;
    q.sort = {CallSortField::FailedMetrics, false};
    QTest::newRow("without failed metrics, with labels") << q << std::function<bool(const CallLog &)>([](const CallLog &c) {
        return c.failedMetricCount == 0 && c.labelCount > 0;
    });
    q = {};
    q.hasFailedMetrics = true;
    q.reviewed = false;
    q.search = QStringLiteral("refund");
    q.sort = {CallSortField::Duration, false};
    QTest::newRow("with failed metrics, unreviewed, searched, by duration") << q << std::function<bool(const CallLog &)>([=](const CallLog &c) {
        return c.failedMetricCount > 0 && !reviewed(c) && c.turns.value(1).content.contains(QLatin1String("refund"));
    });
    q = {};
    q.hasRecording = false;
    q.reviewed = false;
    q.sort = {CallSortField::Customer, false};
    QTest::newRow("without recording, unreviewed, by customer") << q << std::function<bool(const CallLog &)>([=](const CallLog &c) {
        return c.voiceRecordingUrl.isEmpty() && !reviewed(c);
    });
}

void TstCallListSql::filters()
{
    QFETCH(CallQuery, query);
    QFETCH(std::function<bool(const CallLog &)>, expected);
    QList<CallLog> matching;
    for (const CallLog &call : m_calls) {
        if (expected(call))
            matching.append(call);
    }
    std::sort(matching.begin(), matching.end(), [&](const CallLog &a, const CallLog &b) { return before(a, b, query.sort); });
    QVERIFY(!matching.isEmpty());
    QVERIFY(matching.size() < m_calls.size());
    QCOMPARE(callIds(all(query)), callIds(matching));
    QCOMPARE(CallReader(m_path).count(query), matching.size());
}

void TstCallListSql::facetsLeaveTheirOwnFilterOut()
{
    // Without and with the failed-metrics filter, which the facets count within.
    for (const std::optional<bool> failed : {std::optional<bool>(), std::optional<bool>(true), std::optional<bool>(false)}) {
        CallQuery query;
        query.agentKeys = {QStringLiteral("agent:1")};
        query.endedReasons = {QStringLiteral("customer-ended-call")};
        query.hasFailedMetrics = failed;
        QHash<QString, qint64> agents, reasons;
        for (const CallLog &call : m_calls) {
            if (failed && (call.failedMetricCount > 0) != *failed)
                continue;
            if (call.callEndedReason == QLatin1String("customer-ended-call"))
                ++agents[call.agentKey()];
            if (call.agentKey() == QLatin1String("agent:1"))
                ++reasons[call.callEndedReason];
        }
        QVERIFY(!agents.isEmpty() && !reasons.isEmpty());
        CallReader reader(m_path);
        const QList<FacetCount> agentCounts = reader.agentCounts(query);
        QCOMPARE(agentCounts.size(), agents.size());
        for (const FacetCount &facet : agentCounts) {
            QCOMPARE(facet.count, agents.value(facet.key));
            QVERIFY(!facet.displayName.isEmpty());
        }
        for (qsizetype i = 1; i < agentCounts.size(); ++i)
            QVERIFY(agentCounts[i - 1].count >= agentCounts[i].count);
        const QList<FacetCount> reasonCounts = reader.endedReasonCounts(query);
        QCOMPARE(reasonCounts.size(), reasons.size());
        for (const FacetCount &facet : reasonCounts)
            QCOMPARE(facet.count, reasons.value(facet.key));
        QCOMPARE(reader.failureCount(), 0u);
    }
}

void TstCallListSql::rowOfIsThePositionInTheList()
{
    CallReader reader(m_path);
    for (const CallSort sort : {CallSort{}, CallSort{CallSortField::EndedReason, true}, CallSort{CallSortField::Status, false},
                                CallSort{CallSortField::FailedMetrics, true}}) {
        CallQuery query;
        query.sort = sort;
        query.hasRecording = true;
        const QList<CallLog> list = all(query);
        for (qsizetype row = 0; row < list.size(); ++row)
            QCOMPARE(reader.rowOf(query, list[row]), row);
    }
}

// The per-call plan (common words) and the materialising one (rare words) answer alike.
void TstCallListSql::bothSearchPlansFindTheSameCalls()
{
    SqliteConnection connection(m_path, QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QVERIFY(connection.isOpen());
    for (const CallSort sort : {CallSort{}, CallSort{CallSortField::Duration, false}}) {
        CallQuery query;
        query.sort = sort;
        query.search = QStringLiteral("refund");
        QList<QStringList> answers;
        for (CallListSql::SearchPlan plan : {CallListSql::SearchPlan::Materialise, CallListSql::SearchPlan::PerCall}) {
            QVariantList values;
            const QString where = CallListSql::where(query, &values, plan);
            QSqlQuery sql(connection.database());
            QVERIFY(sql.prepare(QStringLiteral("SELECT c.call_id FROM calls c WHERE ") + where + CallListSql::orderBy(sort)));
            for (const QVariant &value : values)
                sql.addBindValue(value);
            QVERIFY(sql.exec());
            QStringList ids;
            while (sql.next())
                ids.append(sql.value(0).toString());
            answers.append(ids);
        }
        QCOMPARE(answers[0].size(), 8);
        QCOMPARE(answers[1], answers[0]);
        QCOMPARE(callIds(all(query)), answers[0]);
    }
}

// Each sort reads its index in order, on the first page and after a keyset row (of
// either kind for the nullable keys), also with the per-call search: the plan has no
// temporary B-tree for the ORDER BY.
void TstCallListSql::everySortWalksAnIndex()
{
    SqliteConnection connection(m_path, QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QVERIFY(connection.isOpen());
    for (CallSortField field : AllFields) {
        for (bool descending : {false, true}) {
            for (const QVariant &afterKey : {QVariant(), QVariant(QStringLiteral("m"))}) {
                for (const QString &search : {QString(), QStringLiteral("refund")}) {
                    CallQuery query;
                    query.sort = {field, descending};
                    query.search = search;
                    query.afterId = 3;
                    query.afterTimestamp = QDateTime::currentDateTimeUtc();
                    query.afterKey = afterKey;
                    QVariantList values;
                    const QString filters = CallListSql::where(query, &values, CallListSql::SearchPlan::PerCall);
                    for (const CallListSql::Segment &segment : CallListSql::keysetSegments(query)) {
                        QStringList terms{segment.term};
                        if (!filters.isEmpty())
                            terms << filters;
                        terms.removeAll(QString());
                        QSqlQuery plan(connection.database());
                        const QString sql = QStringLiteral("EXPLAIN QUERY PLAN SELECT c.id FROM calls c%1%2 LIMIT 200")
                                                .arg(terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND ")),
                                                     CallListSql::orderBy(query.sort));
                        QVERIFY2(plan.prepare(sql), qPrintable(sql));
                        for (const QVariant &value : values + segment.values)
                            plan.addBindValue(value);
                        QVERIFY2(plan.exec(), qPrintable(sql));
                        QStringList steps;
                        while (plan.next())
                            steps.append(plan.value(3).toString());
                        const QString text = steps.join(QStringLiteral(" | "));
                        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(sql + QStringLiteral("\n  ") + text));
                        QVERIFY2(text.contains(QLatin1String("USING INDEX")) || text.contains(QLatin1String("COVERING INDEX")),
                                 qPrintable(sql + QStringLiteral("\n  ") + text));
                        if (field == CallSortField::FailedMetrics)
                            QVERIFY2(text.contains(QLatin1String("calls_failed_metrics")), qPrintable(sql + QStringLiteral("\n  ") + text));
                    }
                }
            }
        }
    }
}

// "Has failed metrics" (and its "no"), sorted by the failed count, is one range of
// calls_failed_metrics read in order: no temporary B-tree, on the first page and after a
// keyset row, also with the per-call search.
void TstCallListSql::failedMetricsFilterWalksItsIndex()
{
    SqliteConnection connection(m_path, QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QVERIFY(connection.isOpen());
    for (bool failed : {true, false}) {
        for (bool descending : {false, true}) {
            for (qint64 afterId : {0, 3}) {
                for (const QString &search : {QString(), QStringLiteral("refund")}) {
                    CallQuery query;
                    query.hasFailedMetrics = failed;
                    query.sort = {CallSortField::FailedMetrics, descending};
                    query.search = search;
                    query.afterId = afterId;
                    query.afterTimestamp = QDateTime::currentDateTimeUtc();
                    query.afterKey = 1;
                    for (const CallListSql::Segment &segment : CallListSql::keysetSegments(query)) {
                        QString sql;
                        const QString text = pagePlan(connection.database(), query, segment, &sql);
                        QVERIFY2(!text.isEmpty(), qPrintable(sql));
                        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(sql + QStringLiteral("\n  ") + text));
                        QVERIFY2(text.contains(QLatin1String("calls_failed_metrics")), qPrintable(sql + QStringLiteral("\n  ") + text));
                    }
                }
            }
        }
    }
}

// The per-call plan's test of a turn (callscope_turn_matches) selects exactly the turns
// turns_fts MATCH does: case, diacritics, punctuation inside words, several words.
void TstCallListSql::turnMatchFunctionAnswersAsFts5()
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("words.db"));
    {
        std::unique_ptr<CallStore> store = CallStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        const QStringList contents{
            QStringLiteral("Caf\u00e9 au lait on Friday's flight"), QStringLiteral("FRIDAY is fine, cafe closed"),
            QStringLiteral("friday s refund"), QStringLiteral("Refund: friday's order, na\u00efve question"),
            QStringLiteral("\u00dcber-fast refunds"), QStringLiteral("escalation; escalate; escalations"),
            QStringLiteral("x-ray 42 O'Brien"), QString()};
        for (qsizetype i = 0; i < contents.size(); ++i) {
            CallLog c = StoreTestData::call(QStringLiteral("w%1").arg(i), 1, contents[i]);
            QVERIFY(store->upsert(c).result().ok());
        }
    }
    SqliteConnection connection(path, QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QVERIFY(connection.isOpen());
    const auto turns = [&](const QString &sql, const QString &match) {
        QSqlQuery query(connection.database());
        query.prepare(sql);
        query.addBindValue(match);
        query.exec();
        QList<qint64> ids;
        while (query.next())
            ids.append(query.value(0).toLongLong());
        return ids;
    };
    int matched = 0;
    for (const char *typed : {"cafe", "CAF\u00c9", "friday's", "friday s", "refund friday", "friday's refund", "naive",
                              "uber", "\u00fcber-fast", "escalation", "escalat", "o'brien", "x-ray 42", "Pine dental",
                              "street pine", "help"}) {
        const QString match = FtsQuery::matchExpression(QString::fromUtf8(typed));
        const QList<qint64> fts = turns(QStringLiteral("SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rowid"), match);
        const QList<qint64> ours = turns(QStringLiteral("SELECT id FROM turns WHERE callscope_turn_matches(content, ?) ORDER BY id"), match);
        QVERIFY2(ours == fts, typed);
        matched += fts.isEmpty() ? 0 : 1;
    }
    QVERIFY(matched >= 12);
}

// A superseded count is stopped (CallPageLoader): interrupt() from another thread ends
// the statement running on the connection, and the connection works on afterwards.
void TstCallListSql::interruptStopsTheRunningQuery()
{
    QSemaphore started;
    std::atomic<SqliteConnection *> running = nullptr;
    QString error;
    bool workedAfter = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        SqliteConnection connection(m_path, QStringLiteral("interrupted"), SqliteConnection::Mode::ReadOnly);
        running = &connection;
        started.release();
        QSqlQuery endless(connection.database());
        // Counts to 10^11: hours, unless stopped.
        const bool ok = endless.exec(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                                                    "WHERE x < 100000000000) SELECT count(*) FROM n"))
                        && endless.next();
        error = ok ? QString() : endless.lastError().text();
        running = nullptr;
        endless.finish();
        QSqlQuery after(connection.database());
        workedAfter = after.exec(QStringLiteral("SELECT count(*) FROM calls")) && after.next() && after.value(0).toInt() == 24;
    }));
    worker->start();
    started.acquire();
    QTest::qWait(100);
    if (SqliteConnection *connection = running)
        connection->interrupt();
    QVERIFY(worker->wait(10000));
    QVERIFY2(error.contains(QLatin1String("interrupt")), qPrintable(error));
    QVERIFY(workedAfter);
}

QTEST_GUILESS_MAIN(TstCallListSql)
#include "tst_calllistsql.moc"
