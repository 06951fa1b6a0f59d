#include "store/callreader.h"
#include "store/callstore.h"
#include "store/sqliteconnection.h"
#include "storetestdata.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using StoreTestData::call;

namespace {

TurnLabel label(int turn, const QString &name, const QString &note = {})
{
    TurnLabel made;
    made.turnIndex = turn;
    made.label = name;
    made.note = note;
    return made;
}

ReviewChange labelChange(qint64 callDbId, const QList<TurnLabel> &labels)
{
    ReviewChange change;
    change.callDbId = callDbId;
    change.annotations = labels;
    change.source = QStringLiteral("ui");
    return change;
}

QStringList described(const std::optional<QList<TurnLabel>> &labels)
{
    QStringList lines;
    for (const TurnLabel &each : labels.value_or(QList<TurnLabel>()))
        lines.append(each.describe());
    return lines;
}

} // namespace

// Per-turn labels in the store: written by the one review operation with a history entry
// per label, replaced by an upsert that carries them, counted on the call row.
class TstTurnLabels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reviewReplacesLabelsWithAnEventEach();
    void labelOnAMissingTurnIsRefused();
    void upsertWithAnnotationsReplacesThemAndWithoutKeepsThem();
    void listRowsCarryTheCountOnly();
    void detailJsonCarriesAnnotations();
    void removeDeletesLabels();

private:
    qint64 scalar(const QString &sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<CallStore> m_store;
};

void TstTurnLabels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("calls.db"));
    QString error;
    m_store = CallStore::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TstTurnLabels::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TstTurnLabels::scalar(const QString &sql) const
{
    SqliteConnection connection(m_path, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery query(connection.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TstTurnLabels::reviewReplacesLabelsWithAnEventEach()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("labelled"))).result().id;
    ReviewOutcome outcome = m_store->review(labelChange(id, {label(1, QStringLiteral("hallucination"), QStringLiteral("made up a price")),
                                                             label(0, QStringLiteral("slow response"))})).result();
    QVERIFY(outcome.applied());
    QCOMPARE(outcome.events.size(), 2);
    QCOMPARE(outcome.events[0].field, QStringLiteral("label"));
    QVERIFY(outcome.events[0].oldValue.isNull());
    QCOMPARE(outcome.events[0].newValue, QStringLiteral("turn 1: slow response"));
    QCOMPARE(outcome.events[1].newValue, QStringLiteral("turn 2: hallucination — made up a price"));

    CallReader reader(m_path);
    CallLog stored = *reader.callById(id);
    QCOMPARE(stored.labelCount, 2);
    QCOMPARE(described(stored.annotations),
             (QStringList{QStringLiteral("turn 1: slow response"), QStringLiteral("turn 2: hallucination — made up a price")}));
    QVERIFY(stored.annotations->at(0).createdAt.isValid());
    const QDateTime firstMade = stored.annotations->at(0).createdAt;

    // Same labels again: nothing changes, no history.
    outcome = m_store->review(labelChange(id, *stored.annotations)).result();
    QVERIFY(outcome.applied());
    QVERIFY(outcome.events.isEmpty());

    // One kept, one with a new note (removed and added), one new.
    outcome = m_store->review(labelChange(id, {label(0, QStringLiteral("slow response")),
                                               label(1, QStringLiteral("hallucination"), QStringLiteral("a wrong price")),
                                               label(2, QStringLiteral("good"))})).result();
    QCOMPARE(outcome.events.size(), 3);
    QCOMPARE(outcome.events[0].oldValue, QStringLiteral("turn 2: hallucination — made up a price"));
    QVERIFY(outcome.events[0].newValue.isNull());
    QCOMPARE(outcome.events[1].newValue, QStringLiteral("turn 2: hallucination — a wrong price"));
    QCOMPARE(outcome.events[2].newValue, QStringLiteral("turn 3: good"));
    stored = *reader.callById(id);
    QCOMPARE(stored.labelCount, 3);
    QCOMPARE(stored.annotations->at(0).createdAt, firstMade);   // kept, not rewritten

    // Clearing them all.
    outcome = m_store->review(labelChange(id, {})).result();
    QCOMPARE(outcome.events.size(), 3);
    stored = *reader.callById(id);
    QCOMPARE(stored.labelCount, 0);
    QVERIFY(stored.annotations && stored.annotations->isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM review_events WHERE field = 'label'")), 8);
    QCOMPARE(stored.reviewHistory.size(), 8);
}

void TstTurnLabels::labelOnAMissingTurnIsRefused()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("short"))).result().id;   // 3 turns
    ReviewChange change = labelChange(id, {label(2, QStringLiteral("good")), label(3, QStringLiteral("good"))});
    change.status = ReviewStatus::ReviewedSuccess;
    const ReviewOutcome outcome = m_store->review(change).result();
    QCOMPARE(outcome.result, ReviewOutcome::Result::Refused);
    QCOMPARE(outcome.errors.fields(), QStringList{QStringLiteral("annotations[1].turn_index")});
    QCOMPARE(outcome.errors.messages(QStringLiteral("annotations[1].turn_index")),
             QStringList{QStringLiteral("No such turn: the call has 3 (0 to 2).")});
    CallReader reader(m_path);
    const CallLog stored = *reader.callById(id);
    QCOMPARE(stored.labelCount, 0);
    QCOMPARE(stored.status, std::nullopt);
    QVERIFY(stored.reviewHistory.isEmpty());
}

