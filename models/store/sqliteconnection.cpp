#include "sqliteconnection.h"

#include "filtersqlfunction.h"
#include "turnmatchfunction.h"
#include "storelog.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include <sqlite3.h>

namespace {

std::atomic<int> s_connectionCounter{0};

constexpr int BusyTimeoutMs = 10000;

} // namespace

SqliteConnection::SqliteConnection(const QString &path, const QString &purpose, Mode mode)
    : m_name(QStringLiteral("callscope.store.%1.%2").arg(purpose).arg(++s_connectionCounter))
{
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path)) {
        m_error = QStringLiteral("database %1 does not exist").arg(path);
        return;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_db.isValid()) {
        m_error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not available");
        return;
    }
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!m_db.open()) {
        m_error = m_db.lastError().text();
        return;
    }
    m_open = applyPragmas(mode) && FilterSqlFunction::install(m_db, &m_error) && TurnMatchFunction::install(m_db, &m_error);
    if (const QVariant handle = m_db.driver()->handle(); m_open && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (m_open)
        qCDebug(lcStore) << "opened" << m_name << path;
}

void SqliteConnection::interrupt() const
{
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

SqliteConnection::~SqliteConnection()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_name))
        QSqlDatabase::removeDatabase(m_name);
}

bool SqliteConnection::applyPragmas(Mode mode)
{
    QStringList pragmas{
        QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
    };
    if (mode == Mode::ReadWrite) {
        // The writer's page cache: SQLite's default of 2 MiB made it re-read B-tree pages
        // of a growing database from the OS on every group (bench/http: +4 % calls/s).
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                << QStringLiteral("PRAGMA synchronous = NORMAL")
                << QStringLiteral("PRAGMA cache_size = -65536")
                // Deleted and overwritten content is zeroed, not left in free pages: a call
                // redacted after it was stored (callscope redact) keeps no trace of its text.
                << QStringLiteral("PRAGMA secure_delete = ON");
    } else {
        pragmas << QStringLiteral("PRAGMA query_only = ON");
    }
    for (const QString &pragma : pragmas) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma)) {
            m_error = QStringLiteral("%1: %2").arg(pragma, query.lastError().text());
            return false;
        }
    }
    return true;
}
