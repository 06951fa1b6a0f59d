// `callscope redact` on calls already stored: the chosen kinds leave the turns, the search
// index and the database file (secure_delete, the index merged, the WAL checkpointed when
// the store closes); other kinds and other calls stay; bad --fields is a usage error.
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run callscope(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CALLSCOPE_BINARY), arguments);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject call(const QString &callId, const QString &said)
{
    return {{u"call_id"_s, callId},
            {u"agent"_s, 3},
            {u"transcript_json"_s,
             QJsonArray{QJsonObject{{u"role"_s, u"Main Agent"_s}, {u"content"_s, u"Which card would you like to use?"_s},
                                    {u"start_time"_s, 0.0}, {u"end_time"_s, 2.0}},
                        QJsonObject{{u"role"_s, u"Testing Agent"_s}, {u"content"_s, said}, {u"start_time"_s, 2.5},
                                    {u"end_time"_s, 7.0}}}}};
}

bool fileContains(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains(bytes);
}

} // namespace

class TstRedactCommand : public QObject
{
    Q_OBJECT

private slots:
    void redactsStoredCalls();
    void redactsWhatWasWrittenAboutACall();
};

void TstRedactCommand::redactsStoredCalls()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"calls.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonArray{call(u"pay-1"_s, u"My visa is 4111 1111 1111 1111, call me on 415-555-0132."_s),
                                       call(u"pay-2"_s, u"The one ending in 4242 please."_s)})
                  .toJson());
    out.close();
    const QString database = dir.filePath(u"calls.db"_s);
    QCOMPARE(callscope({u"import"_s, file, u"--db"_s, database, u"--no-evaluate"_s}).exitCode, 0);
    QVERIFY(fileContains(database, "4111 1111 1111 1111") || fileContains(database + u"-wal"_s, "4111 1111 1111 1111"));

    QCOMPARE(callscope({u"redact"_s, u"pay-1"_s, u"--fields"_s, u"credit_card,shoe_size"_s, u"--db"_s, database}).exitCode, 2);
    const Run run = callscope({u"redact"_s, u"pay-1"_s, u"--fields"_s, u"credit_card"_s, u"--db"_s, database});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 span redacted"_s), qPrintable(run.out));

    CallReader reader(database);
    const CallLog paid = *reader.callById(reader.allCallIds().first());
    QCOMPARE(paid.turns[1].content, u"My visa is <CREDIT_CARD>, call me on 415-555-0132."_s);   // phone numbers not asked for
    QCOMPARE(paid.turns[1].redactions.size(), 1);
    QCOMPARE(paid.redactionCounts.value(RedactionKind::CreditCard), 1);
    QVERIFY(paid.redactFields.contains(u"credit_card"_s));
    CallQuery search;
    search.search = u"4111"_s;
    QCOMPARE(reader.count(search), 0);
    // The number is gone from every file of the database.
    for (const QString &path : {database, database + u"-wal"_s})
        QVERIFY2(!fileContains(path, "4111 1111 1111 1111") && !fileContains(path, "4111"), qPrintable(path));

    // Again: nothing new to redact, nothing written.
    const Run again = callscope({u"redact"_s, u"--all"_s, u"--fields"_s, u"credit_card"_s, u"--db"_s, database});
    QVERIFY2(again.exitCode == 0 && again.err.contains(u"redacted 0 calls"_s), qPrintable(again.err));
}

// Reviewers' feedback and label notes, the review history that recorded them, and a stored
// metric result's explanation quote the card number: after `callscope redact` no file of
// the database holds it.
void TstRedactCommand::redactsWhatWasWrittenAboutACall()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"calls.json"_s);
    QJsonObject reviewed = call(u"pay-3"_s, u"My card is 4111 1111 1111 1111."_s);
    reviewed.insert(u"feedback"_s, u"The caller read out 4111 1111 1111 1111 twice."_s);
    reviewed.insert(u"annotations"_s,
                    QJsonArray{QJsonObject{{u"turn_index"_s, 1}, {u"label"_s, u"good"_s},
                                           {u"note"_s, u"Card 4111-1111-1111-1111 was taken calmly."_s}}});
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonArray{reviewed}).toJson());
    out.close();
    const QString database = dir.filePath(u"calls.db"_s);
    QCOMPARE(callscope({u"import"_s, file, u"--db"_s, database, u"--no-evaluate"_s}).exitCode, 0);
    qint64 id = 0;
    {
        QString error;
        const std::unique_ptr<CallStore> store = CallStore::open(database, &error);
        QVERIFY2(store, qPrintable(error));
        id = CallReader(database).allCallIds().first();
        MetricResult result;
        result.metricId = 41;
        result.name = u"Card read back"_s;
        result.type = u"binary"_s;
        result.score = 0;
        result.value = false;
        result.explanation = {u"The agent never read back the card."_s,
                              u"Caller said \"my card is 4111111111111111\" in turn 2."_s};
        QVERIFY(store->storeMetricResults(id, {result}).result());
        // A reviewer's changes: the history keeps the feedback before and after, and the label added.
        ReviewChange change;
        change.callDbId = id;
        change.feedback = u"Read out 4111 1111 1111 1111 twice; the agent repeated it."_s;
        TurnLabel label;
        label.turnIndex = 1;
        label.label = u"wrong answer"_s;
        label.note = u"Repeated 4111 1111 1111 1111 aloud."_s;
        change.annotations = QList<TurnLabel>{CallReader(database).callById(id)->annotations->first(), label};
        change.source = u"ui"_s;
        QVERIFY(store->review(change).result().applied());
    }
    const CallLog before = *CallReader(database).callById(id);
    QVERIFY(before.reviewHistory.size() >= 2);

    const Run run = callscope({u"redact"_s, u"pay-3"_s, u"--fields"_s, u"credit_card"_s, u"--db"_s, database});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 span redacted"_s), qPrintable(run.out));

    const CallLog redacted = *CallReader(database).callById(id);
    QCOMPARE(redacted.feedback, std::optional<QString>(u"Read out <CREDIT_CARD> twice; the agent repeated it."_s));
    QCOMPARE(redacted.annotations->size(), 2);
    QCOMPARE(redacted.annotations->at(0).note, u"Card <CREDIT_CARD> was taken calmly."_s);
    QCOMPARE(redacted.annotations->at(1).note, u"Repeated <CREDIT_CARD> aloud."_s);
    QCOMPARE(redacted.annotations->at(0).createdAt, before.annotations->at(0).createdAt);
    QCOMPARE(redacted.metrics.size(), 1);
    QCOMPARE(redacted.metrics.first().explanation,
             (QStringList{u"The agent never read back the card."_s, u"Caller said \"my card is <CREDIT_CARD>\" in turn 2."_s}));
    // The history keeps its entries, redacted, and gains none that would hold the number.
    QCOMPARE(redacted.reviewHistory.size(), before.reviewHistory.size());
    for (const ReviewEvent &event : redacted.reviewHistory)
        QVERIFY2(!event.oldValue.contains(u"4111"_s) && !event.newValue.contains(u"4111"_s), qPrintable(event.newValue));
    for (const QString &path : {database, database + u"-wal"_s})
        QVERIFY2(!fileContains(path, "4111"), qPrintable(path));
}

QTEST_GUILESS_MAIN(TstRedactCommand)
#include "tst_redactcommand.moc"
