#pragma once

#include <QString>

// Names a recording by its content (hex SHA-1), so caches made from it (waveform peaks,
// solo channels) are found again for a renamed or re-downloaded copy. Hashing an hour of
// MP3 costs more than reading its peaks, so the key of a file is remembered in the cache
// folder under its path, size and modification time: the same file opened again skips
// the hash; a changed or replaced one is hashed anew. Blocking: call it off the GUI thread.
class ContentKey
{
public:
    // The key of `path`, remembered in `cacheDir` (not remembered when it is empty);
    // empty when the file cannot be read.
    static QString of(const QString &path, const QString &cacheDir);
    // The key computed from the bytes, without remembering it.
    static QString hash(const QString &path);
};
