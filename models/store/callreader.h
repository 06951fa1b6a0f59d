#pragma once

#include "calllog/calllog.h"
#include "callquery.h"

#include <QString>
#include <QSqlDatabase>

#include <optional>

// Read access to the database on its own connection. One CallReader per thread; cheap
// to create. Never blocks on the writer (WAL readers see the last committed state).
class CallReader
{
    Q_DISABLE_COPY_MOVE(CallReader)

public:
    explicit CallReader(const QString &databasePath);
    ~CallReader();

    bool isOpen() const;
    QString lastError() const;

    // Whole calls with turns and metric results.
    std::optional<CallLog> callById(qint64 id) const;
    std::optional<CallLog> callByCallId(const QString &callId, const QString &agentKey = {}) const;
    // Calls without turns (list views), ordered newest first.
    QList<CallLog> list(const CallQuery &query) const;
    qint64 count(const CallQuery &query) const;

private:
    QString m_connectionName;
    QSqlDatabase m_db;
};
