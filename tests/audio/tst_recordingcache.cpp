// The playback cache of remote recordings: downloads once and hits after (across
// restarts too), shares a download between requests, says why a download failed in a
// sentence, leaves nothing behind a failed one, and stays within its size by evicting
// the least recently used files. A loopback host plays the recording server, so the
// tests allow private hosts, but one.

#include "../ingest/testrecordinghost.h"
#include "audio/recordingcache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray recording(char fill, int size = 4000)
{
    return QByteArray("RIFF") + QByteArray(size - 4, fill);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Files in the cache's partial-download folder (none ever, where temporary files are
// unnamed until renamed: Linux's O_TMPFILE).
int partialFiles(const QString &directory)
{
    return int(QDir(QDir(directory).filePath(QStringLiteral(".incoming"))).entryList(QDir::Files).size());
}

void setLastUsed(const QString &path, const QDateTime &time)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
}

} // namespace

class TestRecordingCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void downloadDeliversTheBytes();
    void secondRequestHitsTheCache();
    void hitAfterRestart();
    void concurrentRequestsShareOneDownload();
    void failureSaysWhy_data();
    void failureSaysWhy();
    void connectionRefusedSaysWhy();
    void loopbackRefusedByDefault();
    void evictsLeastRecentlyUsed();
    void deliveredFileIsNeverEvicted();
    void foreignFilesAreLeftAlone();
    void localFilesAreNotCopied();
    void cancelledDownloadLeavesNothing();

private:
    std::unique_ptr<RecordingCache> newCache() const;
    // Requests `url` and waits for its end: the ready() path, or empty with `reason` set.
    static QString fetch(RecordingCache *cache, const QUrl &url, QString *reason = nullptr);

    TestRecordingHost m_host;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRecordingCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_host.start());
    m_host.serve("/a.wav", {"200 OK", recording('a')});
    m_host.serve("/b.wav", {"200 OK", recording('b')});
    m_host.serve("/c.wav", {"200 OK", recording('c')});
    m_host.serve("/missing.wav", {"404 Not Found", "no such recording"});
    m_host.serve("/busy.wav", {"503 Service Unavailable", "busy"});
    m_host.serve("/huge.wav", {"200 OK", recording('h'), "999999999"});
    m_host.serve("/cut.wav", {"200 OK", recording('p', 1000), "4000"});
    m_host.serve("/stall.wav", TestRecordingHost::Answer::stalling());
}

void TestRecordingCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_host.paths.clear();
}

std::unique_ptr<RecordingCache> TestRecordingCache::newCache() const
{
    auto cache = std::make_unique<RecordingCache>();
    cache->setDirectory(m_dir->path());
    cache->setHostPolicy(RecordingHostPolicy(true));
    RecordingDownload::Limits limits;
    limits.maxBytes = 1024 * 1024;
    cache->setLimits(limits);
    return cache;
}

QString TestRecordingCache::fetch(RecordingCache *cache, const QUrl &url, QString *reason)
{
    QSignalSpy ready(cache, &RecordingCache::ready);
    QSignalSpy failed(cache, &RecordingCache::failed);
    cache->request(url);
    if (!QTest::qWaitFor([&] { return ready.size() + failed.size() > 0; }, 10000))
        return {};
    if (!failed.isEmpty()) {
        if (reason)
            *reason = failed.first().at(1).toString();
        return {};
    }
    if (ready.first().at(0).toUrl() != url)
        return {};
    return ready.first().at(1).toString();
}

void TestRecordingCache::downloadDeliversTheBytes()
{
    auto cache = newCache();
    QSignalSpy progress(cache.get(), &RecordingCache::progress);
    const QString path = fetch(cache.get(), m_host.url(QStringLiteral("/a.wav")));
    QVERIFY(!path.isEmpty());
    QCOMPARE(contentOf(path), recording('a'));
    QCOMPARE(QFileInfo(path).absolutePath(), QDir(m_dir->path()).absolutePath());
    QCOMPARE(QFileInfo(path).suffix(), QStringLiteral("wav"));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(recording('a').size()));
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(recording('a').size()));
    QCOMPARE(partialFiles(m_dir->path()), 0);
}

