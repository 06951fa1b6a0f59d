#include "callreader.h"

#include "callconditionsql.h"
#include "ftsquery.h"
#include "sqliteconnection.h"
#include "storelog.h"
#include "wordscolumn.h"

#include "calllog/agentkey.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString CallColumns = QStringLiteral(
    "c.id, c.agent_key, c.call_id, c.agent_id, c.assistant_id, c.trace_id, c.voice_recording_url, "
    "c.transcript_type, c.call_ended_reason, c.customer_number, c.metadata, c.dynamic_variables, "
    "c.timestamp, c.feedback, c.redact_fields, c.metric_ids, c.main_agent_channel_index, c.status, "
    "c.duration, COALESCE(c.agent_name, a.name), c.error_message, c.dropoff_point, c.topic, "
    "c.recording_path, c.created_at, c.updated_at");

const QString CallsFrom = QStringLiteral(" FROM calls c LEFT JOIN agents a ON a.key = c.agent_key");

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QJsonObject objectFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QJsonArray arrayFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

// A list bound as one JSON text parameter, read with `IN (SELECT value FROM json_each(?))`.
// One parameter per item would cost quadratic time: SQLite looks each numbered parameter
// up by name, and Qt names every `?` (92 % of a 1000-id GET went there).
template <typename List>
QString jsonList(const List &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array.append(item);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const QString InJsonList = QStringLiteral(" IN (SELECT value FROM json_each(?))");

CallLog callFromRow(const QSqlQuery &q)
{
    CallLog call;
    call.id = q.value(0).toLongLong();
    call.callId = q.value(2).toString();
    if (!q.value(3).isNull())
        call.agent = q.value(3).toLongLong();
    call.assistantId = q.value(4).toString();
    call.traceId = q.value(5).toString();
    call.voiceRecordingUrl = q.value(6).toString();
    call.transcriptType = q.value(7).toString();
    call.callEndedReason = q.value(8).toString();
    call.customerNumber = q.value(9).toString();
    call.metadata = objectFrom(q.value(10));
    call.dynamicVariables = objectFrom(q.value(11));
    call.timestamp = fromMs(q.value(12));
    if (!q.value(13).isNull())
        call.feedback = q.value(13).toString();
    for (const QJsonValue &field : arrayFrom(q.value(14)))
        call.redactFields.append(field.toString());
    for (const QJsonValue &id : arrayFrom(q.value(15)))
        call.metricIds.append(id.toInteger());
    if (!q.value(16).isNull())
        call.mainAgentChannelIndex = q.value(16).toInt();
    if (!q.value(17).isNull())
        call.status = ReviewStatuses::fromName(q.value(17).toString());
    call.durationSeconds = q.value(18).toDouble();
    call.agentName = q.value(19).toString();
    call.errorMessage = q.value(20).toString();
    call.dropoffPoint = q.value(21).toString();
    call.topic = q.value(22).toString();
    call.recordingPath = q.value(23).toString();
    call.createdAt = fromMs(q.value(24));
    call.updatedAt = fromMs(q.value(25));
    return call;
}

// The WHERE clause (without "WHERE") of a CallQuery's filters, values in binding order.
QString whereClause(const CallQuery &query, QVariantList *values, bool withKeyset)
{
    QStringList terms;
    if (query.status) {
        terms << QStringLiteral("c.status = ?");
        *values << ReviewStatuses::name(*query.status);
    }
    if (!query.agentKey.isNull()) {
        terms << QStringLiteral("c.agent_key = ?");
        *values << query.agentKey.toString();
    }
    if (!query.agent.isEmpty()) {
        terms << QStringLiteral("(c.agent_key = ? OR c.assistant_id = ?)");
        *values << AgentKey::fromId(query.agent).toString() << query.agent;
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString match = FtsQuery::matchExpression(query.search);
        if (match.isEmpty()) {
            terms << QStringLiteral("0");   // only punctuation: nothing can match
        } else {
            terms << QStringLiteral("c.id IN (SELECT t.call FROM turns t WHERE t.id IN "
                                    "(SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?))");
            *values << match;
        }
    }
    if (query.timestampFrom.isValid()) {
        terms << QStringLiteral("c.timestamp >= ?");
        *values << query.timestampFrom.toMSecsSinceEpoch();
    }
    if (query.timestampTo.isValid()) {
        terms << QStringLiteral("c.timestamp <= ?");
        *values << query.timestampTo.toMSecsSinceEpoch();
    }
    if (!query.ids.isEmpty()) {
        terms << QStringLiteral("c.id") + InJsonList;
        *values << jsonList(query.ids);
    }
    if (!query.callIds.isEmpty()) {
        terms << QStringLiteral("c.call_id") + InJsonList;
        *values << jsonList(query.callIds);
    }
    for (const CallCondition &condition : query.conditions)
        terms << CallConditionSql::where(condition, values);
    if (withKeyset && query.afterId > 0) {
        terms << QStringLiteral("(c.timestamp, c.id) < (?, ?)");
        *values << query.afterTimestamp.toMSecsSinceEpoch() << query.afterId;
    }
    return terms.join(QStringLiteral(" AND "));
}

} // namespace

