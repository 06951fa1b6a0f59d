#include "audio/contentkey.h"
#include "audio/peaksloader.h"
#include "testrecordings.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

constexpr int kRate = 8000;

using TestRecordings::stereoWav;

PeaksLoader::Result load(const QString &path, const QString &cacheDir)
{
    QFuture<PeaksLoader::Result> future = PeaksLoader::load(path, cacheDir);
    future.waitForFinished();
    return future.resultCount() > 0 ? future.result() : PeaksLoader::Result();
}

float largest(const WaveformPeaks &peaks, int channel, int fromBucket, int toBucket)
{
    float value = -1.0f;
    for (int bucket = fromBucket; bucket < toBucket; ++bucket)
        value = std::max(value, peaks.maximum(channel, bucket));
    return value;
}

} // namespace

class TestPeaksLoader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void peaksFollowEachChannel();
    void secondLoadComesFromTheCache();
    void compressedAudioDecodes();
    void unreadableFileSaysWhy();
    void cancelStopsAndCachesNothing();

private:
    QString writeWav(const QString &name, double seconds);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cache;
};

void TestPeaksLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cache = m_dir->filePath(QStringLiteral("peaks-cache"));
}

QString TestPeaksLoader::writeWav(const QString &name, double seconds)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(stereoWav(seconds)) < 0)
        return {};
    return path;
}

void TestPeaksLoader::peaksFollowEachChannel()
{
    const QString path = writeWav(QStringLiteral("call.wav"), 2.0);
    const PeaksLoader::Result result = load(path, m_cache);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    const WaveformPeaks &peaks = result.peaks;
    QCOMPARE(peaks.channels(), 2);
    QCOMPARE(peaks.sampleRate(), kRate);
    QCOMPARE(peaks.durationMs(), 2000);
    QCOMPARE(peaks.bucketCount(), 2 * WaveformPeaks::BucketsPerSecond);
    QVERIFY(!result.fromCache);
    // Left: the sine's crest in every 10 ms bucket (4.4 periods each).
    for (int bucket = 0; bucket < peaks.bucketCount(); ++bucket) {
        QVERIFY2(peaks.maximum(0, bucket) > 0.49f && peaks.maximum(0, bucket) < 0.51f, qPrintable(QString::number(bucket)));
        QVERIFY(peaks.minimum(0, bucket) < -0.49f);
    }
    // Right: silent, then a quarter scale from 1.0 s to 1.5 s, then silent again.
    QCOMPARE(largest(peaks, 1, 0, 100), 0.0f);
    QVERIFY(std::abs(largest(peaks, 1, 100, 150) - 0.25f) < 0.001f);
    QCOMPARE(peaks.minimum(1, 120), peaks.maximum(1, 120));
    QCOMPARE(largest(peaks, 1, 150, 200), 0.0f);
}

void TestPeaksLoader::secondLoadComesFromTheCache()
{
    const QString path = writeWav(QStringLiteral("call.wav"), 1.0);
    const PeaksLoader::Result first = load(path, m_cache);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QVERIFY(QFile::exists(QDir(m_cache).filePath(ContentKey::hash(path) + QStringLiteral(".peaks"))));
    // A copy under another name has the same content, so the same cache entry.
    const QString copy = m_dir->filePath(QStringLiteral("copy.wav"));
    QVERIFY(QFile::copy(path, copy));
    const PeaksLoader::Result second = load(copy, m_cache);
    QVERIFY(second.fromCache);
    QCOMPARE(second.peaks.toBytes(), first.peaks.toBytes());
    // A damaged cache entry is decoded again, not trusted.
    QFile entry(QDir(m_cache).filePath(ContentKey::hash(path) + QStringLiteral(".peaks")));
    QVERIFY(entry.open(QIODevice::WriteOnly));
    entry.write("not peaks");
    entry.close();
    const PeaksLoader::Result third = load(path, m_cache);
    QVERIFY(!third.fromCache);
    QCOMPARE(third.peaks.toBytes(), first.peaks.toBytes());
    // The file changes under the same name: its new content is decoded, not the old peaks.
    QFile::remove(path);
    QVERIFY(!writeWav(QStringLiteral("call.wav"), 1.5).isEmpty());
    const PeaksLoader::Result changed = load(path, m_cache);
    QVERIFY(!changed.fromCache);
    QCOMPARE(changed.peaks.durationMs(), 1500);
}

void TestPeaksLoader::compressedAudioDecodes()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    QVERIFY2(!ffmpeg.isEmpty(), "ffmpeg (scripts/install-deps.sh) makes the MP3");
    const QString wav = writeWav(QStringLiteral("call.wav"), 2.0);
    const QString mp3 = m_dir->filePath(QStringLiteral("call.mp3"));
    QCOMPARE(QProcess::execute(ffmpeg, {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-i"), wav,
                                        QStringLiteral("-b:a"), QStringLiteral("64k"), mp3}),
             0);
    const PeaksLoader::Result result = load(mp3, QString());
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.peaks.channels(), 2);
    QCOMPARE(result.peaks.sampleRate(), kRate);
    // MP3 pads the start with the encoder's delay: about 2 s, not exactly.
    QVERIFY2(std::abs(result.peaks.durationMs() - 2000) < 200, qPrintable(QString::number(result.peaks.durationMs())));
    QVERIFY(largest(result.peaks, 0, 20, 80) > 0.4f);
}

void TestPeaksLoader::unreadableFileSaysWhy()
{
    const QString path = m_dir->filePath(QStringLiteral("notes.wav"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are not samples");
    file.close();
    const PeaksLoader::Result result = load(path, m_cache);
    QVERIFY(result.peaks.isEmpty());
    QVERIFY2(result.error.startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")), qPrintable(result.error));

    const PeaksLoader::Result missing = load(m_dir->filePath(QStringLiteral("gone.wav")), m_cache);
    QVERIFY2(missing.error.contains(QStringLiteral("cannot be opened")), qPrintable(missing.error));
}

void TestPeaksLoader::cancelStopsAndCachesNothing()
{
    // Half an hour: long enough to be still decoding when the first progress is seen.
    const QString path = writeWav(QStringLiteral("long.wav"), 1800.0);
    QFuture<PeaksLoader::Result> future = PeaksLoader::load(path, m_cache);
    QTRY_VERIFY(future.progressValue() > 0);
    QVERIFY(!future.isFinished());
    future.cancel();
    future.waitForFinished();
    QVERIFY(future.isCanceled());
    QVERIFY(!QFile::exists(QDir(m_cache).filePath(ContentKey::hash(path) + QStringLiteral(".peaks"))));
}

QTEST_GUILESS_MAIN(TestPeaksLoader)
#include "tst_peaksloader.moc"
