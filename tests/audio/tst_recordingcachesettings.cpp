// The cache's user settings: defaults when unset or unusable, a round trip through
// QSettings under the documented keys, and what they set on a RecordingCache.

#include "audio/recordingcache.h"
#include "audio/recordingcachesettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestRecordingCacheSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void unusableSizeReadsAsDefault();
    void roundTrip();
    void appliedToTheCache();

private:
    QTemporaryDir m_dir;
    QString configPath() const { return m_dir.filePath(QStringLiteral("callscope.conf")); }
};

void TestRecordingCacheSettings::defaults()
{
    QSettings settings(m_dir.filePath(QStringLiteral("empty.conf")), QSettings::IniFormat);
    const RecordingCacheSettings loaded = RecordingCacheSettings::load(settings);
    QCOMPARE(loaded.maxMegabytes, 2048);
    QCOMPARE(loaded.maxBytes(), RecordingCache::DefaultMaxBytes);
    QCOMPARE(loaded.directory, QString());
    QCOMPARE(loaded.effectiveDirectory(), RecordingCache::defaultDirectory());
}

void TestRecordingCacheSettings::unusableSizeReadsAsDefault()
{
    QSettings settings(m_dir.filePath(QStringLiteral("bad.conf")), QSettings::IniFormat);
    for (const QVariant &bad : {QVariant(0), QVariant(-5), QVariant(QStringLiteral("lots"))}) {
        settings.setValue(QStringLiteral("recordings/cacheMaxMegabytes"), bad);
        QCOMPARE(RecordingCacheSettings::load(settings).maxMegabytes, RecordingCacheSettings::DefaultMaxMegabytes);
    }
}

void TestRecordingCacheSettings::roundTrip()
{
    RecordingCacheSettings chosen;
    chosen.maxMegabytes = 300;
    chosen.directory = m_dir.filePath(QStringLiteral("cache"));
    {
        QSettings settings(configPath(), QSettings::IniFormat);
        chosen.save(settings);
    }
    QSettings settings(configPath(), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("recordings/cacheMaxMegabytes")).toLongLong(), 300);
    QCOMPARE(settings.value(QStringLiteral("recordings/cacheDirectory")).toString(), chosen.directory);
    QCOMPARE(RecordingCacheSettings::load(settings), chosen);
}

void TestRecordingCacheSettings::appliedToTheCache()
{
    RecordingCacheSettings chosen;
    chosen.maxMegabytes = 5;
    chosen.directory = m_dir.filePath(QStringLiteral("cache"));
    RecordingCache cache;
    chosen.applyTo(&cache);
    QCOMPARE(cache.maxBytes(), 5 * 1024 * 1024);
    QCOMPARE(cache.directory(), chosen.directory);
}

QTEST_GUILESS_MAIN(TestRecordingCacheSettings)
#include "tst_recordingcachesettings.moc"
