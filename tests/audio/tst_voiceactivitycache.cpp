#include "audio/voiceactivitycache.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// A recording's speech runs are decoded once and then read from the cache, also for a
// copy under another name; a cache of another format is not trusted.
class TstVoiceActivityCache : public QObject
{
    Q_OBJECT

private slots:
    void bytesRoundTrip();
    void decodesOnceThenReadsTheCache();
    void unreadableRecording();
};

void TstVoiceActivityCache::bytesRoundTrip()
{
    const QList<SpeechRuns> channels{{{0.5, 1.25}, {2.0, 3.5}}, {}};
    QCOMPARE(VoiceActivityCache::fromBytes(VoiceActivityCache::toBytes(channels)), std::optional(channels));
    QVERIFY(!VoiceActivityCache::fromBytes(QByteArrayLiteral("{\"version\":0,\"channels\":[]}")));
    QVERIFY(!VoiceActivityCache::fromBytes(QByteArrayLiteral("{\"version\":1,\"channels\":[[[1]]]}")));
    QVERIFY(!VoiceActivityCache::fromBytes(QByteArrayLiteral("not json")));
}

void TstVoiceActivityCache::decodesOnceThenReadsTheCache()
{
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("call.wav"));
    QProcess sox;
    // One second of silence, then a second of a tone on the left channel only.
    sox.start(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"),
                                      QStringLiteral("2"), recording, QStringLiteral("synth"), QStringLiteral("1"),
                                      QStringLiteral("sine"), QStringLiteral("200"), QStringLiteral("sine"), QStringLiteral("200"),
                                      QStringLiteral("remix"), QStringLiteral("1"), QStringLiteral("0"),
                                      QStringLiteral("pad"), QStringLiteral("1"), QStringLiteral("0")});
    QVERIFY(sox.waitForFinished(30000) && sox.exitCode() == 0);

    const QString cache = dir.filePath(QStringLiteral("cache"));
    const VoiceActivityCache::Result first = VoiceActivityCache::load(recording, cache);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QVERIFY(!first.fromCache);
    QCOMPARE(first.channels.size(), 2);
    QCOMPARE(first.channels[0].size(), 1);
    QVERIFY(std::abs(first.channels[0].first().start - 1.0) < 0.05);
    QVERIFY(first.channels[1].isEmpty());

    const VoiceActivityCache::Result again = VoiceActivityCache::load(recording, cache);
    QVERIFY(again.fromCache);
    QCOMPARE(again.channels, first.channels);
    const QString copy = dir.filePath(QStringLiteral("copy.wav"));
    QVERIFY(QFile::copy(recording, copy));
    QVERIFY(VoiceActivityCache::load(copy, cache).fromCache);
    QVERIFY(!VoiceActivityCache::load(recording, QString()).fromCache);   // no cache folder: decoded
}

void TstVoiceActivityCache::unreadableRecording()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.wav"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("RIFF but not a wave file at all");
    file.close();
    const VoiceActivityCache::Result result = VoiceActivityCache::load(broken, dir.filePath(QStringLiteral("cache")));
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.channels.isEmpty());
    QVERIFY(QDir(dir.filePath(QStringLiteral("cache"))).entryList({QStringLiteral("*.vad.json")}).isEmpty());
}

QTEST_GUILESS_MAIN(TstVoiceActivityCache)
#include "tst_voiceactivitycache.moc"