CallReader::CallReader(const QString &databasePath)
    : m_connection(std::make_unique<SqliteConnection>(databasePath, QStringLiteral("reader"),
                                                      SqliteConnection::Mode::ReadOnly))
{
    if (!m_connection->isOpen()) {
        m_lastError = m_connection->errorString();
        qCWarning(lcStore) << "reader:" << m_lastError;
    }
}

CallReader::~CallReader() = default;

bool CallReader::isOpen() const
{
    return m_connection->isOpen();
}

template <typename Read>
auto CallReader::lookup(Read read) const -> StoreLookup<typename decltype(read())::value_type>
{
    using Lookup = StoreLookup<typename decltype(read())::value_type>;
    if (!isOpen())
        return Lookup::failed(m_connection->errorString());
    const quint64 failuresBefore = m_failures;
    auto value = read();
    if (m_failures != failuresBefore)
        return Lookup::failed(m_lastError);
    return value ? Lookup::found(*std::move(value)) : Lookup::notFound();
}

void CallReader::fail(const QString &error) const
{
    m_lastError = error;
    ++m_failures;
}

bool CallReader::stepped(const QSqlQuery &query) const
{
    if (!query.lastError().isValid())
        return true;
    fail(query.lastError().text());
    return false;
}

QSqlQuery CallReader::select(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    if (query.prepare(sql)) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (query.exec())
            return query;
    }
    fail(query.lastError().text());
    return QSqlQuery(m_connection->database());   // inactive: the caller reads nothing
}

QList<CallLog> CallReader::selectCalls(const QString &where, const QVariantList &values, const QString &tail,
                                       Details details) const
{
    QList<CallLog> calls;
    if (!isOpen())
        return calls;
    QString sql = QStringLiteral("SELECT ") + CallColumns + CallsFrom;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    QSqlQuery query = select(sql + tail, values);
    if (!query.isActive())
        return calls;
    while (query.next())
        calls.append(callFromRow(query));
    if (!stepped(query))
        return {};
    if (details != Details::None)
        loadDetails(calls, details == Details::Whole);
    return calls;
}

void CallReader::loadDetails(QList<CallLog> &calls, bool withWords) const
{
    if (calls.isEmpty())
        return;
    QHash<qint64, qsizetype> indexById;
    QStringList ids;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        indexById.insert(calls[i].id, i);
        ids.append(QString::number(calls[i].id));
    }
    const QString idList = ids.join(QLatin1Char(','));

    // Words only when asked: they are most of a timed turn's bytes, and list pages do not
    // show them.
    QSqlQuery turns = select(QStringLiteral("SELECT call, role, content, start_s, end_s, data%1 FROM turns "
                                            "WHERE call IN (%2) ORDER BY call, idx")
                                 .arg(withWords ? QStringLiteral(", words") : QString(), idList));
    if (!turns.isActive())
        return;
    while (turns.next()) {
        Turn turn;
        turn.role = Turn::roleFromName(turns.value(1).toString()).value_or(Turn::Role::MainAgent);
        turn.content = turns.value(2).toString();
        turn.startTime = turns.value(3).toDouble();
        turn.endTime = turns.value(4).toDouble();
        turn.data = objectFrom(turns.value(5));
        if (withWords)
            turn.words = WordsColumn::decode(turns.value(6));
        calls[indexById.value(turns.value(0).toLongLong())].turns.append(turn);
    }
    if (!stepped(turns))
        return;

    QSqlQuery metrics = select(QStringLiteral("SELECT call, result FROM metric_results WHERE call IN (%1) "
                                              "ORDER BY call, metric_id").arg(idList));
    if (!metrics.isActive())
        return;
    while (metrics.next()) {
        calls[indexById.value(metrics.value(0).toLongLong())].metrics.append(
            MetricResult::fromJson(objectFrom(metrics.value(1))));
    }
    stepped(metrics);
}

