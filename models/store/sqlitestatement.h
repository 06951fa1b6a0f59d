#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// One prepared statement run through the SQLite library directly, on the connection of a
// Qt SQL database (inside whatever transaction Qt opened there). For the writer's
// hottest inserts only: QSqlResult::bindValue formats a placeholder name with
// QString::arg on every bind, which cost more than the insert itself when storing a few
// dozen metric results per call. Throws StoreError when preparing or stepping fails.
class SqliteStatement
{
    Q_DISABLE_COPY_MOVE(SqliteStatement)

public:
    SqliteStatement(const QSqlDatabase &db, const QByteArray &sql);
    ~SqliteStatement();

    // Positions count from 1, as in SQLite.
    void bind(int position, qint64 value);
    void bind(int position, std::optional<double> value);   // nullopt: NULL
    void bind(int position, std::optional<bool> value);     // nullopt: NULL
    void bindText(int position, const QByteArray &utf8);    // a null QByteArray: NULL
    // Runs the statement to its end and resets it for the next bindings.
    void execute();
    // Steps to the next row: true while there is one; at the end resets the statement
    // for the next bindings and returns false.
    bool next();
    // The current row's columns, counted from 0 as in SQLite.
    bool isNull(int column) const;
    qint64 int64(int column) const;
    QByteArray text(int column) const;

private:
    [[noreturn]] void fail(const char *what) const;

    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_sql;
};
