#include "store/callreader.h"
#include "store/callstore.h"
#include "storetestdata.h"

#include "calllog/calllogjsonwriter.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using StoreTestData::call;

class TstCallReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void missingDatabaseIsNotOpen();
    void list_data();
    void list();
    void ordersNewestFirstWithIdTieBreak();
    void offsetAndKeysetPagesAgree();
    void listWithDetails();
    void callByCallId();
    void callsByIdsReadWholeCalls();
    void searchTextCannotBreakMatchSyntax_data();
    void searchTextCannotBreakMatchSyntax();
    void readsWhileWriterWrites();

private:
    static QDateTime at(int day, int hour = 12) { return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
    QHash<QString, qint64> m_ids;   // call_id -> database id
};

// A fixed set of calls that the filter table below selects from.
void TstCallReader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("reader.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));

    struct Row { const char *callId; qint64 agent; const char *assistant; int day; std::optional<ReviewStatus> status; const char *words; };
    const Row rows[] = {
        {"a1", 1, "", 1, ReviewStatus::Success, "refund my order please"},
        {"a2", 1, "", 2, ReviewStatus::Failure, "cancel the appointment"},
        {"a3", 2, "", 3, ReviewStatus::ReviewedFailure, "refund on friday"},
        {"b1", 0, "asst_x", 4, std::nullopt, "where is my parcel"},
        {"b2", 0, "asst_x", 5, ReviewStatus::Success, "friday works"},
        {"c1", 3, "asst_y", 6, ReviewStatus::Failure, "don't call me again"},
    };
    for (const Row &row : rows) {
        CallLog c = call(QString::fromLatin1(row.callId), row.agent, QString::fromLatin1(row.words));
        if (row.agent == 0)
            c.agent.reset();
        c.assistantId = QString::fromLatin1(row.assistant);
        c.timestamp = at(row.day);
        c.status = row.status;
        const UpsertOutcome outcome = m_store->upsert(c).result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        m_ids.insert(c.callId, outcome.id);
    }
}

void TstCallReader::cleanupTestCase()
{
    m_store.reset();
}

void TstCallReader::missingDatabaseIsNotOpen()
{
    CallReader reader(m_dir.filePath(QStringLiteral("nope.db")));
    QVERIFY(!reader.isOpen());
    QVERIFY(!reader.lastError().isEmpty());
    QVERIFY(reader.list(CallQuery()).isEmpty());
    QCOMPARE(reader.count(CallQuery()), -1);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nope.db"))));
}

void TstCallReader::list_data()
{
    QTest::addColumn<CallQuery>("query");
    QTest::addColumn<QStringList>("expected");   // call_ids, newest first

    auto query = [](auto &&set) {
        CallQuery q;
        set(q);
        return q;
    };
    QTest::newRow("all") << CallQuery() << QStringList{"c1", "b2", "b1", "a3", "a2", "a1"};
    QTest::newRow("status") << query([](CallQuery &q) { q.status = ReviewStatus::Success; })
                            << QStringList{"b2", "a1"};
    QTest::newRow("agent key") << query([](CallQuery &q) { q.agentKey = AgentKey::ofAgent(1); })
                               << QStringList{"a2", "a1"};
    QTest::newRow("assistant key") << query([](CallQuery &q) { q.agentKey = AgentKey::ofAssistant(QStringLiteral("asst_x")); })
                                   << QStringList{"b2", "b1"};
    QTest::newRow("agent key from id text") << query([](CallQuery &q) { q.agentKey = AgentKey::fromId(QStringLiteral("001")); })
                                            << QStringList{"a2", "a1"};
    QTest::newRow("agent text: id") << query([](CallQuery &q) { q.agent = QStringLiteral("2"); }) << QStringList{"a3"};
    QTest::newRow("agent text: assistant") << query([](CallQuery &q) { q.agent = QStringLiteral("asst_y"); })
                                           << QStringList{"c1"};
    QTest::newRow("search one word") << query([](CallQuery &q) { q.search = QStringLiteral("refund"); })
                                     << QStringList{"a3", "a1"};
    QTest::newRow("search all words") << query([](CallQuery &q) { q.search = QStringLiteral("Refund FRIDAY"); })
                                      << QStringList{"a3"};
    QTest::newRow("search no match") << query([](CallQuery &q) { q.search = QStringLiteral("zeppelin"); })
                                     << QStringList{};
    QTest::newRow("search apostrophe") << query([](CallQuery &q) { q.search = QStringLiteral("don't"); })
                                       << QStringList{"c1"};
    QTest::newRow("from") << query([](CallQuery &q) { q.timestampFrom = at(5); }) << QStringList{"c1", "b2"};
    QTest::newRow("to") << query([](CallQuery &q) { q.timestampTo = at(2); }) << QStringList{"a2", "a1"};
    QTest::newRow("range") << query([](CallQuery &q) { q.timestampFrom = at(2, 0); q.timestampTo = at(4, 0); })
                           << QStringList{"a3", "a2"};
    QTest::newRow("call ids") << query([](CallQuery &q) { q.callIds = {QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("zz")}; })
                              << QStringList{"b1", "a1"};
    QTest::newRow("combined") << query([](CallQuery &q) { q.search = QStringLiteral("friday"); q.status = ReviewStatus::Success; })
                              << QStringList{"b2"};
    QTest::newRow("limit") << query([](CallQuery &q) { q.limit = 2; }) << QStringList{"c1", "b2"};
    QTest::newRow("offset") << query([](CallQuery &q) { q.limit = 2; q.offset = 2; }) << QStringList{"b1", "a3"};
    QTest::newRow("no limit") << query([](CallQuery &q) { q.limit = 0; q.offset = 4; }) << QStringList{"a2", "a1"};
}