StoreLookup<CallLog> CallReader::callById(qint64 id) const
{
    return lookup([&]() -> std::optional<CallLog> {
        const QList<CallLog> calls = selectCalls(QStringLiteral("c.id = ?"), {id}, {}, Details::Whole);
        if (calls.isEmpty())
            return std::nullopt;
        return withReviewHistory(calls.first());
    });
}

CallLog CallReader::withReviewHistory(CallLog call) const
{
    call.reviewHistory = reviewEvents(call.id);
    return call;
}

QList<CallLog> CallReader::callsByIds(const QList<qint64> &ids) const
{
    if (ids.isEmpty())
        return {};
    const QString idList = jsonList(ids);
    QList<CallLog> calls = selectCalls(QStringLiteral("c.id") + InJsonList, {idList},
                                       QStringLiteral(" ORDER BY c.id"), Details::Whole);
    if (calls.isEmpty())
        return calls;
    QHash<qint64, qsizetype> indexById;
    for (qsizetype i = 0; i < calls.size(); ++i)
        indexById.insert(calls[i].id, i);
    for (const ReviewEvent &event : selectReviewEvents(QStringLiteral("call") + InJsonList, {idList})) {
        if (const auto index = indexById.constFind(event.callDbId); index != indexById.cend())
            calls[*index].reviewHistory.append(event);
    }
    return calls;
}

StoreLookup<CallLog> CallReader::callByCallId(const QString &callId, const QString &agentKey) const
{
    return lookup([&]() -> std::optional<CallLog> {
        const QString tail = QStringLiteral(" ORDER BY c.timestamp DESC, c.id DESC LIMIT 1");
        const QList<CallLog> calls = agentKey.isEmpty()
            ? selectCalls(QStringLiteral("c.call_id = ?"), {callId}, tail, Details::Whole)
            : selectCalls(QStringLiteral("c.agent_key = ? AND c.call_id = ?"), {agentKey, callId}, tail, Details::Whole);
        if (calls.isEmpty())
            return std::nullopt;
        return withReviewHistory(calls.first());
    });
}

QList<CallLog> CallReader::list(const CallQuery &query) const
{
    if (!isOpen())
        return {};
    CallQuery page = query;
    if (query.offset > 0) {
        // A deep page: OFFSET would read, join and drop every row before it. The row just
        // before the page is found reading only what the WHERE needs (the index entries,
        // when it covers them), never more than count() reads, and the page is read
        // after it by keyset.
        QVariantList values;
        const QString where = whereClause(query, &values, true);
        values << query.offset - 1;
        QSqlQuery before = select(QStringLiteral("SELECT c.timestamp, c.id FROM calls c%1 "
                                                 "ORDER BY c.timestamp DESC, c.id DESC LIMIT 1 OFFSET ?")
                                      .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                                  values);
        if (!before.next()) {
            stepped(before);   // past the last row, or a failure (counted)
            return {};
        }
        page.afterTimestamp = fromMs(before.value(0));
        page.afterId = before.value(1).toLongLong();
        page.offset = 0;
    }
    QVariantList values;
    const QString where = whereClause(page, &values, true);
    values << (page.limit > 0 ? page.limit : -1);
    return selectCalls(where, values, QStringLiteral(" ORDER BY c.timestamp DESC, c.id DESC LIMIT ?"),
                       page.withDetails ? Details::TurnsAndMetrics : Details::None);
}

qint64 CallReader::count(const CallQuery &query) const
{
    if (!isOpen())
        return -1;
    QVariantList values;
    const QString where = whereClause(query, &values, false);
    QString text = QStringLiteral("SELECT COUNT(*) FROM calls c");
    if (!where.isEmpty())
        text += QStringLiteral(" WHERE ") + where;
    QSqlQuery sql = select(text, values);
    return sql.isActive() && sql.next() ? sql.value(0).toLongLong() : -1;
}

