// The importer: bad records amid good ones and where they are reported, idempotent
// re-import, relative recordings, the export formats reading back into the same calls,
// and streaming: a pipe is read as it is written, with a bounded number of calls in flight.

#include "ingest/callexporter.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/callwriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QtConcurrent>

#include <atomic>
#include <thread>

#include <csignal>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    void errorsNameTheirLocation_data();
    void errorsNameTheirLocation();
    void pipeIsReadIncrementallyWithBoundedCallsInFlight();
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

void TestFileImporter::errorsNameTheirLocation_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("imported");
    QTest::addColumn<QStringList>("lines");
    const QByteArray good = observeBody(QStringLiteral("g1")).replace('\n', ' ');
    const QByteArray csvTranscript = R"("[{""role"":""Main Agent"",""content"":""Hi"",""start_time"":0,""end_time"":1}]")";

    QTest::newRow("array element not an object")
        << "a.json" << QByteArray("[" + good + ",\n 42]") << 1 << QStringList{"a.json[1]: non_field_errors: Expected a JSON object (an observe body)."};
    QTest::newRow("array element invalid")
        << "a.json" << QByteArray("[" + good + ",\n{\"call_id\":tru}]") << 1 << QStringList{"a.json:2: non_field_errors: Invalid JSON: illegal value."};
    QTest::newRow("array missing separator")
        << "a.json" << QByteArray("[" + good + "\n\n {}]") << 1 << QStringList{"a.json:3: non_field_errors: Invalid JSON: missing value separator."};
    QTest::newRow("array element field")
        << "a.json" << QByteArray("[\n{\"call_id\":\"x\"}]") << 0 << QStringList{"a.json[0]: agent: Either agent or assistant_id is required."};
    QTest::newRow("one body invalid")
        << "b.json" << QByteArray("{\"call_id\":\n\n}") << 0 << QStringList{"b.json:3: non_field_errors: Invalid JSON: object is missing after a comma."};
    QTest::newRow("not JSON") << "b.json" << QByteArray("\n\nhello") << 0 << QStringList{"b.json:3: non_field_errors: Invalid JSON: illegal value."};
    QTest::newRow("json lines in a .json file")
        << "c.json" << QByteArray(good + "\n{\"call_id\":\"x\"}\n") << 1 << QStringList{"c.json:2: agent: Either agent or assistant_id is required."};
    QTest::newRow("json lines")
        << "d.jsonl" << QByteArray(good + "\n\n{broken\n[1]\n") << 1
        << QStringList{"d.jsonl:3: non_field_errors: Invalid JSON: unterminated object at column 3.",
                       "d.jsonl:4: non_field_errors: Expected a JSON object (one observe body per line)."};
    QTest::newRow("csv columns")
        << "e.csv" << QByteArray("call_id,agent,transcript_json\nc1,3," + csvTranscript + "\nc2\n") << 1
        << QStringList{"e.csv:3: non_field_errors: Row has 1 columns, the header has 3."};
    QTest::newRow("csv unterminated quote")
        << "e.csv" << QByteArray("call_id,agent,transcript_json\nc1,3," + csvTranscript + "\nc2,3,\"[\n") << 1
        << QStringList{"e.csv: non_field_errors: Malformed CSV, line 3: unterminated quoted field."};
}

// Streaming keeps every error's wording and location (file:line, file[index]) as the
// whole-file reading had them.
void TestFileImporter::errorsNameTheirLocation()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, imported);
    QFETCH(QStringList, lines);
    QVERIFY(QDir::setCurrent(m_dir->path()));
    writeFile(fileName, content);
    const ImportSummary summary = import({fileName});
    QStringList reported;
    for (const ImportRejection &rejection : summary.rejections)
        reported += rejection.lines();
    QCOMPARE(reported, lines);
    QCOMPARE(summary.imported, imported);
}

