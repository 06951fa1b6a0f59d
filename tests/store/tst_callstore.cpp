#include "store/callreader.h"
#include "store/callstore.h"
#include "store/sqliteconnection.h"
#include "storetestdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <set>

using StoreTestData::call;

namespace {

// The two speech turns of StoreTestData::call() with words; times that binary floating
// point does not hold exactly, and text that JSON must escape.
CallLog callWithWords(const QString &callId)
{
    CallLog timed = call(callId);
    timed.turns[0].words = {{QStringLiteral("Pine"), 0.4, 0.7}, {QStringLiteral("Street"), 0.7, 1.0 / 3.0 + 0.8},
                            {QStringLiteral("\"Dental\",\\ \u00e9\u263a"), 1.2, 2.9}};
    timed.turns[1].words = {{QStringLiteral("zanzibar"), 3.6, 5.8}};
    return timed;
}

ReviewChange reviewChange(qint64 callDbId, std::optional<ReviewStatus> status, std::optional<QString> feedback,
                          const QString &source)
{
    ReviewChange change;
    change.callDbId = callDbId;
    change.status = status;
    change.feedback = feedback;
    change.source = source;
    return change;
}

} // namespace

class TstCallStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPathIsInAppData();
    void upsertCreatesThenUpdatesInPlace();
    void roundTripKeepsEveryField();
    void identicalRepostChangesNothing();
    void wordsRoundTrip();
    void wordsAreNotSearchedAndListPagesLeaveThemOut();
    void repostThatAddsWordsRewritesTheTurns();
    void repostKeepsReviewUnlessSet_data();
    void repostKeepsReviewUnlessSet();
    void emptyCallIdIsRejected();
    void concurrentUpsertsOfSameCallMakeOneRow();
    void searchFollowsTurnReplacement();
    void rewritesAndRemovalsKeepIndexExact();
    void groupCommitResolvesManyQueuedUpserts();
    void futureResolvesAfterCommit();
    void failingRequestFailsAlone();
    void upsertManyIsOneUnit();
    void reviewEventsRecordOldAndNew();
    void reviewOfUnknownCallFails();
    void clearStatusTakesTheVerdictBack();
    void isReviewedMarksTheVerdict_data();
    void isReviewedMarksTheVerdict();
    void reviewWritesContentAndEventsTogether();
    void failedReviewWritesNothing();
    void reviewHistoryComesWithTheCall();
    void metricResultsDoNotOverrideReviewer();
    void setRecording();
    void agentSettingsRoundTrip();
    void requestLogRoundTrip();
    void clearRequestLogRemovesBodies();
    void removeDeletesEverything();
    void closingFinishesQueuedWrites();

private:
    qint64 scalar(const QString &sql) const;
    // FTS5's own check that turns_fts matches the turns table ("" when it does).
    QString indexIntegrityError() const;
    // Rowids FTS5 returns for `word`, and the turns whose text contains it: equal when
    // the external-content index is exactly in step with the turns table.
    QList<qint64> indexed(const QString &word) const;
    QList<qint64> containing(const QString &word) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
};

void TstCallStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstCallStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("calls.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TstCallStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TstCallStore::scalar(const QString &sql) const
{
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery query(connection.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QList<qint64> TstCallStore::indexed(const QString &word) const
{
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral("SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rowid"));
    query.addBindValue(QLatin1Char('"') + word + QLatin1Char('"'));
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    } else {
        ids.append(-1);
    }
    return ids;
}

QString TstCallStore::indexIntegrityError() const
{
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadWrite);
    QSqlQuery query(connection.database());
    if (query.exec(QStringLiteral("INSERT INTO turns_fts (turns_fts) VALUES ('integrity-check')")))
        return QString();
    return query.lastError().text();
}

QList<qint64> TstCallStore::containing(const QString &word) const
{
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral("SELECT id FROM turns WHERE ' ' || lower(content) || ' ' LIKE ? ORDER BY id"));
    query.addBindValue(QStringLiteral("% ") + word.toLower() + QStringLiteral(" %"));
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    return ids;
}

void TstCallStore::defaultPathIsInAppData()
{
    const QString path = CallStore::defaultPath();
    QVERIFY(path.endsWith(QStringLiteral("/callscope.db")));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
}

void TstCallStore::upsertCreatesThenUpdatesInPlace()
{
    const UpsertOutcome first = m_store->upsert(call(QStringLiteral("c1"))).result();
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(first.created);
    QVERIFY(first.changed);
    QVERIFY(first.id > 0);

    CallReader reader(m_path);
    const CallLog before = *reader.callById(first.id);

    QTest::qWait(5);   // updated_at must be able to move
    CallLog changed = call(QStringLiteral("c1"), 7, QStringLiteral("a different question"));
    changed.turns.removeLast();
    const UpsertOutcome second = m_store->upsert(changed).result();
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.id, first.id);
    QVERIFY(!second.created);
    QVERIFY(second.changed);

    const CallLog after = *reader.callById(first.id);
    QCOMPARE(after.turns, changed.turns);
    QCOMPARE(after.createdAt, before.createdAt);
    QVERIFY(after.updatedAt > before.updatedAt);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turns")), 2);

    // Same call_id under another agent is another call.
    const UpsertOutcome other = m_store->upsert(call(QStringLiteral("c1"), 8)).result();
    QVERIFY(other.created);
    QVERIFY(other.id != first.id);
}

