#pragma once

#include "agentsettings.h"
#include "calllog/calllog.h"
#include "callquery.h"
#include "requestlogentry.h"
#include "calllog/reviewevent.h"

#include <QList>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

class SqliteConnection;

// Read access to the database on its own connection (unique name, query_only). Use one
// CallReader per thread, on the thread that created it; cheap to create. Never blocks
// on the writer: each query sees the last committed state (WAL snapshot). Filters,
// ordering and paging run in SQL, so a list page costs the same at a million calls.
// Reads return empty results and set lastError() when a query fails.
class CallReader
{
    Q_DISABLE_COPY_MOVE(CallReader)

public:
    // The database must exist (CallStore::open creates and migrates it).
    explicit CallReader(const QString &databasePath);
    ~CallReader();

    bool isOpen() const;
    QString lastError() const { return m_lastError; }

    // Whole calls with turns (in order), metric results and review history.
    std::optional<CallLog> callById(qint64 id) const;
    // With an empty agentKey, the newest call with that call_id from any agent.
    std::optional<CallLog> callByCallId(const QString &callId, const QString &agentKey = {}) const;
    // Calls ordered newest first (timestamp DESC, id DESC); without turns and metric
    // results unless query.withDetails.
    QList<CallLog> list(const CallQuery &query) const;
    // Rows matching the query's filters (limit, offset and keyset position ignored); -1 on error.
    qint64 count(const CallQuery &query) const;

    // The review history of a call, oldest first.
    QList<ReviewEvent> reviewEvents(qint64 callDbId) const;

    // The listener's request log, newest first; beforeId > 0 continues after that entry.
    QList<RequestLogEntry> requests(int limit = 100, qint64 beforeId = 0) const;
    std::optional<RequestLogEntry> requestById(qint64 id) const;
    qint64 requestCount() const;

    // Settings of one agent (nullopt when the agent is unknown), and of every agent.
    std::optional<AgentSettings> agentSettings(const QString &agentKey) const;
    QList<AgentSettings> agents() const;

private:
    // Prepares, binds and runs `sql`; an inactive query (and lastError()) on failure.
    QSqlQuery select(const QString &sql, const QVariantList &values = {}) const;
    QList<CallLog> selectCalls(const QString &where, const QVariantList &values, const QString &tail,
                               bool withDetails) const;
    void loadDetails(QList<CallLog> &calls) const;
    CallLog withReviewHistory(CallLog call) const;
    QList<RequestLogEntry> selectRequests(const QString &tail, const QVariantList &values) const;
    QList<AgentSettings> selectAgents(const QString &where, const QVariantList &values) const;

    std::unique_ptr<SqliteConnection> m_connection;
    mutable QString m_lastError;
};
