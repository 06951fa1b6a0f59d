#include "recordingcachesettings.h"

#include "recordingcache.h"

#include <QSettings>

namespace {

const QString kMaxMegabytesKey = QStringLiteral("recordings/cacheMaxMegabytes");
const QString kDirectoryKey = QStringLiteral("recordings/cacheDirectory");

} // namespace

RecordingCacheSettings RecordingCacheSettings::load(const QSettings &settings)
{
    RecordingCacheSettings loaded;
    bool ok = false;
    const qint64 megabytes = settings.value(kMaxMegabytesKey).toLongLong(&ok);
    if (ok && megabytes > 0)
        loaded.maxMegabytes = megabytes;
    loaded.directory = settings.value(kDirectoryKey).toString().trimmed();
    return loaded;
}

void RecordingCacheSettings::save(QSettings &settings) const
{
    settings.setValue(kMaxMegabytesKey, maxMegabytes);
    settings.setValue(kDirectoryKey, directory);
}

QString RecordingCacheSettings::effectiveDirectory() const
{
    return directory.isEmpty() ? RecordingCache::defaultDirectory() : directory;
}

void RecordingCacheSettings::applyTo(RecordingCache *cache) const
{
    cache->setDirectory(effectiveDirectory());
    cache->setMaxBytes(maxBytes());
}
