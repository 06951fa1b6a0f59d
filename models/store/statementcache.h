#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

// The writer's prepared statements for one connection, each prepared on first use and
// reused after (binding new values), keyed by its SQL text. exec() throws StoreError with
// the statement's text when it fails, which rolls back the writer's transaction.
class StatementCache
{
    Q_DISABLE_COPY_MOVE(StatementCache)

public:
    explicit StatementCache(const QSqlDatabase &db);
    ~StatementCache();

    QSqlQuery &prepared(const QString &sql);
    static void exec(QSqlQuery &query);

    const QSqlDatabase &database() const { return m_db; }

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
};
