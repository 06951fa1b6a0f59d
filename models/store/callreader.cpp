#include "callreader.h"

#include "calllistsql.h"
#include "metricrow.h"
#include "sqliteconnection.h"
#include "storelog.h"
#include "redactionscolumn.h"
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
    "c.recording_path, c.created_at, c.updated_at, c.label_count, c.failed_metric_count, "
    "c.detected_agent_channel, c.transcription, c.transcription_progress, c.redactions");

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

// A result row read with its metric (see loadDetails()): the stored JSON, completed
// from the row's columns and, for an evaluated result, its metric's definition.
MetricResult storedResult(const QSqlQuery &row)
{
    MetricResult result = MetricResult::fromJson(objectFrom(row.value(1)));
    result.metricId = row.value(2).toLongLong();
    result.metricVersion = row.value(3).toInt();
    if (!row.value(4).isNull())
        result.evaluatedAtMs = row.value(4).toLongLong();
    if (!row.value(5).isNull())
        result.passed = row.value(5).toBool();
    if (!row.value(6).isNull() && result.key.isEmpty()) {
        result.key = row.value(6).toString();
        result.name = row.value(7).toString();
        result.type = MetricTypes::apiName(MetricTypes::fromName(row.value(8).toString()).value_or(MetricType::Numeric));
        result.unit = row.value(9).toString();
        result.enumValues.clear();
        for (const QJsonValue &value : QJsonDocument::fromJson(row.value(10).toString().toUtf8()).array())
            result.enumValues.append(value.toString());
    }
    return result;
}

QJsonArray arrayFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

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
    call.labelCount = q.value(26).toInt();
    call.failedMetricCount = q.value(27).toInt();
    if (!q.value(28).isNull())
        call.detectedAgentChannel = q.value(28).toInt();
    if (const std::optional<TranscriptionStatus> status = TranscriptionState::fromName(q.value(29).toString()))
        call.transcription = TranscriptionState{*status, q.value(30).toDouble()};
    call.redactionCounts = RedactionsColumn::decodeCounts(q.value(31));
    return call;
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