void TstCallReader::list()
{
    QFETCH(CallQuery, query);
    QFETCH(QStringList, expected);

    CallReader reader(m_path);
    QStringList callIds;
    for (const CallLog &c : reader.list(query)) {
        callIds.append(c.callId);
        QVERIFY(c.turns.isEmpty());
    }
    QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
    QCOMPARE(callIds, expected);
    if (query.limit == 100 && query.offset == 0)
        QCOMPARE(reader.count(query), qint64(expected.size()));
}

void TstCallReader::ordersNewestFirstWithIdTieBreak()
{
    CallLog first = call(QStringLiteral("tie1"), 9);
    first.timestamp = at(20);
    CallLog second = call(QStringLiteral("tie2"), 9);
    second.timestamp = at(20);
    const qint64 firstId = m_store->upsert(first).result().id;
    const qint64 secondId = m_store->upsert(second).result().id;

    CallReader reader(m_path);
    CallQuery query;
    query.agentKey = AgentKey::ofAgent(9);
    const QList<CallLog> calls = reader.list(query);
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].id, secondId);
    QCOMPARE(calls[1].id, firstId);
    m_store->remove(firstId).waitForFinished();
    m_store->remove(secondId).waitForFinished();
}

void TstCallReader::offsetAndKeysetPagesAgree()
{
    CallReader reader(m_path);
    CallQuery byOffset;
    byOffset.limit = 4;
    CallQuery byKey = byOffset;
    QList<qint64> offsetIds;
    QList<qint64> keysetIds;
    for (int page = 0; page < 3; ++page) {
        byOffset.offset = page * byOffset.limit;
        for (const CallLog &c : reader.list(byOffset))
            offsetIds.append(c.id);
        const QList<CallLog> calls = reader.list(byKey);
        for (const CallLog &c : calls)
            keysetIds.append(c.id);
        if (!calls.isEmpty()) {
            byKey.afterTimestamp = calls.last().timestamp;
            byKey.afterId = calls.last().id;
        }
    }
    QCOMPARE(offsetIds.size(), 6);
    QCOMPARE(keysetIds, offsetIds);
}

void TstCallReader::listWithDetails()
{
    CallReader reader(m_path);
    CallQuery query;
    query.callIds = {QStringLiteral("a1"), QStringLiteral("a2")};
    query.withDetails = true;
    const QList<CallLog> calls = reader.list(query);
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].callId, QStringLiteral("a2"));
    QCOMPARE(calls[0].turns.size(), 3);
    QCOMPARE(calls[0].turns[1].content, QStringLiteral("cancel the appointment"));
    QCOMPARE(calls[1].turns[1].content, QStringLiteral("refund my order please"));
    QCOMPARE(calls[1].turns[2].data.value(QStringLiteral("name")).toString(), QStringLiteral("reschedule"));
}