QList<ReviewEvent> CallReader::reviewEvents(qint64 callDbId) const
{
    return selectReviewEvents(QStringLiteral("call = ?"), {callDbId});
}

QList<ReviewEvent> CallReader::selectReviewEvents(const QString &where, const QVariantList &values) const
{
    QList<ReviewEvent> events;
    if (!isOpen())
        return events;
    QSqlQuery query = select(QStringLiteral("SELECT id, call, time, actor, field, old_value, new_value "
                                            "FROM review_events WHERE %1 ORDER BY call, id").arg(where),
                             values);
    while (query.next()) {
        ReviewEvent event;
        event.id = query.value(0).toLongLong();
        event.callDbId = query.value(1).toLongLong();
        event.time = fromMs(query.value(2));
        event.source = query.value(3).toString();
        event.field = query.value(4).toString();
        event.oldValue = query.value(5).toString();
        event.newValue = query.value(6).toString();
        events.append(event);
    }
    stepped(query);
    return events;
}

QList<RequestLogEntry> CallReader::selectRequests(const QString &tail, const QVariantList &values) const
{
    QList<RequestLogEntry> entries;
    if (!isOpen())
        return entries;
    QSqlQuery query = select(QStringLiteral("SELECT id, time, client_address, method, path, status, latency_ms, size, "
                                            "errors, headers, body_path, call, logged_bytes FROM requests") + tail,
                             values);
    while (query.next()) {
        RequestLogEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.time = fromMs(query.value(1));
        entry.clientAddress = query.value(2).toString();
        entry.method = query.value(3).toString();
        entry.path = query.value(4).toString();
        entry.status = query.value(5).toInt();
        entry.latencyMs = query.value(6).toDouble();
        entry.requestSize = query.value(7).toLongLong();
        entry.errors = objectFrom(query.value(8));
        entry.headers = objectFrom(query.value(9));
        entry.bodyPath = query.value(10).toString();
        entry.callDbId = query.value(11).toLongLong();
        entry.loggedBytes = query.value(12).toLongLong();
        entries.append(entry);
    }
    stepped(query);
    return entries;
}

QList<RequestLogEntry> CallReader::requests(int limit, qint64 beforeId) const
{
    QVariantList values;
    QString tail;
    if (beforeId > 0) {
        tail = QStringLiteral(" WHERE id < ?");
        values << beforeId;
    }
    tail += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << (limit > 0 ? limit : -1);
    return selectRequests(tail, values);
}

StoreLookup<RequestLogEntry> CallReader::requestById(qint64 id) const
{
    return lookup([&]() -> std::optional<RequestLogEntry> {
        const QList<RequestLogEntry> entries = selectRequests(QStringLiteral(" WHERE id = ?"), {id});
        if (entries.isEmpty())
            return std::nullopt;
        return entries.first();
    });
}

qint64 CallReader::requestCount() const
{
    if (!isOpen())
        return -1;
    QSqlQuery query = select(QStringLiteral("SELECT COUNT(*) FROM requests"));
    return query.isActive() && query.next() ? query.value(0).toLongLong() : -1;
}

QList<AgentSettings> CallReader::selectAgents(const QString &where, const QVariantList &values) const
{
    QList<AgentSettings> agents;
    if (!isOpen())
        return agents;
    QSqlQuery query = select(QStringLiteral("SELECT key, name, settings, webhook_secret FROM agents") + where
                                 + QStringLiteral(" ORDER BY key"),
                             values);
    while (query.next()) {
        AgentSettings settings;
        settings.agentKey = AgentKey::parse(query.value(0).toString());
        settings.name = query.value(1).toString();
        settings.lenientRoles = objectFrom(query.value(2)).value(QStringLiteral("lenient_roles")).toBool();
        settings.webhookSecret = query.value(3).toString();
        agents.append(settings);
    }
    stepped(query);
    return agents;
}

StoreLookup<AgentSettings> CallReader::agentSettings(const QString &agentKey) const
{
    return lookup([&]() -> std::optional<AgentSettings> {
        const QList<AgentSettings> agents = selectAgents(QStringLiteral(" WHERE key = ?"), {agentKey});
        if (agents.isEmpty())
            return std::nullopt;
        return agents.first();
    });
}

QList<AgentSettings> CallReader::agents() const
{
    return selectAgents({}, {});
}
