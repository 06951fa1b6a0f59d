#pragma once

#include <QString>

class QFile;

// Keeps files that hold secrets or other people's calls (the database and its -wal/-shm,
// the listener key, the request log and recordings folders) readable by their owner only.
// New files and folders are created owner-only from the start, never created and then
// narrowed; an existing one with a looser mode is narrowed with a warning, since other
// users of the machine may already have read it. POSIX modes; a no-op where there are none.
class OwnerOnlyAccess
{
public:
    // Creates `file` (it must not exist yet: O_CREAT|O_EXCL) as 0600 and opens it for
    // writing. False + errorString() on the file when it exists or cannot be created.
    static bool createNew(QFile &file);
    // Creates the folder (and missing parents) as 0700, or narrows an existing one.
    static bool ensureDir(const QString &path);
    // Narrows an existing file to 0600 (a folder to 0700), warning when it was looser.
    // True when it is owner-only now or does not exist.
    static bool restrict(const QString &path);
    // True when `path` exists and group or others have any access to it.
    static bool isLoose(const QString &path);
};
