#include "sqlitestatement.h"

#include "storeerror.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QByteArray &sql)
    : m_sql(sql)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !(m_connection = *static_cast<sqlite3 *const *>(handle.constData())))
        throw StoreError(QStringLiteral("not an open SQLite connection"));
    if (sqlite3_prepare_v3(m_connection, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK)
        fail("prepare");
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int position, qint64 value)
{
    sqlite3_bind_int64(m_statement, position, value);
}

void SqliteStatement::bind(int position, std::optional<double> value)
{
    if (value)
        sqlite3_bind_double(m_statement, position, *value);
    else
        sqlite3_bind_null(m_statement, position);
}

void SqliteStatement::bind(int position, std::optional<bool> value)
{
    if (value)
        sqlite3_bind_int(m_statement, position, *value ? 1 : 0);
    else
        sqlite3_bind_null(m_statement, position);
}

void SqliteStatement::bindText(int position, const QByteArray &utf8)
{
    if (utf8.isNull())
        sqlite3_bind_null(m_statement, position);
    else
        sqlite3_bind_text(m_statement, position, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::execute()
{
    while (next()) {}
}

bool SqliteStatement::next()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_reset(m_statement);
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(message, QString::fromUtf8(m_sql.left(160))));
    }
    sqlite3_reset(m_statement);
    return false;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArray SqliteStatement::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return bytes ? QByteArray(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArray();
}

void SqliteStatement::fail(const char *what) const
{
    throw StoreError(QStringLiteral("%1 failed: %2 (in: %3)")
                         .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(m_connection)),
                              QString::fromUtf8(m_sql.left(160))));
}