void TstCallStore::roundTripKeepsEveryField()
{
    CallLog original = call(QStringLiteral("full"));
    original.status = ReviewStatus::Failure;
    original.feedback = QStringLiteral("too slow");
    original.durationSeconds = 42.5;
    original.agentName = QStringLiteral("Receptionist");
    original.errorMessage = QStringLiteral("transcription pending");
    original.dropoffPoint = QStringLiteral("greeting");
    original.topic = QStringLiteral("rescheduling");
    original.recordingPath = QStringLiteral("full.wav");
    MetricResult latency;
    latency.metricId = 3;
    latency.name = QStringLiteral("Latency");
    latency.type = QStringLiteral("numeric");
    latency.score = 1.5;
    latency.explanation = {QStringLiteral("fast enough")};
    original.metrics = {latency};
    const UpsertOutcome outcome = m_store->upsert(original).result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));

    CallReader reader(m_path);
    const CallLog stored = *reader.callById(outcome.id);
    QCOMPARE(stored.id, outcome.id);
    QCOMPARE(stored.callId, original.callId);
    QCOMPARE(stored.agent, original.agent);
    QCOMPARE(stored.agentKey(), QStringLiteral("agent:7"));
    QCOMPARE(stored.traceId, original.traceId);
    QCOMPARE(stored.voiceRecordingUrl, original.voiceRecordingUrl);
    QCOMPARE(stored.transcriptType, original.transcriptType);
    QCOMPARE(stored.turns, original.turns);
    QCOMPARE(stored.callEndedReason, original.callEndedReason);
    QCOMPARE(stored.customerNumber, original.customerNumber);
    QCOMPARE(stored.metadata, original.metadata);
    QCOMPARE(stored.dynamicVariables, original.dynamicVariables);
    QCOMPARE(stored.timestamp, original.timestamp);
    QCOMPARE(stored.feedback, original.feedback);
    QCOMPARE(stored.redactFields, original.redactFields);
    QCOMPARE(stored.metricIds, original.metricIds);
    QCOMPARE(stored.mainAgentChannelIndex, original.mainAgentChannelIndex);
    QCOMPARE(stored.status, original.status);
    QCOMPARE(stored.durationSeconds, original.durationSeconds);
    QCOMPARE(stored.agentName, original.agentName);
    QCOMPARE(stored.errorMessage, original.errorMessage);
    QCOMPARE(stored.dropoffPoint, original.dropoffPoint);
    QCOMPARE(stored.topic, original.topic);
    QCOMPARE(stored.recordingPath, original.recordingPath);
    QCOMPARE(stored.metrics, original.metrics);
    QVERIFY(stored.createdAt.isValid());
    QCOMPARE(stored.updatedAt, stored.createdAt);
}

void TstCallStore::identicalRepostChangesNothing()
{
    const UpsertOutcome first = m_store->upsert(call(QStringLiteral("same"))).result();
    CallReader reader(m_path);
    const CallLog before = *reader.callById(first.id);
    const qint64 turnIdBefore = scalar(QStringLiteral("SELECT MIN(id) FROM turns"));

    QTest::qWait(5);
    const UpsertOutcome again = m_store->upsert(call(QStringLiteral("same"))).result();
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(again.id, first.id);
    QVERIFY(!again.created);
    QVERIFY(!again.changed);
    QCOMPARE(reader.callById(first.id)->updatedAt, before.updatedAt);
    QCOMPARE(scalar(QStringLiteral("SELECT MIN(id) FROM turns")), turnIdBefore);
    QCOMPARE(indexed(QStringLiteral("hello")), containing(QStringLiteral("hello")));
}

void TstCallStore::wordsRoundTrip()
{
    const CallLog original = callWithWords(QStringLiteral("timed"));
    const UpsertOutcome outcome = m_store->upsert(original).result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    const UpsertOutcome plain = m_store->upsert(call(QStringLiteral("plain"))).result();
    QVERIFY2(plain.ok(), qPrintable(plain.error));

    CallReader reader(m_path);
    const CallLog stored = *reader.callById(outcome.id);
    QCOMPARE(stored.turns, original.turns);   // exact doubles, escaped text
    QCOMPARE(stored.turns.at(0).words, original.turns.at(0).words);
    QVERIFY(stored.turns.at(2).words.isEmpty());
    QCOMPARE(reader.callByCallId(QStringLiteral("timed"))->turns, original.turns);
    QCOMPARE(reader.callsByIds({outcome.id}).first().turns, original.turns);
    const CallLog withoutWords = *reader.callById(plain.id);
    for (const Turn &turn : withoutWords.turns)
        QVERIFY(turn.words.isEmpty());
    // A turn without words stores NULL: the tool turn of "timed" and all three of "plain".
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turns WHERE words IS NULL")), 4);
}