// A file far larger than what the importer holds, written into a pipe while the store's
// writer is held up: the importer reads only as far as its bound of calls in flight,
// then waits for the writer (back-pressure) instead of reading on.
void TestFileImporter::pipeIsReadIncrementallyWithBoundedCallsInFlight()
{
    constexpr int kCalls = 5000;
    const QByteArray fifo = QFile::encodeName(m_dir->filePath(QStringLiteral("calls.jsonl")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);

    std::atomic<int> committed{0};
    const QMetaObject::Connection counting = connect(m_store.get(), &CallStore::callsChanged, this,
            [&committed](const QList<qint64> &ids) { committed += int(ids.size()); }, Qt::DirectConnection);
    QSemaphore writerHeld;
    m_store->logRequests([&writerHeld] { writerHeld.acquire(); return QList<RequestLogEntry>{}; },
                         [](const QList<qint64> &) {});

    std::atomic<int> written{0};
    std::atomic<int> mostAhead{0}; // written and not committed, at most
    std::atomic<qsizetype> recordSize{0};
    std::thread producer([&] {
        const int fd = ::open(fifo.constData(), O_WRONLY);
        for (int i = 0; i < kCalls && fd >= 0; ++i) {
            const QByteArray record = observeBody(QStringLiteral("p%1").arg(i)).replace('\n', ' ') + '\n';
            recordSize = record.size();
            for (qsizetype done = 0; done < record.size();) {
                const auto n = ::write(fd, record.constData() + done, size_t(record.size() - done));
                if (n <= 0)
                    break;
                done += n;
            }
            const int ahead = ++written - committed;
            if (ahead > mostAhead)
                mostAhead = ahead;
        }
        if (fd >= 0)
            ::close(fd);
    });
    QFuture<ImportSummary> importing = QtConcurrent::run([this, &fifo] {
        FileImporter importer(m_pipeline.get());
        return importer.importPaths({QFile::decodeName(fifo)});
    });
    // Should the importer not read the pipe, a failed check must still end the producer
    // (blocked opening or writing the pipe) and the held writer.
    bool released = false;
    const auto unblock = qScopeGuard([&] {
        if (!released)
            writerHeld.release();
        ::signal(SIGPIPE, SIG_IGN);
        ::close(::open(fifo.constData(), O_RDONLY | O_NONBLOCK));
        importing.waitForFinished();
        producer.join();
        // callsChanged comes after the futures resolve: let the last one pass before
        // `committed` goes out of scope.
        m_store->flush();
        disconnect(counting);
    });

    // The importer takes calls up to its bound while nothing is committed ...
    QTRY_VERIFY_WITH_TIMEOUT(written >= FileImporter::MaxCallsInFlight, 60000);
    QCOMPARE(committed.load(), 0);
    writerHeld.release();
    released = true;
    importing.waitForFinished();
    const ImportSummary summary = importing.result();
    QCOMPARE(summary.rejected(), 0);
    QCOMPARE(summary.imported, kCalls);

    // ... and never more than that, plus what the pipe and one read chunk hold, plus one
    // writer group: callsChanged (which counts commits here) comes just after the futures
    // the importer waits on.
    const int buffered = int((64 * 1024 + 64 * 1024) / recordSize) + 2;
    QVERIFY2(mostAhead <= FileImporter::MaxCallsInFlight + buffered + CallWriter::MaxBatchWeight,
             qPrintable(QStringLiteral("%1 calls of %2 bytes were read ahead of the store")
                            .arg(mostAhead.load()).arg(recordSize.load())));
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
                        + "," + observeBody(QStringLiteral("e2"), QStringLiteral(R"("assistant_id":"asst_x","customer_number":"+1555")"))
                        // Word timings are exported as the cekura turns' words and read back.
                        + "," + R"({"call_id":"e3","agent":3,"transcript_type":"retell","transcript_json":[
                              {"role":"agent","content":"Hi, \"Sam\" here.","words":[{"word":"Hi, ","start":0.1,"end":0.4},
                                                                              {"word":"\"Sam\" here.","start":0.4,"end":1.3}]},
                              {"role":"user","content":"Bye."}]})" + "]");
    QCOMPARE(import({file}).imported, 3);

    const QString exported = m_dir->filePath(QStringLiteral("export.") + suffix);
    {
        CallReader reader(m_store->databasePath());
        CallExporter exporter(reader, m_store->recordingsDir());
        QFile out(exported);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        CallQuery all;
        all.limit = 0;
        QCOMPARE(exporter.write(all, CallExporter::Format(format), &out, &error), 3);
    }

    QTemporaryDir otherDir;
    std::unique_ptr<CallStore> other = CallStore::open(otherDir.filePath(QStringLiteral("other.db")));
    IngestPipeline otherPipeline(other.get());
    FileImporter importer(&otherPipeline);
    const ImportSummary summary = importer.importPaths({exported});
    QVERIFY2(summary.rejected() == 0, summary.rejected() ? qPrintable(summary.rejections.first().errors.summary()) : "");
    QCOMPARE(summary.imported, 3);
    other->flush();

    CallReader original(m_store->databasePath());
    CallReader copy(other->databasePath());
    for (const QString &callId : {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}) {
        const CallLog a = *original.callByCallId(callId);
        const CallLog b = *copy.callByCallId(callId);
        QCOMPARE(b.toObserveJson(), a.toObserveJson());
        QCOMPARE(b.turns, a.turns);
        QCOMPARE(b.recordingPath.isEmpty(), a.recordingPath.isEmpty());
    }
    const TimedWords words{{QStringLiteral("Hi,"), 0.1, 0.4}, {QStringLiteral("\"Sam\" here."), 0.4, 1.3}};
    QCOMPARE(copy.callByCallId(QStringLiteral("e3"))->turns.first().words, words);
    QVERIFY(copy.callByCallId(QStringLiteral("e3"))->turns.last().words.isEmpty());
}

QTEST_GUILESS_MAIN(TestFileImporter)
#include "tst_fileimporter.moc"
