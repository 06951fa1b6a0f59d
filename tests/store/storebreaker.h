#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUuid>

// Makes a store's reads fail the way a damaged database does, for the tests of what a
// failure is answered with: drops `table` through a connection of its own, while the
// store stays open. The store's connections see the change on their next statement
// ("no such table"). turns or review_events break reading a call that exists (its
// details) while a missing call is still known to be missing; agents breaks every call
// and agent read (they join it).
namespace StoreBreaker {

inline QString dropTable(const QString &databasePath, const QString &table)
{
    const QString name = QStringLiteral("breaker-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            // Dropping a parent table with foreign keys on would first delete its rows.
            if (!query.exec(QStringLiteral("PRAGMA foreign_keys = OFF"))
                || !query.exec(QStringLiteral("DROP TABLE %1").arg(table)))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace StoreBreaker