// A call stored without words and posted again with them: new content. More turns than
// one INSERT statement takes, so every batch must bind its words in step.
void TstCallStore::repostThatAddsWordsRewritesTheTurns()
{
    CallLog original = call(QStringLiteral("long"));
    original.turns.clear();
    for (int i = 0; i < 70; ++i)
        original.turns.append(Turn{Turn::Role::MainAgent, QStringLiteral("turn %1").arg(i), double(i), i + 0.5, {}, {}, {}});
    const qint64 id = m_store->upsert(original).result().id;

    CallLog timed = original;
    for (int i = 0; i < timed.turns.size(); i += 3)
        timed.turns[i].words = {{QStringLiteral("turn"), double(i), i + 0.2}, {QString::number(i), i + 0.2, i + 0.5}};
    const UpsertOutcome outcome = m_store->upsert(timed).result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.id, id);
    QVERIFY(outcome.changed);   // the same text and times with words is new content
    CallReader reader(m_path);
    QCOMPARE(reader.callById(id)->turns, timed.turns);
    QVERIFY(!m_store->upsert(timed).result().changed);
}

void TstCallStore::wordsAreNotSearchedAndListPagesLeaveThemOut()
{
    const qint64 id = m_store->upsert(callWithWords(QStringLiteral("timed"))).result().id;
    CallReader reader(m_path);
    CallQuery query;
    query.search = QStringLiteral("zanzibar");
    QCOMPARE(reader.count(query), 0);
    QVERIFY(indexed(QStringLiteral("zanzibar")).isEmpty());
    QCOMPARE(indexIntegrityError(), QString());

    CallQuery page;
    page.withDetails = true;
    const QList<CallLog> listed = reader.list(page);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().id, id);
    QCOMPARE(listed.first().turns.size(), 3);
    for (const Turn &turn : listed.first().turns)
        QVERIFY(turn.words.isEmpty());
}

void TstCallStore::repostKeepsReviewUnlessSet_data()
{
    QTest::addColumn<std::optional<ReviewStatus>>("postedStatus");
    QTest::addColumn<std::optional<QString>>("postedFeedback");
    QTest::addColumn<std::optional<ReviewStatus>>("expectedStatus");
    QTest::addColumn<std::optional<QString>>("expectedFeedback");
    QTest::addColumn<int>("events");

    const std::optional<ReviewStatus> none;
    const std::optional<QString> noText;
    const auto reviewed = std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure);
    const auto note = std::optional<QString>(QStringLiteral("wrong day booked"));

    QTest::newRow("unset keeps both") << none << noText << reviewed << note << 2;
    QTest::newRow("status set") << std::optional<ReviewStatus>(ReviewStatus::Success) << noText
                                << std::optional<ReviewStatus>(ReviewStatus::Success) << note << 3;
    QTest::newRow("feedback set") << none << std::optional<QString>(QStringLiteral("fine")) << reviewed
                                  << std::optional<QString>(QStringLiteral("fine")) << 3;
    QTest::newRow("feedback cleared") << none << std::optional<QString>(QString()) << reviewed << noText << 3;
    QTest::newRow("same values") << reviewed << note << reviewed << note << 2;
}

// A sender re-posting a call (e.g. a retried webhook) must not wipe a reviewer's verdict.
void TstCallStore::repostKeepsReviewUnlessSet()
{
    QFETCH(std::optional<ReviewStatus>, postedStatus);
    QFETCH(std::optional<QString>, postedFeedback);
    QFETCH(std::optional<ReviewStatus>, expectedStatus);
    QFETCH(std::optional<QString>, expectedFeedback);
    QFETCH(int, events);

    const qint64 id = m_store->upsert(call(QStringLiteral("r"))).result().id;
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedFailure, QStringLiteral("wrong day booked"),
                                         QStringLiteral("ui"))).result().applied());

    CallLog repost = call(QStringLiteral("r"), 7, QStringLiteral("posted again"));
    repost.status = postedStatus;
    repost.feedback = postedFeedback;
    QVERIFY(m_store->upsert(repost).result().ok());

    CallReader reader(m_path);
    const CallLog stored = *reader.callById(id);
    QCOMPARE(stored.status, expectedStatus);
    QCOMPARE(stored.feedback, expectedFeedback);
    QCOMPARE(reader.reviewEvents(id).size(), events);
    if (events == 3)
        QCOMPARE(reader.reviewEvents(id).last().source, QStringLiteral("ingest"));
}

void TstCallStore::emptyCallIdIsRejected()
{
    const UpsertOutcome outcome = m_store->upsert(call(QString())).result();
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.id, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 0);
}

