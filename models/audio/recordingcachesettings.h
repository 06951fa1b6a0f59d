#pragma once

#include <QString>

class QSettings;
class RecordingCache;

// The user's settings of the RecordingCache, kept in QSettings as
// recordings/cacheMaxMegabytes and recordings/cacheDirectory (the [recordings] group of
// callscope.conf). A missing or unusable value reads as its default.
struct RecordingCacheSettings
{
    static constexpr qint64 DefaultMaxMegabytes = 2048;

    qint64 maxMegabytes = DefaultMaxMegabytes;
    QString directory;      // empty: RecordingCache::defaultDirectory()

    static RecordingCacheSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    qint64 maxBytes() const { return maxMegabytes * 1024 * 1024; }
    // The folder the cache uses: `directory`, or the default one.
    QString effectiveDirectory() const;
    void applyTo(RecordingCache *cache) const;

    bool operator==(const RecordingCacheSettings &) const = default;
};
