// The importer: bad records amid good ones, idempotent re-import, relative recordings,
// and the export formats reading back into the same calls.

#include "ingest/callexporter.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray observeBody(const QString &callId, const QString &extra = {})
{
    return QStringLiteral(R"({"call_id":"%1","agent":3,"timestamp":"2026-11-2%2T10:00:00Z"%3,"transcript_json":[
        {"role":"Main Agent","content":"Thanks for calling %1.","start_time":0.5,"end_time":2.0},
        {"role":"Testing Agent","content":"I want to rebook flight %1.","start_time":2.5,"end_time":4.0}]})")
        .arg(callId, QString::number(callId.size() % 9), extra.isEmpty() ? QString() : QLatin1Char(',') + extra)
        .toUtf8();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class TestFileImporter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void badRecordsAreNamedAndSkipped();
    void reimportChangesNothing();
    void changedFileUpdatesInPlace();
    void relativeRecordingIsCopied();
    void missingRecordingIsRejected();
    void networkBodiesCannotNameLocalFiles();
    void exportReadsBack_data();
    void exportReadsBack();

private:
    ImportSummary import(const QStringList &paths);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
};

void TestFileImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_store = CallStore::open(m_dir->filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_pipeline = std::make_unique<IngestPipeline>(m_store.get());
}

void TestFileImporter::cleanup()
{
    m_pipeline.reset();
    m_store.reset();
    m_dir.reset();
}

ImportSummary TestFileImporter::import(const QStringList &paths)
{
    FileImporter importer(m_pipeline.get());
    const ImportSummary summary = importer.importPaths(paths);
    m_store->flush();
    return summary;
}

void TestFileImporter::badRecordsAreNamedAndSkipped()
{
    const QString folder = m_dir->filePath(QStringLiteral("in"));
    writeFile(folder + QStringLiteral("/one.json"), observeBody(QStringLiteral("a1")));
    writeFile(folder + QStringLiteral("/many.json"),
              "[" + observeBody(QStringLiteral("b1")) + "," + R"({"call_id":"b2"})" + "," + observeBody(QStringLiteral("b3")) + "]");
    writeFile(folder + QStringLiteral("/nested/lines.jsonl"),
              observeBody(QStringLiteral("c1")).replace('\n', ' ') + "\n{broken\n" + observeBody(QStringLiteral("c3")).replace('\n', ' ') + "\n");
    writeFile(folder + QStringLiteral("/notes.txt"), "ignored: not an import format");

    const ImportSummary summary = import({folder});
    QCOMPARE(summary.imported, 5);
    QCOMPARE(summary.rejected(), 2);
    QCOMPARE(summary.rejections.at(0).location, folder + QStringLiteral("/many.json[1]"));
    QCOMPARE(summary.rejections.at(0).errors.fields(), QStringList{QStringLiteral("agent")});
    QCOMPARE(summary.rejections.at(1).location, folder + QStringLiteral("/nested/lines.jsonl:2"));
    QVERIFY(summary.rejections.at(1).errors.contains(QStringLiteral("non_field_errors")));

    CallReader reader(m_store->databasePath());
    QCOMPARE(reader.count(CallQuery()), 5);
    QVERIFY(!reader.callByCallId(QStringLiteral("b2")));
}

void TestFileImporter::reimportChangesNothing()
{
    const QString file = m_dir->filePath(QStringLiteral("calls.json"));
    writeFile(file, "[" + observeBody(QStringLiteral("r1")) + "," + observeBody(QStringLiteral("r2")) + "]");
    QCOMPARE(import({file}).imported, 2);
    CallReader reader(m_store->databasePath());
    const CallLog before = *reader.callByCallId(QStringLiteral("r1"));

    const ImportSummary again = import({file});
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.updated, 0);
    QCOMPARE(again.unchanged, 2);
    QCOMPARE(reader.count(CallQuery()), 2);
    const CallLog after = *reader.callByCallId(QStringLiteral("r1"));
    QCOMPARE(after.id, before.id);
    QCOMPARE(after.updatedAt, before.updatedAt);
}

void TestFileImporter::changedFileUpdatesInPlace()
{
    const QString file = m_dir->filePath(QStringLiteral("call.json"));
    writeFile(file, observeBody(QStringLiteral("u1")));
    import({file});
    writeFile(file, observeBody(QStringLiteral("u1"), QStringLiteral(R"("call_ended_reason":"voicemail")")));
    const ImportSummary summary = import({file});
    QCOMPARE(summary.updated, 1);
    CallReader reader(m_store->databasePath());
    QCOMPARE(reader.count(CallQuery()), 1);
    QCOMPARE(reader.callByCallId(QStringLiteral("u1"))->callEndedReason, QStringLiteral("voicemail"));
}