void TstCallStore::concurrentUpsertsOfSameCallMakeOneRow()
{
    constexpr int Threads = 6;
    constexpr int PerThread = 40;
    std::vector<std::unique_ptr<QThread>> threads;
    QList<QList<UpsertOutcome>> outcomes(Threads);
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([this, t, &outcomes] {
            for (int i = 0; i < PerThread; ++i) {
                const QString words = QStringLiteral("thread%1 round%2").arg(t).arg(i);
                outcomes[t].append(m_store->upsert(call(QStringLiteral("shared"), 7, words)).result());
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));

    std::set<qint64> ids;
    int created = 0;
    for (const auto &list : outcomes) {
        for (const UpsertOutcome &outcome : list) {
            QVERIFY2(outcome.ok(), qPrintable(outcome.error));
            ids.insert(outcome.id);
            created += outcome.created ? 1 : 0;
        }
    }
    QCOMPARE(ids.size(), std::size_t(1));
    QCOMPARE(created, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turns")), 3);
    QCOMPARE(indexed(QStringLiteral("pine")), containing(QStringLiteral("pine")));
    QCOMPARE(indexed(QStringLiteral("thread0")), containing(QStringLiteral("thread0")));
}

void TstCallStore::searchFollowsTurnReplacement()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("z"), 7, QStringLiteral("a zebra crossing"))).result().id;
    CallReader reader(m_path);
    CallQuery query;
    query.search = QStringLiteral("zebra");
    QCOMPARE(reader.count(query), 1);
    QCOMPARE(indexed(QStringLiteral("zebra")), containing(QStringLiteral("zebra")));

    m_store->upsert(call(QStringLiteral("z"), 7, QStringLiteral("a giraffe crossing"))).waitForFinished();
    QCOMPARE(reader.count(query), 0);
    QVERIFY(indexed(QStringLiteral("zebra")).isEmpty());
    query.search = QStringLiteral("giraffe");
    QCOMPARE(reader.list(query).size(), 1);
    QCOMPARE(reader.list(query).first().id, id);
    QCOMPARE(indexed(QStringLiteral("giraffe")), containing(QStringLiteral("giraffe")));
    QCOMPARE(indexed(QStringLiteral("crossing")), containing(QStringLiteral("crossing")));
}

// Rewrites and removals queued together, so that they share group transactions: the
// external-content index must stay exact (a 'delete' with the wrong text corrupts it).
void TstCallStore::rewritesAndRemovalsKeepIndexExact()
{
    for (int round = 0; round < 20; ++round) {
        m_store->upsert(call(QStringLiteral("r%1").arg(round), 7, QStringLiteral("a zebra crossing")));
        m_store->upsert(call(QStringLiteral("r%1").arg(round), 7, QStringLiteral("a giraffe crossing")));
        const QFuture<UpsertOutcome> doomed = m_store->upsert(call(QStringLiteral("d%1").arg(round), 7, QStringLiteral("ephemeral")));
        m_store->remove(doomed.result().id);
    }
    m_store->flush();
    QVERIFY(indexed(QStringLiteral("zebra")).isEmpty());
    QVERIFY(indexed(QStringLiteral("ephemeral")).isEmpty());
    QCOMPARE(indexed(QStringLiteral("giraffe")).size(), 20);
    QCOMPARE(indexed(QStringLiteral("crossing")), containing(QStringLiteral("crossing")));
    QCOMPARE(indexIntegrityError(), QString());
}

void TstCallStore::groupCommitResolvesManyQueuedUpserts()
{
    int signals_ = 0;
    QList<qint64> changedIds;
    connect(m_store.get(), &CallStore::callsChanged, this, [&](const QList<qint64> &ids) {
        ++signals_;
        changedIds += ids;
    });

    constexpr int Count = 1000;
    QList<QFuture<UpsertOutcome>> futures;
    for (int i = 0; i < Count; ++i)
        futures.append(m_store->upsert(call(QStringLiteral("g%1").arg(i), i % 5, QStringLiteral("word%1").arg(i))));
    std::set<qint64> ids;
    for (QFuture<UpsertOutcome> &future : futures) {
        const UpsertOutcome outcome = future.result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QVERIFY(outcome.created);
        ids.insert(outcome.id);
    }
    QCOMPARE(ids.size(), std::size_t(Count));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), Count);
    QCOMPARE(indexed(QStringLiteral("word999")), containing(QStringLiteral("word999")));
    QCOMPARE(indexed(QStringLiteral("pine")).size(), Count);

    QTRY_COMPARE(changedIds.size(), Count);
    // Queued faster than committed: the writer shared transactions between requests.
    QVERIFY2(signals_ < Count, qPrintable(QString::number(signals_)));
}

// A resolved future means committed: another connection already sees the row.
void TstCallStore::futureResolvesAfterCommit()
{
    CallReader reader(m_path);
    for (int i = 0; i < 20; ++i) {
        QList<QFuture<UpsertOutcome>> futures;
        for (int j = 0; j < 10; ++j)
            futures.append(m_store->upsert(call(QStringLiteral("v%1-%2").arg(i).arg(j))));
        for (QFuture<UpsertOutcome> &future : futures)
            QVERIFY(reader.callById(future.result().id).has_value());
    }
}

