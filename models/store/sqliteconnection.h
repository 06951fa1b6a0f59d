#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

// One Qt SQL connection to the SQLite database under a unique connection name, with the
// store's pragmas applied (WAL, synchronous=NORMAL, foreign keys, busy timeout). The
// connection belongs to the thread that created it and is removed from Qt's registry
// when this object dies. A read-only connection sets query_only so it cannot write by
// mistake, but still shares the WAL index with the writer.
class SqliteConnection
{
    Q_DISABLE_COPY_MOVE(SqliteConnection)

public:
    enum class Mode { ReadWrite, ReadOnly };

    // `purpose` names the connection in logs ("writer", "reader").
    SqliteConnection(const QString &path, const QString &purpose, Mode mode);
    ~SqliteConnection();

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QSqlDatabase database() const { return m_db; }
    QString connectionName() const { return m_name; }
    // Thread-safe: the statement running on this connection now stops and fails with
    // "interrupted" (sqlite3_interrupt); without one running, nothing happens.
    void interrupt() const;

private:
    bool applyPragmas(Mode mode);

    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
    bool m_open = false;
    sqlite3 *m_handle = nullptr;   // the driver's, valid while open
};