void TestFileImporter::relativeRecordingIsCopied()
{
    const QString folder = m_dir->filePath(QStringLiteral("with-audio"));
    writeFile(folder + QStringLiteral("/audio/call.wav"), QByteArray("RIFF....WAVEfmt fake audio bytes"));
    writeFile(folder + QStringLiteral("/call.json"),
              observeBody(QStringLiteral("rec1"), QStringLiteral(R"("voice_recording":"audio/call.wav")")));
    QCOMPARE(import({folder}).imported, 1);

    CallReader reader(m_store->databasePath());
    const CallLog call = *reader.callByCallId(QStringLiteral("rec1"));
    QVERIFY(!call.recordingPath.isEmpty());
    QVERIFY(call.recordingPath.endsWith(QLatin1String(".wav")));
    QFile stored(QDir(m_store->recordingsDir()).filePath(call.recordingPath));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), QByteArray("RIFF....WAVEfmt fake audio bytes"));
}

void TestFileImporter::missingRecordingIsRejected()
{
    const QString file = m_dir->filePath(QStringLiteral("call.json"));
    writeFile(file, observeBody(QStringLiteral("m1"), QStringLiteral(R"("voice_recording":"nowhere.ogg")")));
    const ImportSummary summary = import({file});
    QCOMPARE(summary.rejected(), 1);
    QVERIFY(summary.rejections.first().errors.contains(QStringLiteral("voice_recording")));
    QCOMPARE(CallReader(m_store->databasePath()).count(CallQuery()), 0);
}

void TestFileImporter::networkBodiesCannotNameLocalFiles()
{
    // Only file import may point at local files; any other source (the listener) must not
    // be able to make Callscope copy a file of the sender's choosing.
    const QString secret = m_dir->filePath(QStringLiteral("secret.wav"));
    writeFile(secret, QByteArray("not for the network"));
    const QJsonObject body = QJsonDocument::fromJson(
        observeBody(QStringLiteral("n1"), QStringLiteral(R"("voice_recording":"%1")").arg(secret))).object();
    const PreparedCall prepared = m_pipeline->prepare(body, IngestSource());
    QVERIFY(!prepared.isValid());
    QVERIFY(prepared.errors.contains(QStringLiteral("voice_recording")));
    QVERIFY(QDir(m_store->recordingsDir()).entryList(QDir::Files).isEmpty());
}

void TestFileImporter::exportReadsBack_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("jsonl") << int(CallExporter::Format::JsonLines) << "jsonl";
    QTest::newRow("csv") << int(CallExporter::Format::Csv) << "csv";
}

void TestFileImporter::exportReadsBack()
{
    QFETCH(int, format);
    QFETCH(QString, suffix);
    const QString file = m_dir->filePath(QStringLiteral("calls.json"));
    writeFile(m_dir->filePath(QStringLiteral("a.wav")), QByteArray("RIFF fake"));
    writeFile(file, "[" + observeBody(QStringLiteral("e1"), QStringLiteral(R"("status":"reviewed_failure","feedback":"said \"no\", twice","metadata":{"k":[1,2]},"voice_recording":"a.wav")"))
                        + "," + observeBody(QStringLiteral("e2"), QStringLiteral(R"("assistant_id":"asst_x","customer_number":"+1555")")) + "]");
    QCOMPARE(import({file}).imported, 2);

    const QString exported = m_dir->filePath(QStringLiteral("export.") + suffix);
    {
        CallReader reader(m_store->databasePath());
        CallExporter exporter(reader, m_store->recordingsDir());
        QFile out(exported);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        CallQuery all;
        all.limit = 0;
        QCOMPARE(exporter.write(all, CallExporter::Format(format), &out, &error), 2);
    }

    QTemporaryDir otherDir;
    std::unique_ptr<CallStore> other = CallStore::open(otherDir.filePath(QStringLiteral("other.db")));
    IngestPipeline otherPipeline(other.get());
    FileImporter importer(&otherPipeline);
    const ImportSummary summary = importer.importPaths({exported});
    QVERIFY2(summary.rejected() == 0, summary.rejected() ? qPrintable(summary.rejections.first().errors.summary()) : "");
    QCOMPARE(summary.imported, 2);
    other->flush();

    CallReader original(m_store->databasePath());
    CallReader copy(other->databasePath());
    for (const QString &callId : {QStringLiteral("e1"), QStringLiteral("e2")}) {
        const CallLog a = *original.callByCallId(callId);
        const CallLog b = *copy.callByCallId(callId);
        QCOMPARE(b.toObserveJson(), a.toObserveJson());
        QCOMPARE(b.recordingPath.isEmpty(), a.recordingPath.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestFileImporter)
#include "tst_fileimporter.moc"