// One request that violates a constraint inside a group must not fail its neighbours.
void TstCallStore::failingRequestFailsAlone()
{
    RequestLogEntry bad;
    bad.method = QStringLiteral("POST");
    bad.path = QStringLiteral("/observe/");
    bad.callDbId = 999999;   // no such call: foreign key violation
    QList<QFuture<UpsertOutcome>> before;
    for (int i = 0; i < 50; ++i)
        before.append(m_store->upsert(call(QStringLiteral("b%1").arg(i))));
    QFuture<qint64> failing = m_store->logRequest(bad);
    QList<QFuture<UpsertOutcome>> after;
    for (int i = 0; i < 50; ++i)
        after.append(m_store->upsert(call(QStringLiteral("a%1").arg(i))));

    QCOMPARE(failing.result(), 0);
    for (auto &future : before + after)
        QVERIFY2(future.result().ok(), qPrintable(future.result().error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 100);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests")), 0);
    QCOMPARE(indexed(QStringLiteral("pine")).size(), 100);
}

void TstCallStore::upsertManyIsOneUnit()
{
    QList<CallLog> calls;
    for (int i = 0; i < 300; ++i)
        calls.append(call(QStringLiteral("m%1").arg(i)));
    calls.append(call(QStringLiteral("m0"), 7, QStringLiteral("duplicate in the same batch")));
    const QList<UpsertOutcome> outcomes = m_store->upsertMany(calls).result();
    QCOMPARE(outcomes.size(), 301);
    QVERIFY(outcomes.first().created);
    QCOMPARE(outcomes.last().id, outcomes.first().id);
    QVERIFY(!outcomes.last().created);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 300);
    QCOMPARE(indexed(QStringLiteral("duplicate")), containing(QStringLiteral("duplicate")));
    QCOMPARE(indexed(QStringLiteral("hello")).size(), 299);
}

void TstCallStore::reviewEventsRecordOldAndNew()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("rev"))).result().id;
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedSuccess, std::nullopt, QStringLiteral("ui"))).result().applied());
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedFailure, QStringLiteral("booked wrong day"),
                                  QStringLiteral("ada"))).result().applied());
    // No change: no event.
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedFailure, std::nullopt, QStringLiteral("ada"))).result().applied());

    CallReader reader(m_path);
    const QList<ReviewEvent> events = reader.reviewEvents(id);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].field, QStringLiteral("status"));
    QVERIFY(events[0].oldValue.isNull());
    QCOMPARE(events[0].newValue, QStringLiteral("reviewed_success"));
    QCOMPARE(events[0].source, QStringLiteral("ui"));
    QCOMPARE(events[1].field, QStringLiteral("status"));
    QCOMPARE(events[1].oldValue, QStringLiteral("reviewed_success"));
    QCOMPARE(events[1].newValue, QStringLiteral("reviewed_failure"));
    QCOMPARE(events[2].field, QStringLiteral("feedback"));
    QVERIFY(events[2].oldValue.isNull());
    QCOMPARE(events[2].newValue, QStringLiteral("booked wrong day"));
    QCOMPARE(events[2].source, QStringLiteral("ada"));
    QVERIFY(events[2].time.isValid());
    QCOMPARE(reader.callById(id)->status, std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure));
}

void TstCallStore::reviewOfUnknownCallFails()
{
    QCOMPARE(m_store->review(reviewChange(12345, ReviewStatus::Success, std::nullopt, QStringLiteral("ui"))).result().result,
             ReviewOutcome::Result::NotFound);
}

// Undoing a call's first verdict takes it back to "not evaluated", with an event for it.
void TstCallStore::clearStatusTakesTheVerdictBack()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("clear"))).result().id;
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedSuccess, std::nullopt, QStringLiteral("ui"))).result().applied());
    ReviewChange clear = reviewChange(id, std::nullopt, std::nullopt, QStringLiteral("ui"));
    clear.clearStatus = true;
    const ReviewOutcome cleared = m_store->review(clear).result();
    QVERIFY(cleared.applied());
    QCOMPARE(cleared.events.size(), 1);
    QCOMPARE(cleared.events[0].oldValue, QStringLiteral("reviewed_success"));
    QVERIFY(cleared.events[0].newValue.isNull());
    QVERIFY(!CallReader(m_path).callById(id)->status);

    clear.status = ReviewStatus::Failure;
    const ReviewOutcome refused = m_store->review(clear).result();
    QCOMPARE(refused.result, ReviewOutcome::Result::Refused);
    QVERIFY(refused.errors.contains(QStringLiteral("status")));
}

void TstCallStore::isReviewedMarksTheVerdict_data()
{
    QTest::addColumn<QString>("before");        // "" : no verdict yet
    QTest::addColumn<QString>("status");        // "" : not given
    QTest::addColumn<bool>("reviewed");
    QTest::addColumn<QString>("after");         // "" : refused, on is_reviewed

    QTest::newRow("success reviewed") << "success" << "" << true << "reviewed_success";
    QTest::newRow("failure reviewed") << "failure" << "" << true << "reviewed_failure";
    QTest::newRow("unmark reviewed_failure") << "reviewed_failure" << "" << false << "failure";
    QTest::newRow("already reviewed") << "reviewed_success" << "" << true << "reviewed_success";
    QTest::newRow("verdict given with it") << "" << "failure" << true << "reviewed_failure";
    QTest::newRow("no verdict") << "" << "" << true << "";
    QTest::newRow("contradicts status") << "success" << "reviewed_success" << false << "";
}