void TestRecordingCache::secondRequestHitsTheCache()
{
    auto cache = newCache();
    const QUrl url = m_host.url(QStringLiteral("/a.wav"));
    const QString first = fetch(cache.get(), url);
    QVERIFY(!first.isEmpty());

    QSignalSpy ready(cache.get(), &RecordingCache::ready);
    cache->request(url);
    QCOMPARE(ready.size(), 0);   // never from inside request()
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.first().at(1).toString(), first);
    QCOMPARE(m_host.requestsFor("/a.wav"), 1);
}

void TestRecordingCache::hitAfterRestart()
{
    const QUrl url = m_host.url(QStringLiteral("/b.wav"));
    QVERIFY(!fetch(newCache().get(), url).isEmpty());
    const QString path = fetch(newCache().get(), url);
    QCOMPARE(contentOf(path), recording('b'));
    QCOMPARE(m_host.requestsFor("/b.wav"), 1);
}

void TestRecordingCache::concurrentRequestsShareOneDownload()
{
    auto cache = newCache();
    const QUrl url = m_host.url(QStringLiteral("/c.wav"));
    QSignalSpy ready(cache.get(), &RecordingCache::ready);
    cache->request(url);
    cache->request(url);
    QVERIFY(cache->isPending(url));
    QVERIFY(ready.wait(10000));
    QVERIFY(!cache->isPending(url));
    QCOMPARE(m_host.requestsFor("/c.wav"), 1);
    QCOMPARE(ready.size(), 1);
}

void TestRecordingCache::failureSaysWhy_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("404") << "/missing.wav" << "The recording could not be downloaded from 127.0.0.1: HTTP 404 Not Found.";
    QTest::newRow("503, one attempt") << "/busy.wav"
                                      << "The recording could not be downloaded from 127.0.0.1: HTTP 503 Service Unavailable.";
    QTest::newRow("over the size limit") << "/huge.wav"
                                         << "The recording could not be downloaded from 127.0.0.1: the recording is 999999999 "
                                            "bytes, over the limit of 1048576.";
    QTest::newRow("cut short") << "/cut.wav"
                               << "The recording could not be downloaded from 127.0.0.1: the answer ended after 1000 of 4000 bytes";
}

void TestRecordingCache::failureSaysWhy()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    auto cache = newCache();
    QString failure;
    QVERIFY(fetch(cache.get(), m_host.url(path), &failure).isEmpty());
    QVERIFY2(failure.startsWith(reason), qPrintable(failure));
    // Nothing left behind: neither in the cache nor half-downloaded.
    QCOMPARE(RecordingCache::usage(m_dir->path()).files, 0);
    QCOMPARE(partialFiles(m_dir->path()), 0);
}

void TestRecordingCache::connectionRefusedSaysWhy()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    auto cache = newCache();
    QString failure;
    QVERIFY(fetch(cache.get(), QUrl(QStringLiteral("http://127.0.0.1:%1/a.wav").arg(port)), &failure).isEmpty());
    QCOMPARE(failure, QStringLiteral("The recording could not be downloaded from 127.0.0.1: Connection refused."));
}

void TestRecordingCache::loopbackRefusedByDefault()
{
    RecordingCache cache;
    cache.setDirectory(m_dir->path());
    QString failure;
    QVERIFY(fetch(&cache, m_host.url(QStringLiteral("/a.wav")), &failure).isEmpty());
    QCOMPARE(failure, QStringLiteral("The recording was not downloaded from 127.0.0.1: 127.0.0.1 is a loopback address "
                                     "(private recording hosts are not allowed)."));
    QCOMPARE(m_host.paths, QList<QByteArray>());   // not even asked
}

