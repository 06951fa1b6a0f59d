#pragma once

#include "agentsettings.h"
#include "calllistsql.h"
#include "calllog/calllog.h"
#include "metrics/metricdefinition.h"
#include "callquery.h"
#include "facetcount.h"
#include "requestlogentry.h"
#include "storelookup.h"
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
// Lists return empty results (counts -1) and set lastError() when a query fails; a
// lookup of one thing says in its StoreLookup whether it was found, does not exist, or
// could not be read.
class CallReader
{
    Q_DISABLE_COPY_MOVE(CallReader)

public:
    // The database must exist (CallStore::open creates and migrates it).
    explicit CallReader(const QString &databasePath);
    ~CallReader();

    bool isOpen() const;
    QString lastError() const { return m_lastError; }
    // How many queries failed on this reader so far: unchanged across a list read means
    // an empty list is really empty.
    quint64 failureCount() const { return m_failures; }
    // Thread-safe: the query this reader runs now (on its own thread) stops and fails;
    // a superseded count need not run to its end.
    void interrupt() const;

    // Whole calls with turns (in order, with their words), metric results, review history
    // and turn labels (annotations).
    StoreLookup<CallLog> callById(qint64 id) const;
    // Whole calls as callById() reads them, for every listed id that has one (ordered by
    // id): a fixed number of queries whatever the list's length.
    QList<CallLog> callsByIds(const QList<qint64> &ids) const;
    // With an empty agentKey, the newest call with that call_id from any agent.
    StoreLookup<CallLog> callByCallId(const QString &callId, const QString &agentKey = {}) const;
    // Calls in query.sort order (by default newest first: timestamp DESC, id DESC);
    // without turns and metric results unless query.withDetails, and even then without
    // the turns' words (a list page does not show them; callById() reads them). A page
    // with a full-text search costs about what one without does, for rare and for
    // common words (see searchPlan()).
    QList<CallLog> list(const CallQuery &query) const;
    // Rows matching the query's filters (limit, offset and keyset position ignored); -1 on error.
    // With a common search word this reads every match: much slower than a page.
    qint64 count(const CallQuery &query) const;
    // The row `call` has in the query's list (its filters and order; keyset and offset
    // ignored): how many rows come before it. -1 on error.
    qint64 rowOf(const CallQuery &query, const CallLog &call) const;

    // For the filter pickers: the calls of each agent (key, its name or else its id, and
    // count) and of each ended reason ("" for none) the query would list if it did not
    // filter by agent, respectively by ended reason. Most calls first. Without a search
    // they read index entries only.
    QList<FacetCount> agentCounts(const CallQuery &query) const;
    QList<FacetCount> endedReasonCounts(const CallQuery &query) const;

    // The review history of a call, oldest first.
    QList<ReviewEvent> reviewEvents(qint64 callDbId) const;

    // The listener's request log, newest first; beforeId > 0 continues after that entry.
    QList<RequestLogEntry> requests(int limit = 100, qint64 beforeId = 0) const;
    StoreLookup<RequestLogEntry> requestById(qint64 id) const;
    qint64 requestCount() const;

    // Settings of one agent (not found when the agent is unknown), and of every agent.
    StoreLookup<AgentSettings> agentSettings(const QString &agentKey) const;
    QList<AgentSettings> agents() const;

    // Every metric definition with its per-agent switches, oldest first (the built-ins
    // in their catalogue's order); empty on error (see failureCount()).
    QList<MetricDefinition> metrics() const;
    // The ids of every call of one agent, oldest first.
    QList<qint64> callIdsOfAgent(const QString &agentKey) const;
    // The ids of every call, oldest first.
    QList<qint64> allCallIds() const;
    // The audio-only calls waiting for transcription (queued, or transcribing when a
    // restart interrupted it), oldest first.
    QList<qint64> pendingTranscriptions() const;

private:
    // Runs `read` (returning a std::optional) and tells its absence from a failure of
    // any query it ran.
    template <typename Read>
    auto lookup(Read read) const -> StoreLookup<typename decltype(read())::value_type>;
    // Records a failed query: lastError() and the count lookup() watches.
    void fail(const QString &error) const;
    // After stepping through `query`: false (and fail()) when a step failed.
    bool stepped(const QSqlQuery &query) const;
    // Prepares, binds and runs `sql`; an inactive query (and lastError()) on failure.
    QSqlQuery select(const QString &sql, const QVariantList &values = {}) const;
    // Below this many matching turns a search word is rare (see searchPlan()).
    static constexpr int kRareMatches = 20000;
    CallListSql::SearchPlan searchPlan(const CallQuery &query) const;
    // Sets page's keyset to the row before its offset; false when there is none.
    bool seekBeforeOffset(CallQuery *page, CallListSql::SearchPlan plan) const;
    // What selectCalls() reads besides the calls' rows.
    enum class Details { None, TurnsAndMetrics, Whole };   // Whole: turns with their words, and labels
    QList<CallLog> selectCalls(const QString &where, const QVariantList &values, const QString &tail,
                               Details details) const;
    void loadDetails(QList<CallLog> &calls, bool whole) const;
    CallLog withReviewHistory(CallLog call) const;
    QList<ReviewEvent> selectReviewEvents(const QString &where, const QVariantList &values) const;
    QList<RequestLogEntry> selectRequests(const QString &tail, const QVariantList &values) const;
    QList<AgentSettings> selectAgents(const QString &where, const QVariantList &values) const;

    std::unique_ptr<SqliteConnection> m_connection;
    mutable QString m_lastError;
    mutable quint64 m_failures = 0;
};