void TstCallReader::callByCallId()
{
    CallReader reader(m_path);
    QCOMPARE(reader.callByCallId(QStringLiteral("b1"))->id, m_ids.value(QStringLiteral("b1")));
    QCOMPARE(reader.callByCallId(QStringLiteral("b1"), QStringLiteral("assistant:asst_x"))->id, m_ids.value(QStringLiteral("b1")));
    QVERIFY(!reader.callByCallId(QStringLiteral("b1"), QStringLiteral("agent:1")));
    QVERIFY(!reader.callByCallId(QStringLiteral("nope")));
    QCOMPARE(reader.callByCallId(QStringLiteral("a1"))->turns.size(), 3);
}

// evaluate/rerun read their listed calls in one batch: the same whole calls (turns,
// metric results, review history) that callById() reads one at a time.
void TstCallReader::callsByIdsReadWholeCalls()
{
    ReviewChange change;
    change.callDbId = m_ids.value(QStringLiteral("a2"));
    change.status = ReviewStatus::ReviewedSuccess;
    change.feedback = QStringLiteral("fine after all");
    change.source = QStringLiteral("test");
    QVERIFY(m_store->review(change).result().applied());

    CallReader reader(m_path);
    QList<qint64> ids{m_ids.value(QStringLiteral("c1")), 999999, m_ids.value(QStringLiteral("a2")),
                      m_ids.value(QStringLiteral("a1")), m_ids.value(QStringLiteral("c1"))};
    const QList<CallLog> calls = reader.callsByIds(ids);
    QList<qint64> expectedIds{m_ids.value(QStringLiteral("a1")), m_ids.value(QStringLiteral("a2")),
                              m_ids.value(QStringLiteral("c1"))};
    std::sort(expectedIds.begin(), expectedIds.end());
    QList<qint64> actualIds;
    for (const CallLog &call : calls) {
        actualIds.append(call.id);
        QCOMPARE(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Detail),
                 CallLogJsonWriter::write(*reader.callById(call.id), CallLogJsonWriter::Shape::Detail));
    }
    QCOMPARE(actualIds, expectedIds);
    QCOMPARE(calls[1].reviewHistory.size(), 2);   // status and feedback
    QVERIFY(reader.callsByIds({}).isEmpty());
}

void TstCallReader::searchTextCannotBreakMatchSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("quote") << QStringLiteral("\"refund") << 2;
    QTest::newRow("operators") << QStringLiteral("refund OR") << 0;
    QTest::newRow("NEAR") << QStringLiteral("NEAR(refund friday)") << 0;
    QTest::newRow("column filter") << QStringLiteral("content:refund") << 0;
    QTest::newRow("brackets") << QStringLiteral("(refund") << 2;
    QTest::newRow("star") << QStringLiteral("*") << 0;
    QTest::newRow("caret") << QStringLiteral("^refund") << 2;
    QTest::newRow("minus") << QStringLiteral("-refund") << 2;
    QTest::newRow("only punctuation") << QStringLiteral("?!") << 0;
}

// Whatever a user types, the query runs (no FTS5 syntax error) and the words match as words.
void TstCallReader::searchTextCannotBreakMatchSyntax()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    CallReader reader(m_path);
    CallQuery query;
    query.search = text;
    reader.list(query);
    QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
    QCOMPARE(reader.count(query), count);
}

// WAL readers see committed states only: counts never go backwards and never fail.
void TstCallReader::readsWhileWriterWrites()
{
    CallQuery all;
    CallReader reader(m_path);
    const qint64 before = reader.count(all);
    constexpr int Count = 1500;
    std::atomic<bool> done{false};
    std::unique_ptr<QThread> writer(QThread::create([&] {
        QList<QFuture<UpsertOutcome>> futures;
        for (int i = 0; i < Count; ++i) {
            futures.append(m_store->upsert(call(QStringLiteral("w%1").arg(i), 50)));
            if (i % 100 == 0)
                futures.last().waitForFinished();
        }
        m_store->flush();
        done = true;
    }));
    writer->start();

    qint64 last = before;
    int reads = 0;
    CallQuery recent;
    recent.agentKey = AgentKey::ofAgent(50);
    recent.limit = 20;
    while (!done) {
        const qint64 now = reader.count(all);
        QVERIFY2(now >= last, qPrintable(QStringLiteral("%1 after %2").arg(now).arg(last)));
        last = now;
        reader.list(recent);
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        ++reads;
    }
    QVERIFY(writer->wait(60000));
    QCOMPARE(reader.count(all), before + Count);
    QVERIFY(reads > 1);
    qInfo() << reads << "reads during the writes";
}

QTEST_GUILESS_MAIN(TstCallReader)
#include "tst_callreader.moc"