void TestRecordingCache::evictsLeastRecentlyUsed()
{
    auto cache = newCache();
    const qint64 size = recording('a').size();
    cache->setMaxBytes(size * 5 / 2);   // room for two
    const QString a = fetch(cache.get(), m_host.url(QStringLiteral("/a.wav")));
    const QString b = fetch(cache.get(), m_host.url(QStringLiteral("/b.wav")));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    // a downloaded before b, then used again: b is the least recently used.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    setLastUsed(a, now.addSecs(-200));
    setLastUsed(b, now.addSecs(-100));
    QCOMPARE(fetch(cache.get(), m_host.url(QStringLiteral("/a.wav"))), a);

    const QString c = fetch(cache.get(), m_host.url(QStringLiteral("/c.wav")));
    QVERIFY(!c.isEmpty());
    QVERIFY(QFile::exists(a));
    QVERIFY(!QFile::exists(b));
    QVERIFY(QFile::exists(c));
    const RecordingCache::Usage usage = RecordingCache::usage(m_dir->path());
    QCOMPARE(usage.files, 2);
    QVERIFY(usage.bytes <= cache->maxBytes());
    QCOMPARE(m_host.requestsFor("/a.wav"), 1);
}

// Room for less than two: a new download pushes out the older file, never itself, even
// when the older one was used more recently than the new one's clock says.
void TestRecordingCache::deliveredFileIsNeverEvicted()
{
    auto cache = newCache();
    cache->setMaxBytes(recording('a').size() * 3 / 2);
    const QString a = fetch(cache.get(), m_host.url(QStringLiteral("/a.wav")));
    setLastUsed(a, QDateTime::currentDateTimeUtc().addSecs(3600));
    const QString b = fetch(cache.get(), m_host.url(QStringLiteral("/b.wav")));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QVERIFY(!QFile::exists(a));
    QCOMPARE(contentOf(b), recording('b'));
}

// The folder is the user's choice and may hold anything: only cache files count and go.
void TestRecordingCache::foreignFilesAreLeftAlone()
{
    const QString foreign = QDir(m_dir->path()).filePath(QStringLiteral("notes.wav"));
    QFile file(foreign);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(100'000, 'x'));
    file.close();
    auto cache = newCache();
    cache->setMaxBytes(recording('a').size() * 3 / 2);
    QVERIFY(!fetch(cache.get(), m_host.url(QStringLiteral("/a.wav"))).isEmpty());
    QVERIFY(!fetch(cache.get(), m_host.url(QStringLiteral("/b.wav"))).isEmpty());
    QCOMPARE(RecordingCache::usage(m_dir->path()).files, 1);
    RecordingCache::clear(m_dir->path());
    QCOMPARE(RecordingCache::usage(m_dir->path()).files, 0);
    QVERIFY(QFile::exists(foreign));
}

void TestRecordingCache::localFilesAreNotCopied()
{
    const QString local = QDir(m_dir->path()).filePath(QStringLiteral("local.wav"));
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(recording('l'));
    file.close();
    auto cache = newCache();
    QCOMPARE(fetch(cache.get(), QUrl::fromLocalFile(local)), local);
    QCOMPARE(fetch(cache.get(), QUrl(local)), local);
    QString failure;
    const QString gone = QDir(m_dir->path()).filePath(QStringLiteral("gone.wav"));
    QVERIFY(fetch(cache.get(), QUrl::fromLocalFile(gone), &failure).isEmpty());
    QCOMPARE(failure, QStringLiteral("The recording file %1 does not exist.").arg(gone));
    QCOMPARE(RecordingCache::usage(m_dir->path()).files, 0);
    QCOMPARE(m_host.paths, QList<QByteArray>());
}

void TestRecordingCache::cancelledDownloadLeavesNothing()
{
    auto cache = newCache();
    const QUrl stalled = m_host.url(QStringLiteral("/stall.wav"));
    QSignalSpy ready(cache.get(), &RecordingCache::ready);
    QSignalSpy failed(cache.get(), &RecordingCache::failed);
    cache->request(stalled);
    QTRY_COMPARE(m_host.requestsFor("/stall.wav"), 1);
    cache->cancel(stalled);
    QVERIFY(!cache->isPending(stalled));
    // Another download's end comes after whatever the cancelled one would have sent.
    QVERIFY(!fetch(cache.get(), m_host.url(QStringLiteral("/a.wav"))).isEmpty());
    QCOMPARE(ready.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(partialFiles(m_dir->path()), 0);
}

QTEST_GUILESS_MAIN(TestRecordingCache)
#include "tst_recordingcache.moc"
