#pragma once

#include "waveformpeaks.h"

#include <QFuture>
#include <QString>

// Loads the waveform peaks of a recording off the calling thread: from the cache when a
// file with the same content was seen before (keyed by ContentKey, so a renamed or
// re-downloaded copy hits too), else by decoding it (AudioDecoder) and caching the result.
// The future reports progress (0-1000, by decoded time) and stops early when cancelled.
class PeaksLoader
{
public:
    struct Result
    {
        WaveformPeaks peaks;
        bool fromCache = false;
        QString error;          // set: no peaks (the file could not be read or decoded)
    };

    static constexpr int ProgressRange = 1000;

    // `cacheDir` is created when missing; an empty one caches nothing.
    static QFuture<Result> load(const QString &path, const QString &cacheDir);
};
