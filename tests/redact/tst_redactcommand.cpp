// `callscope redact` on calls already stored: the chosen kinds leave the turns, the search
// index and the database file (secure_delete, the index merged, the WAL checkpointed when
// the store closes); other kinds and other calls stay; bad --fields is a usage error.
#include "store/callreader.h"

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

QTEST_GUILESS_MAIN(TstRedactCommand)
#include "tst_redactcommand.moc"