void TstCallStore::isReviewedMarksTheVerdict()
{
    QFETCH(QString, before);
    QFETCH(QString, status);
    QFETCH(bool, reviewed);
    QFETCH(QString, after);

    CallLog stored = call(QStringLiteral("verdict"));
    stored.status = ReviewStatuses::fromName(before);
    const qint64 id = m_store->upsert(stored).result().id;
    ReviewChange change = reviewChange(id, ReviewStatuses::fromName(status), std::nullopt, QStringLiteral("ui"));
    change.reviewed = reviewed;
    const ReviewOutcome outcome = m_store->review(change).result();

    CallReader reader(m_path);
    if (after.isEmpty()) {
        QCOMPARE(outcome.result, ReviewOutcome::Result::Refused);
        QCOMPARE(outcome.errors.fields(), QStringList{QStringLiteral("is_reviewed")});
        QCOMPARE(reader.callById(id)->status, ReviewStatuses::fromName(before));
        QVERIFY(reader.reviewEvents(id).isEmpty());
    } else {
        QCOMPARE(outcome.result, ReviewOutcome::Result::Applied);
        QCOMPARE(reader.callById(id)->status, ReviewStatuses::fromName(after));
        QCOMPARE(outcome.events.size(), before == after ? 0 : 1);
    }
}

// PATCH used to store the content and then the review as two transactions; one
// operation now writes the transcript, the status and the history together.
void TstCallStore::reviewWritesContentAndEventsTogether()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("content"), 7, QStringLiteral("original words"))).result().id;
    CallLog content = *CallReader(m_path).callById(id);
    content.turns = call(QStringLiteral("content"), 7, QStringLiteral("corrected words")).turns;
    content.status = ReviewStatus::Success;     // ignored: status comes from the change
    ReviewChange change = reviewChange(id, ReviewStatus::ReviewedFailure, QStringLiteral("misheard"), QStringLiteral("api"));
    change.content = content;
    const ReviewOutcome outcome = m_store->review(change).result();
    QCOMPARE(outcome.result, ReviewOutcome::Result::Applied);
    QCOMPARE(outcome.events.size(), 2);
    QCOMPARE(outcome.events[0].newValue, QStringLiteral("reviewed_failure"));

    CallReader reader(m_path);
    const CallLog after = *reader.callById(id);
    QCOMPARE(after.status, std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure));
    QVERIFY(after.transcriptText().contains(QLatin1String("corrected words")));
    QCOMPARE(reader.reviewEvents(id).size(), 2);
    QCOMPARE(indexed(QStringLiteral("corrected")), containing(QStringLiteral("corrected")));
    QVERIFY(indexed(QStringLiteral("original")).isEmpty());
    QCOMPARE(indexIntegrityError(), QString());
}

void TstCallStore::failedReviewWritesNothing()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("atomic"))).result().id;
    // Content that names another call fails after its upsert ran: the whole
    // transaction, the new row included, must roll back.
    ReviewChange change = reviewChange(id, ReviewStatus::ReviewedSuccess, QStringLiteral("ok"), QStringLiteral("api"));
    change.content = call(QStringLiteral("someone-else"));
    const ReviewOutcome outcome = m_store->review(change).result();
    QCOMPARE(outcome.result, ReviewOutcome::Result::Failed);
    QVERIFY(!outcome.error.isEmpty());

    CallReader reader(m_path);
    QVERIFY(!reader.callByCallId(QStringLiteral("someone-else")));
    QCOMPARE(reader.callById(id)->status, std::nullopt);
    QVERIFY(!reader.callById(id)->feedback);
    QVERIFY(reader.reviewEvents(id).isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 1);
}

void TstCallStore::reviewHistoryComesWithTheCall()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("history"))).result().id;
    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::Failure, QStringLiteral("too slow"), QStringLiteral("ada")))
                .result().applied());
    CallReader reader(m_path);
    const CallLog byId = *reader.callById(id);
    QCOMPARE(byId.reviewHistory.size(), 2);
    QCOMPARE(byId.reviewHistory[1].field, QStringLiteral("feedback"));
    QCOMPARE(byId.reviewHistory[1].source, QStringLiteral("ada"));
    QCOMPARE(reader.callByCallId(QStringLiteral("history"))->reviewHistory.size(), 2);
    // Lists stay cheap: no history per row.
    CallQuery query;
    query.withDetails = true;
    QVERIFY(reader.list(query).first().reviewHistory.isEmpty());

    const QJsonArray history = byId.toDetailJson()[QStringLiteral("review_history")].toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0][QStringLiteral("field")].toString(), QStringLiteral("status"));
    QVERIFY(history[0][QStringLiteral("old")].isNull());
    QCOMPARE(history[0][QStringLiteral("new")].toString(), QStringLiteral("failure"));
    QCOMPARE(history[1][QStringLiteral("source")].toString(), QStringLiteral("ada"));
    QCOMPARE(QDateTime::fromString(history[0][QStringLiteral("time")].toString(), Qt::ISODateWithMs), byId.reviewHistory[0].time);
    QVERIFY(!byId.toResponseJson().contains(QStringLiteral("review_history")));
}