void CallReader::interrupt() const
{
    m_connection->interrupt();
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

void CallReader::loadDetails(QList<CallLog> &calls, bool whole) const
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
    QSqlQuery turns = select(QStringLiteral("SELECT call, role, content, start_s, end_s, data, redactions%1 FROM turns "
                                            "WHERE call IN (%2) ORDER BY call, idx")
                                 .arg(whole ? QStringLiteral(", words") : QString(), idList));
    if (!turns.isActive())
        return;
    while (turns.next()) {
        Turn turn;
        turn.role = Turn::roleFromName(turns.value(1).toString()).value_or(Turn::Role::MainAgent);
        turn.content = turns.value(2).toString();
        turn.startTime = turns.value(3).toDouble();
        turn.endTime = turns.value(4).toDouble();
        turn.data = objectFrom(turns.value(5));
        turn.redactions = RedactionsColumn::decodeTurn(turns.value(6));
        if (whole)
            turn.words = WordsColumn::decode(turns.value(7));
        calls[indexById.value(turns.value(0).toLongLong())].turns.append(turn);
    }
    if (!stepped(turns))
        return;

    // The newest version of each metric is the call's current result for it.
    // A stored result leaves out what its row and its metric's definition hold
    // (MetricResult::toStoredJsonText()): those come back from them.
    QSqlQuery metrics = select(QStringLiteral("SELECT r.call, r.result, r.metric_id, r.metric_version, r.evaluated_at, "
                                              "r.passed, m.key, m.name, m.type, m.unit, m.enum_values "
                                              "FROM metric_results r LEFT JOIN metrics m "
                                              "ON m.id = r.metric_id AND r.metric_version > 0 WHERE r.call IN (%1) "
                                              "AND r.metric_version = (SELECT max(v.metric_version) FROM metric_results v "
                                              "WHERE v.call = r.call AND v.metric_id = r.metric_id) "
                                              "ORDER BY r.call, r.metric_id").arg(idList));
    if (!metrics.isActive())
        return;
    while (metrics.next())
        calls[indexById.value(metrics.value(0).toLongLong())].metrics.append(storedResult(metrics));
    if (!stepped(metrics) || !whole)
        return;

    // A whole call has its labels too; a list page has only their count.
    QSqlQuery labels = select(QStringLiteral("SELECT call, turn_idx, label, note, created_at FROM turn_labels "
                                             "WHERE call IN (%1) ORDER BY call, turn_idx, id").arg(idList));
    if (!labels.isActive())
        return;
    for (CallLog &call : calls)
        call.annotations.emplace();
    while (labels.next()) {
        TurnLabel label;
        label.turnIndex = labels.value(1).toInt();
        label.label = labels.value(2).toString();
        label.note = labels.value(3).toString();
        label.createdAt = fromMs(labels.value(4));
        calls[indexById.value(labels.value(0).toLongLong())].annotations->append(label);
    }
    stepped(labels);
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
    const QString idList = CallListSql::jsonList(ids);
    QList<CallLog> calls = selectCalls(QStringLiteral("c.id") + CallListSql::inJsonList(), {idList},
                                       QStringLiteral(" ORDER BY c.id"), Details::Whole);
    if (calls.isEmpty())
        return calls;
    QHash<qint64, qsizetype> indexById;
    for (qsizetype i = 0; i < calls.size(); ++i)
        indexById.insert(calls[i].id, i);
    for (const ReviewEvent &event : selectReviewEvents(QStringLiteral("call") + CallListSql::inJsonList(), {idList})) {
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

CallListSql::SearchPlan CallReader::searchPlan(const CallQuery &query) const
{
    const QString match = CallListSql::matchExpression(query);
    if (match.isEmpty())
        return CallListSql::SearchPlan::Materialise;
    // Reading the first kRareMatches matching turns costs little; a word with fewer
    // matches is rare, and gathering all of them costs less than walking calls until a
    // page is full (which might mean every call). A word with more is common: walking
    // the list and checking each call finds a page of matches within a few pages of
    // calls. Measured (bench_calllist) at a million calls: see docs/PERFORMANCE.md.
    QSqlQuery probe = select(QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM turns_fts "
                                            "WHERE turns_fts MATCH ? LIMIT %1)").arg(kRareMatches),
                             {match});
    const qint64 matches = probe.next() ? probe.value(0).toLongLong() : 0;
    return matches < kRareMatches ? CallListSql::SearchPlan::Materialise : CallListSql::SearchPlan::PerCall;
}

QList<CallLog> CallReader::list(const CallQuery &query) const
{
    if (!isOpen())
        return {};
    const CallListSql::SearchPlan plan = searchPlan(query);
    CallQuery page = query;
    if (query.offset > 0) {
        // A deep page: OFFSET would read, join and drop every row before it. The row just
        // before the page is found reading only the sort index entries the WHERE needs,
        // never more than count() reads, and the page is read after it by keyset.
        if (!seekBeforeOffset(&page, plan))
            return {};
        page.offset = 0;
    }
    QVariantList values;
    const QString filters = CallListSql::where(page, &values, plan);
    const QString order = CallListSql::orderBy(page.sort);
    const Details details = page.withDetails ? Details::TurnsAndMetrics : Details::None;
    QList<CallLog> calls;
    // The keyset's segments in list order, until the page is full.
    for (const CallListSql::Segment &segment : CallListSql::keysetSegments(page)) {
        const int wanted = page.limit > 0 ? page.limit - int(calls.size()) : -1;
        if (wanted == 0)
            break;
        QStringList terms;
        if (!filters.isEmpty())
            terms << filters;
        if (!segment.term.isEmpty())
            terms << segment.term;
        const quint64 failures = m_failures;
        calls += selectCalls(terms.join(QStringLiteral(" AND ")), values + segment.values + QVariantList{wanted},
                             order + QStringLiteral(" LIMIT ?"), details);
        if (m_failures != failures)
            return {};
    }
    return calls;
}

bool CallReader::seekBeforeOffset(CallQuery *page, CallListSql::SearchPlan plan) const
{
    const CallQuery query = *page;
    // The offset counts from the keyset row, over the segments after it.
    qint64 skip = query.offset - 1;
    QVariantList values;
    const QString filters = CallListSql::where(query, &values, plan);
    for (const CallListSql::Segment &segment : CallListSql::keysetSegments(query)) {
        QStringList terms;
        if (!filters.isEmpty())
            terms << filters;
        if (!segment.term.isEmpty())
            terms << segment.term;
        const QString where = terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
        QSqlQuery before = select(QStringLiteral("SELECT %1, c.timestamp, c.id FROM calls c%2%3 LIMIT 1 OFFSET ?")
                                      .arg(CallListSql::keyExpression(query.sort.field), where,
                                           CallListSql::orderBy(query.sort)),
                                  values + segment.values + QVariantList{skip});
        if (before.next()) {
            page->afterKey = before.value(0);
            page->afterTimestamp = fromMs(before.value(1));
            page->afterId = before.value(2).toLongLong();
            return true;
        }
        if (!stepped(before) || segment.term.isEmpty())
            return false;   // a failure, or past the last row
        // Past this segment: skip what it held and go on in the next one.
        QSqlQuery held = select(QStringLiteral("SELECT COUNT(*) FROM calls c") + where, values + segment.values);
        if (!held.next()) {
            stepped(held);
            return false;
        }
        skip -= held.value(0).toLongLong();
    }
    return false;
}

qint64 CallReader::count(const CallQuery &query) const
{
    if (!isOpen())
        return -1;
    QVariantList values;
    const QString where = CallListSql::where(query, &values, CallListSql::SearchPlan::Materialise);
    QString text = QStringLiteral("SELECT COUNT(*) FROM calls c");
    if (!where.isEmpty())
        text += QStringLiteral(" WHERE ") + where;
    QSqlQuery sql = select(text, values);
    return sql.isActive() && sql.next() ? sql.value(0).toLongLong() : -1;
}

qint64 CallReader::rowOf(const CallQuery &query, const CallLog &call) const
{
    if (!isOpen())
        return -1;
    // The rows before `call` are those after it in the reversed order.
    CallQuery before = query;
    before.sort.descending = !query.sort.descending;
    before.afterKey = CallListSql::sortKey(query.sort.field, call);
    before.afterTimestamp = call.timestamp;
    before.afterId = call.id;
    QVariantList values;
    const QString filters = CallListSql::where(before, &values, CallListSql::SearchPlan::Materialise);
    qint64 rows = 0;
    for (const CallListSql::Segment &segment : CallListSql::keysetSegments(before)) {
        QStringList terms;
        if (!filters.isEmpty())
            terms << filters;
        terms << segment.term;
        QSqlQuery held = select(QStringLiteral("SELECT COUNT(*) FROM calls c WHERE ") + terms.join(QStringLiteral(" AND ")),
                                values + segment.values);
        if (!held.next()) {
            stepped(held);
            return -1;
        }
        rows += held.value(0).toLongLong();
    }
    return rows;
}

QList<FacetCount> CallReader::agentCounts(const CallQuery &query) const
{
    QList<FacetCount> counts;
    if (!isOpen())
        return counts;
    // Grouped on the agent index before the names are joined: the count reads index
    // entries only, and each agent's name once.
    QVariantList values;
    const QString where = CallListSql::where(query, &values, CallListSql::SearchPlan::Materialise,
                                             CallListSql::Omit::Agents);
    QSqlQuery rows = select(QStringLiteral("SELECT g.agent_key, a.name, g.n FROM "
                                           "(SELECT c.agent_key, COUNT(*) AS n FROM calls c%1 GROUP BY c.agent_key) g "
                                           "LEFT JOIN agents a ON a.key = g.agent_key ORDER BY g.n DESC, g.agent_key")
                                .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                            values);
    while (rows.next()) {
        FacetCount facet;
        facet.key = rows.value(0).toString();
        facet.displayName = rows.value(1).toString();
        if (facet.displayName.isEmpty()) {
            const AgentKey key = AgentKey::parse(facet.key);
            facet.displayName = key.agent() ? QString::number(*key.agent()) : key.assistantId();
        }
        facet.count = rows.value(2).toLongLong();
        counts.append(facet);
    }
    if (!stepped(rows))
        return {};
    return counts;
}

QList<FacetCount> CallReader::endedReasonCounts(const CallQuery &query) const
{
    QList<FacetCount> counts;
    if (!isOpen())
        return counts;
    QVariantList values;
    const QString where = CallListSql::where(query, &values, CallListSql::SearchPlan::Materialise,
                                             CallListSql::Omit::EndedReasons);
    QSqlQuery rows = select(QStringLiteral("SELECT c.call_ended_reason, COUNT(*) AS n FROM calls c%1 "
                                           "GROUP BY c.call_ended_reason ORDER BY n DESC, c.call_ended_reason")
                                .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                            values);
    while (rows.next()) {
        FacetCount facet;
        facet.key = rows.value(0).toString();   // NULL: "", the calls without a reason
        facet.displayName = facet.key;
        facet.count = rows.value(1).toLongLong();
        counts.append(facet);
    }
    if (!stepped(rows))
        return {};
    return counts;
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
        for (const QJsonValue &field : objectFrom(query.value(2)).value(QStringLiteral("redact_fields")).toArray())
            settings.redactFields.append(field.toString());
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

QList<MetricDefinition> CallReader::metrics() const
{
    QList<MetricDefinition> definitions;
    if (!isOpen())
        return definitions;
    QSqlQuery query = select(QStringLiteral("SELECT %1 FROM metrics ORDER BY id").arg(MetricRow::columns()));
    QHash<qint64, qsizetype> indexById;
    while (query.next()) {
        const MetricDefinition definition = MetricRow::read(query);
        indexById.insert(definition.id, definitions.size());
        definitions.append(definition);
    }
    if (!stepped(query))
        return {};
    QSqlQuery switches = select(QStringLiteral("SELECT metric, agent_key, enabled FROM metric_agents"));
    while (switches.next()) {
        const auto index = indexById.constFind(switches.value(0).toLongLong());
        if (index != indexById.cend())
            definitions[*index].agentSwitches.insert(switches.value(1).toString(), switches.value(2).toBool());
    }
    if (!stepped(switches))
        return {};
    return definitions;
}

QList<qint64> CallReader::callIdsOfAgent(const QString &agentKey) const
{
    QList<qint64> ids;
    if (!isOpen())
        return ids;
    QSqlQuery query = select(QStringLiteral("SELECT id FROM calls WHERE agent_key = ? ORDER BY id"), {agentKey});
    while (query.next())
        ids.append(query.value(0).toLongLong());
    stepped(query);
    return ids;
}

QList<qint64> CallReader::pendingTranscriptions() const
{
    QList<qint64> ids;
    if (!isOpen())
        return ids;
    // The partial index calls_transcription_queue holds exactly these rows.
    QSqlQuery query = select(QStringLiteral("SELECT id FROM calls WHERE transcription IN ('queued', 'transcribing') ORDER BY id"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    stepped(query);
    return ids;
}

QList<qint64> CallReader::allCallIds() const
{
    QList<qint64> ids;
    if (!isOpen())
        return ids;
    QSqlQuery query = select(QStringLiteral("SELECT id FROM calls ORDER BY id"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    stepped(query);
    return ids;
}
