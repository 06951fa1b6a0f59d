#pragma once

#include <QSqlDatabase>
#include <QString>

// The database schema as numbered migrations. PRAGMA user_version holds the number of
// the last migration applied; each migration runs in its own transaction, so a database
// is always at exactly one version. Migrations are only ever appended, never edited.
// Holds the SQLite-specific DDL (FTS5) so that the rest of the store stays portable.
class Schema
{
public:
    // The version a fully migrated database has.
    static int latestVersion();
    // PRAGMA user_version of `db`, or -1 on error.
    static int version(const QSqlDatabase &db);
    // Applies the migrations after the current version up to `targetVersion`
    // (latestVersion() when < 0). Fails on a database newer than this program.
    static bool migrate(QSqlDatabase &db, QString *error, int targetVersion = -1);
};