void TstCallStore::metricResultsDoNotOverrideReviewer()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("met"))).result().id;
    // A result of a stored metric: the store keeps what its definition does not say.
    MetricDefinition toolCalls;
    for (const MetricDefinition &metric : CallReader(m_path).metrics()) {
        if (metric.key == QLatin1String("tool_call_success"))
            toolCalls = metric;
    }
    QVERIFY(toolCalls.id > 0);
    MetricResult greeting;
    greeting.metricId = toolCalls.id;
    greeting.key = toolCalls.key;
    greeting.metricVersion = toolCalls.version;
    greeting.name = toolCalls.name;
    greeting.type = QStringLiteral("binary");
    greeting.score = 1;
    greeting.value = true;
    greeting.passed = true;
    greeting.source = QStringLiteral("transcript");
    QVERIFY(m_store->storeMetricResults(id, {greeting}).result());
    CallReader reader(m_path);
    QCOMPARE(reader.callById(id)->status, std::optional<ReviewStatus>(ReviewStatus::Success));
    QCOMPARE(reader.callById(id)->metrics, QList<MetricResult>{greeting});
    QCOMPARE(reader.reviewEvents(id).first().source, QStringLiteral("metrics"));
    {
        // Stored without what its row and definition hold; read back whole (above).
        SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
        QSqlQuery stored(connection.database());
        QVERIFY(stored.exec(QStringLiteral("SELECT result FROM metric_results WHERE call = %1").arg(id)) && stored.next());
        const QJsonObject json = QJsonDocument::fromJson(stored.value(0).toByteArray()).object();
        QCOMPARE(json.value(QStringLiteral("value")), QJsonValue(true));
        for (const char *omitted : {"id", "name", "key", "type", "metric_version", "passed"})
            QVERIFY2(!json.contains(QLatin1String(omitted)), omitted);
    }

    QVERIFY(m_store->review(reviewChange(id, ReviewStatus::ReviewedFailure, std::nullopt, QStringLiteral("ui"))).result().applied());
    QVERIFY(m_store->storeMetricResults(id, {greeting}, /*rerun=*/true).result());
    QCOMPARE(reader.callById(id)->status, std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure));
    QVERIFY(!m_store->storeMetricResults(99999, {greeting}).result());
}

void TstCallStore::setRecording()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("rec"))).result().id;
    QVERIFY(m_store->setRecording(id, QStringLiteral("rec.wav"), QString()).result());
    CallReader reader(m_path);
    QCOMPARE(reader.callById(id)->recordingPath, QStringLiteral("rec.wav"));
    QVERIFY(reader.callById(id)->errorMessage.isEmpty());

    // A re-post with the same URL keeps the local copy; a new URL drops it.
    QVERIFY(m_store->upsert(call(QStringLiteral("rec"))).result().ok());
    QCOMPARE(reader.callById(id)->recordingPath, QStringLiteral("rec.wav"));
    CallLog moved = call(QStringLiteral("rec"));
    moved.voiceRecordingUrl = QStringLiteral("https://example.com/other.wav");
    QVERIFY(m_store->upsert(moved).result().ok());
    QVERIFY(reader.callById(id)->recordingPath.isEmpty());

    QVERIFY(m_store->setRecording(id, QString(), QStringLiteral("download failed: 404")).result());
    QCOMPARE(reader.callById(id)->errorMessage, QStringLiteral("download failed: 404"));
    QVERIFY(!m_store->setRecording(424242, QStringLiteral("x.wav"), QString()).result());
}

void TstCallStore::agentSettingsRoundTrip()
{
    CallReader reader(m_path);
    QVERIFY(!reader.agentSettings(QStringLiteral("agent:7")));
    m_store->upsert(call(QStringLiteral("a"))).waitForFinished();
    QVERIFY(reader.agentSettings(QStringLiteral("agent:7")));
    QVERIFY(!reader.agentSettings(QStringLiteral("agent:7"))->lenientRoles);

    AgentSettings settings{AgentKey::ofAgent(7), QStringLiteral("Front desk"), true, QStringLiteral("s3cret"), {}};
    QVERIFY(m_store->setAgentSettings(settings).result());
    AgentSettings assistant{AgentKey::ofAssistant(QStringLiteral("asst_1")), QString(), false, QString(), {}};
    QVERIFY(m_store->setAgentSettings(assistant).result());

    const std::optional<AgentSettings> stored = reader.agentSettings(QStringLiteral("agent:7"));
    QVERIFY(stored);
    QCOMPARE(stored->name, settings.name);
    QVERIFY(stored->agentKey == AgentKey::fromId(QStringLiteral("07")));   // read back as the value type
    QVERIFY(stored->lenientRoles);
    QCOMPARE(stored->webhookSecret, settings.webhookSecret);
    QCOMPARE(reader.agents().size(), 2);
    // The agent's name shows on its calls that carry none.
    QCOMPARE(reader.callByCallId(QStringLiteral("a"))->agentName, QStringLiteral("Front desk"));
    QVERIFY(!m_store->setAgentSettings(AgentSettings{}).result());
}

