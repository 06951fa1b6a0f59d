#include "statementcache.h"

#include "storeerror.h"

#include <QSqlError>

StatementCache::StatementCache(const QSqlDatabase &db)
    : m_db(db)
{
}

StatementCache::~StatementCache() = default;

QSqlQuery &StatementCache::prepared(const QString &sql)
{
    std::shared_ptr<QSqlQuery> &slot = m_statements[sql];
    if (!slot) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            throw StoreError(QStringLiteral("prepare failed: %1 (%2)").arg(query->lastError().text(), sql));
        slot = std::move(query);
    }
    return *slot;
}

void StatementCache::exec(QSqlQuery &query)
{
    if (!query.exec())
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(),
                                                            query.lastQuery().simplified().left(160)));
}
