// Background download of voice_recording_url: success attaches the file, failures land
// on the call's error_message, transient errors are retried, oversized bodies refused,
// and hosts the RecordingHostPolicy forbids (first URL or any redirect) are never asked.
// A loopback HTTP server (TestRecordingHost) plays the recording host, so every test but
// the refusal ones allows private hosts.

#include "ingest/recordingfetcher.h"
#include "testrecordinghost.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray audio()
{
    return QByteArray("RIFF") + QByteArray(4000, 'a');
}

} // namespace

class TestRecordingFetcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fetch_data();
    void fetch();
    void privateHostRefusedByDefault();
    void redirectToForbiddenHostRefused();
    void unfinishedDownloadResumesAfterRestart();
    void fetchByName();

private:
    qint64 storeCall(const QString &callId, const QString &url);
    // Fetches `path` from the test host; returns the call as stored afterwards.
    CallLog fetchFromHost(const QString &path, bool allowPrivateHosts, QString *error = nullptr);

    TestRecordingHost m_host;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
};

void TestRecordingFetcher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_host.start());
    const QByteArray port = QByteArray::number(m_host.serverPort());
    m_host.serve("/audio.wav", {"200 OK", audio()});
    m_host.serve("/missing.wav", {"404 Not Found", "no such recording"});
    m_host.serve("/flaky.wav", {"200 OK", audio()});
    m_host.serve("/huge.wav", {"200 OK", audio(), "999999999"});
    m_host.serve("/moved.wav", {"302 Found", "moved", {}, "/audio.wav"});
    // 0.0.0.0 reaches this host too.
    m_host.serve("/to-unspecified.wav", {"302 Found", "moved", {}, "http://0.0.0.0:" + port + "/audio.wav"});
    m_host.serve("/stall-once.wav", {"200 OK", audio()});
}

void TestRecordingFetcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = CallStore::open(m_dir->filePath(QStringLiteral("fetch.db")));
    QVERIFY(m_store);
    m_host.serveOnce("/flaky.wav", {"503 Service Unavailable", "busy"});
    m_host.serveOnce("/stall-once.wav", TestRecordingHost::Answer::stalling());
    m_host.paths.clear();
}

void TestRecordingFetcher::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestRecordingFetcher::storeCall(const QString &callId, const QString &url)
{
    CallLog call;
    call.callId = callId;
    call.agent = 1;
    call.voiceRecordingUrl = url;
    return m_store->upsert(call).result().id;
}

CallLog TestRecordingFetcher::fetchFromHost(const QString &path, bool allowPrivateHosts, QString *error)
{
    const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_host.serverPort()).arg(path);
    const qint64 id = storeCall(QStringLiteral("fetch") + path, url);
    RecordingFetcher fetcher(m_store.get());
    RecordingFetcher::Limits limits;
    limits.maxBytes = 1024 * 1024;
    limits.initialBackoffMs = 50;
    fetcher.setLimits(limits);
    fetcher.setHostPolicy(RecordingHostPolicy(allowPrivateHosts));
    QSignalSpy finished(&fetcher, &RecordingFetcher::finished);
    fetcher.fetch(id, QUrl(url));
    if (!finished.wait(10000))
        return {};
    if (error)
        *error = finished.first().at(1).toString();
    m_store->flush();
    return CallReader(m_store->databasePath()).callById(id).value_or(CallLog());
}

void TestRecordingFetcher::fetch_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("attached");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("ok") << "/audio.wav" << true << QString();
    QTest::newRow("retried after 503") << "/flaky.wav" << true << QString();
    QTest::newRow("404 is final") << "/missing.wav" << false << "404";
    QTest::newRow("over the size limit") << "/huge.wav" << false << "limit";
    QTest::newRow("redirect followed") << "/moved.wav" << true << QString();
}

void TestRecordingFetcher::fetch()
{
    QFETCH(QString, path);
    QFETCH(bool, attached);
    QFETCH(QString, errorPart);
    QString error;
    const CallLog call = fetchFromHost(path, true, &error);
    QVERIFY(call.id > 0);
    if (attached) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile file(QDir(m_store->recordingsDir()).filePath(call.recordingPath));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(call.recordingPath));
        QCOMPARE(file.readAll(), audio());
        // Sent to the checked address, still named as in the URL.
        QCOMPARE(m_host.lastHostHeader, "127.0.0.1:" + QByteArray::number(m_host.serverPort()));
        QVERIFY(call.errorMessage.isEmpty());
    } else {
        QVERIFY(call.recordingPath.isEmpty());
        QVERIFY2(call.errorMessage.contains(errorPart, Qt::CaseInsensitive), qPrintable(call.errorMessage));
    }
    // A partial download never reaches the recordings folder.
    QCOMPARE(QDir(m_store->recordingsDir()).entryList(QDir::Files).size(), attached ? 1 : 0);
}