void TstTurnLabels::upsertWithAnnotationsReplacesThemAndWithoutKeepsThem()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("imported"))).result().id;
    QVERIFY(m_store->review(labelChange(id, {label(0, QStringLiteral("wrong answer"))})).result().applied());

    // A re-post without annotations keeps them, even when its content changed.
    CallLog repost = call(QStringLiteral("imported"), 7, QStringLiteral("other words"));
    QVERIFY(m_store->upsert(repost).result().changed);
    CallReader reader(m_path);
    QCOMPARE(described(reader.callById(id)->annotations), QStringList{QStringLiteral("turn 1: wrong answer")});

    // An identical re-post that carries annotations (an import of an export) replaces them.
    TurnLabel imported = label(1, QStringLiteral("missed intent"), QStringLiteral("wanted Tuesday"));
    imported.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
    repost.annotations = QList<TurnLabel>{imported};
    const UpsertOutcome outcome = m_store->upsert(repost).result();
    QVERIFY(outcome.changed);
    const CallLog stored = *reader.callById(id);
    QCOMPARE(described(stored.annotations), QStringList{QStringLiteral("turn 2: missed intent — wanted Tuesday")});
    QCOMPARE(stored.annotations->first().createdAt, imported.createdAt);
    QCOMPARE(stored.labelCount, 1);
    QCOMPARE(stored.reviewHistory.last().source, QStringLiteral("ingest"));
    QVERIFY(!m_store->upsert(repost).result().changed);

    // A new call with annotations.
    CallLog fresh = call(QStringLiteral("fresh"));
    fresh.annotations = QList<TurnLabel>{label(2, QStringLiteral("good"))};
    const qint64 freshId = m_store->upsert(fresh).result().id;
    QCOMPARE(reader.callById(freshId)->labelCount, 1);
}

void TstTurnLabels::listRowsCarryTheCountOnly()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("counted"))).result().id;
    m_store->upsert(call(QStringLiteral("plain"))).waitForFinished();
    QVERIFY(m_store->review(labelChange(id, {label(0, QStringLiteral("good")), label(0, QStringLiteral("slow response"))}))
                .result().applied());
    CallReader reader(m_path);
    CallQuery query;
    query.withDetails = true;
    const QList<CallLog> rows = reader.list(query);
    QCOMPARE(rows.size(), 2);
    for (const CallLog &row : rows) {
        QCOMPARE(row.labelCount, row.id == id ? 2 : 0);
        QVERIFY(!row.annotations);
    }
    QCOMPARE(reader.callsByIds({id}).first().annotations->size(), 2);
}

void TstTurnLabels::detailJsonCarriesAnnotations()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("detail"))).result().id;
    QVERIFY(m_store->review(labelChange(id, {label(1, QStringLiteral("hallucination"), QStringLiteral("no such plan"))}))
                .result().applied());
    const CallLog stored = *CallReader(m_path).callById(id);
    const QJsonArray annotations = stored.toDetailJson()[QStringLiteral("annotations")].toArray();
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations[0][QStringLiteral("turn_index")].toInt(), 1);
    QCOMPARE(annotations[0][QStringLiteral("label")].toString(), QStringLiteral("hallucination"));
    QCOMPARE(annotations[0][QStringLiteral("note")].toString(), QStringLiteral("no such plan"));
    QCOMPARE(QDateTime::fromString(annotations[0][QStringLiteral("created_at")].toString(), Qt::ISODateWithMs),
             stored.annotations->first().createdAt);
    QCOMPARE(stored.toObserveJson()[QStringLiteral("annotations")].toArray(), annotations);
    QVERIFY(!stored.toResponseJson().contains(QStringLiteral("annotations")));
}

void TstTurnLabels::removeDeletesLabels()
{
    const qint64 id = m_store->upsert(call(QStringLiteral("doomed"))).result().id;
    QVERIFY(m_store->review(labelChange(id, {label(0, QStringLiteral("good"))})).result().applied());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turn_labels")), 1);
    QVERIFY(m_store->remove(id).result().removed());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM turn_labels")), 0);
}

QTEST_GUILESS_MAIN(TstTurnLabels)
#include "tst_turnlabels.moc"