void TstCallStore::requestLogRoundTrip()
{
    int changes = 0;
    connect(m_store.get(), &CallStore::requestsChanged, this, [&] { ++changes; });
    const qint64 callId = m_store->upsert(call(QStringLiteral("req"))).result().id;

    RequestLogEntry entry;
    entry.time = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 0, 125), Qt::UTC);
    entry.clientAddress = QStringLiteral("127.0.0.1");
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/observability/v1/observe/");
    entry.status = 201;
    entry.latencyMs = 3.25;
    entry.requestSize = 4096;
    entry.headers = QJsonObject{{QStringLiteral("X-CEKURA-API-KEY"), QStringLiteral("****")}};
    entry.bodyPath = m_dir->filePath(QStringLiteral("body1.json"));
    entry.callDbId = callId;
    const qint64 first = m_store->logRequest(entry).result();
    QVERIFY(first > 0);

    RequestLogEntry rejected;
    rejected.method = QStringLiteral("POST");
    rejected.path = QStringLiteral("/observability/v1/observe/");
    rejected.status = 400;
    rejected.errors = QJsonObject{{QStringLiteral("call_id"), QJsonArray{QStringLiteral("This field is required.")}}};
    const qint64 second = m_store->logRequest(rejected).result();
    QVERIFY(second > first);

    CallReader reader(m_path);
    QCOMPARE(reader.requestCount(), 2);
    const QList<RequestLogEntry> newestFirst = reader.requests(10);
    QCOMPARE(newestFirst.size(), 2);
    QCOMPARE(newestFirst[0].id, second);
    QCOMPARE(newestFirst[0].errors, rejected.errors);
    QCOMPARE(newestFirst[0].callDbId, 0);
    QVERIFY(newestFirst[0].time.isValid());
    QCOMPARE(reader.requests(1).size(), 1);
    QCOMPARE(reader.requests(10, second).size(), 1);

    const RequestLogEntry stored = *reader.requestById(first);
    QCOMPARE(stored.time, entry.time);
    QCOMPARE(stored.clientAddress, entry.clientAddress);
    QCOMPARE(stored.method, entry.method);
    QCOMPARE(stored.path, entry.path);
    QCOMPARE(stored.status, entry.status);
    QCOMPARE(stored.latencyMs, entry.latencyMs);
    QCOMPARE(stored.requestSize, entry.requestSize);
    QCOMPARE(stored.headers, entry.headers);
    QCOMPARE(stored.bodyPath, entry.bodyPath);
    QCOMPARE(stored.callDbId, callId);
    QVERIFY(!reader.requestById(first + 100));
    QTRY_COMPARE(changes, 2);
}

void TstCallStore::clearRequestLogRemovesBodies()
{
    const QString body = m_dir->filePath(QStringLiteral("body.json"));
    {
        QFile file(body);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}");
    }
    RequestLogEntry entry;
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/x");
    entry.bodyPath = body;
    for (int i = 0; i < 3; ++i)
        m_store->logRequest(entry);
    QCOMPARE(m_store->clearRequestLog().result(), 3);
    CallReader reader(m_path);
    QCOMPARE(reader.requestCount(), 0);
    QVERIFY(!QFile::exists(body));
}

void TstCallStore::removeDeletesEverything()
{
    CallLog doomed = call(QStringLiteral("gone"), 7, QStringLiteral("ephemeral words"));
    MetricResult result;
    result.metricId = 1;
    result.name = QStringLiteral("m");
    result.type = QStringLiteral("binary");
    result.score = 0;
    doomed.metrics = {result};
    doomed.recordingPath = QStringLiteral("gone.wav");
    const qint64 id = m_store->upsert(doomed).result().id;
    const qint64 kept = m_store->upsert(call(QStringLiteral("kept"))).result().id;
    m_store->review(reviewChange(id, ReviewStatus::ReviewedFailure, std::nullopt, QStringLiteral("ui"))).waitForFinished();
    RequestLogEntry entry;
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/observe/");
    entry.callDbId = id;
    const qint64 requestId = m_store->logRequest(entry).result();
    const QString recording = QDir(m_store->recordingsDir()).filePath(QStringLiteral("gone.wav"));
    {
        QFile file(recording);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }

    QVERIFY(m_store->remove(id).result().removed());
    CallReader reader(m_path);
    QVERIFY(!reader.callById(id));
    QVERIFY(reader.callById(kept));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turns WHERE call = %1").arg(id)), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM metric_results")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM review_events")), 0);
    QVERIFY(indexed(QStringLiteral("ephemeral")).isEmpty());
    QCOMPARE(indexed(QStringLiteral("pine")), containing(QStringLiteral("pine")));
    QCOMPARE(reader.requestById(requestId)->callDbId, 0);
    QVERIFY(!QFile::exists(recording));
    QCOMPARE(m_store->remove(id).result().result, RemoveOutcome::Result::NotFound);
}

void TstCallStore::closingFinishesQueuedWrites()
{
    QList<QFuture<UpsertOutcome>> futures;
    for (int i = 0; i < 500; ++i)
        futures.append(m_store->upsert(call(QStringLiteral("q%1").arg(i))));
    m_store.reset();
    for (QFuture<UpsertOutcome> &future : futures) {
        QVERIFY(future.isFinished());
        QVERIFY(future.result().ok());
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), 500);
}

QTEST_GUILESS_MAIN(TstCallStore)
#include "tst_callstore.moc"