void TestRecordingFetcher::privateHostRefusedByDefault()
{
    const CallLog call = fetchFromHost(QStringLiteral("/audio.wav"), false);
    QVERIFY(call.id > 0);
    QVERIFY(call.recordingPath.isEmpty());
    QVERIFY2(call.errorMessage.contains(QStringLiteral("127.0.0.1 is a loopback address")), qPrintable(call.errorMessage));
    QVERIFY2(call.errorMessage.contains(QStringLiteral("private recording hosts are not allowed")), qPrintable(call.errorMessage));
    QCOMPARE(m_host.paths, QList<QByteArray>());   // not even asked
}

void TestRecordingFetcher::redirectToForbiddenHostRefused()
{
    // 0.0.0.0 reaches the local machine; allowing private hosts does not allow it.
    const CallLog call = fetchFromHost(QStringLiteral("/to-unspecified.wav"), true);
    QVERIFY(call.id > 0);
    QVERIFY(call.recordingPath.isEmpty());
    QVERIFY2(call.errorMessage.contains(QStringLiteral("0.0.0.0 is an unspecified")), qPrintable(call.errorMessage));
    QCOMPARE(m_host.paths, QList<QByteArray>{"/to-unspecified.wav"});
    QCOMPARE(QDir(m_store->recordingsDir()).entryList(QDir::Files).size(), 0);
}

// A download cut short (the process killed, here the fetcher and store destroyed while the
// host has not answered) is still queued in the database and completes after a restart.
void TestRecordingFetcher::unfinishedDownloadResumesAfterRestart()
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/stall-once.wav").arg(m_host.serverPort());
    const qint64 id = storeCall(QStringLiteral("resumed"), url);
    {
        RecordingFetcher fetcher(m_store.get());
        fetcher.setHostPolicy(RecordingHostPolicy(true));
        QSignalSpy finished(&fetcher, &RecordingFetcher::finished);
        fetcher.fetch(id, QUrl(url));
        QTRY_COMPARE(m_host.paths.size(), 1);
        QCOMPARE(finished.size(), 0);
    }
    const QString path = m_store->databasePath();
    m_store.reset();
    QString error;
    m_store = CallStore::open(path, &error);
    QVERIFY2(m_store, qPrintable(error));
    QVERIFY(CallReader(path).callById(id)->recordingPath.isEmpty());

    RecordingFetcher fetcher(m_store.get());
    fetcher.setHostPolicy(RecordingHostPolicy(true));
    QSignalSpy finished(&fetcher, &RecordingFetcher::finished);
    fetcher.resumePending();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), id);
    QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
    m_store->flush();
    const CallLog call = *CallReader(path).callById(id);
    QFile file(QDir(m_store->recordingsDir()).filePath(call.recordingPath));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(call.recordingPath));
    QCOMPARE(file.readAll(), audio());

    // Done is done: a later start has nothing to resume.
    QCOMPARE(m_store->pendingRecordingFetches().result().size(), 0);
}

// By name: resolved, checked and connected to by address, the Host header keeping the
// name. Where "localhost" resolves to ::1 first (the host listens on 127.0.0.1 only), this
// also covers going on to the next checked address.
void TestRecordingFetcher::fetchByName()
{
    const QString url = QStringLiteral("http://localhost:%1/audio.wav").arg(m_host.serverPort());
    const qint64 id = storeCall(QStringLiteral("by-name"), url);
    RecordingFetcher fetcher(m_store.get());
    fetcher.setHostPolicy(RecordingHostPolicy(true));
    QSignalSpy finished(&fetcher, &RecordingFetcher::finished);
    fetcher.fetch(id, QUrl(url));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(m_host.lastHostHeader, "localhost:" + QByteArray::number(m_host.serverPort()));
}

QTEST_GUILESS_MAIN(TestRecordingFetcher)
#include "tst_recordingfetcher.moc"
