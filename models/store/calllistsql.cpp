#include "calllistsql.h"

#include "callconditionsql.h"
#include "ftsquery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Matches the expression of the calls_reviewed index (schema.cpp) term for term, so the
// planner walks that index for the Reviewed sort and the reviewed filter.
const QString ReviewedExpression =
    QStringLiteral("coalesce(c.status IN ('reviewed_success', 'reviewed_failure'), 0)");


QString searchTerm(CallListSql::SearchPlan plan)
{
    if (plan == CallListSql::SearchPlan::Materialise)
        return QStringLiteral("c.id IN (SELECT t.call FROM turns t WHERE t.id IN "
                              "(SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?))");
    // A call's turns are written together, so their ids are one contiguous range: FTS5
    // seeks that rowid range in the word's doclist instead of reading all of it, and
    // the join on t.call keeps the answer exact should a range ever hold other turns.
    return QStringLiteral(
        "EXISTS (SELECT 1 FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid "
        "WHERE turns_fts MATCH ? AND t.call = c.id "
        "AND turns_fts.rowid BETWEEN (SELECT min(id) FROM turns WHERE call = c.id) "
        "AND (SELECT max(id) FROM turns WHERE call = c.id))");
}

} // namespace

QString CallListSql::matchExpression(const CallQuery &query)
{
    return FtsQuery::matchExpression(query.search);
}

QString CallListSql::where(const CallQuery &query, QVariantList *values, SearchPlan plan, Omit omit)
{
    QStringList terms;
    if (query.status) {
        terms << QStringLiteral("c.status = ?");
        *values << ReviewStatuses::name(*query.status);
    }
    if (query.reviewed) {
        terms << ReviewedExpression + QStringLiteral(" = ?");
        *values << int(*query.reviewed);
    }
    if (!query.agentKey.isNull() && omit != Omit::Agents) {
        terms << QStringLiteral("c.agent_key = ?");
        *values << query.agentKey.toString();
    }
    if (!query.agentKeys.isEmpty() && omit != Omit::Agents) {
        terms << QStringLiteral("c.agent_key") + inJsonList();
        *values << jsonList(query.agentKeys);
    }
    if (!query.agent.isEmpty() && omit != Omit::Agents) {
        terms << QStringLiteral("(c.agent_key = ? OR c.assistant_id = ?)");
        *values << AgentKey::fromId(query.agent).toString() << query.agent;
    }
    if (!query.endedReasons.isEmpty() && omit != Omit::EndedReasons) {
        // Empty text is stored as NULL: "" asks for the calls without a reason.
        QString term = QStringLiteral("c.call_ended_reason") + inJsonList();
        if (query.endedReasons.contains(QString()))
            term = QStringLiteral("(%1 OR c.call_ended_reason IS NULL)").arg(term);
        terms << term;
        *values << jsonList(query.endedReasons);
    }
    if (query.minDuration) {
        terms << QStringLiteral("c.duration >= ?");
        *values << *query.minDuration;
    }
    if (query.maxDuration) {
        terms << QStringLiteral("c.duration <= ?");
        *values << *query.maxDuration;
    }
    if (query.hasRecording) {
        terms << (*query.hasRecording ? QStringLiteral("(c.recording_path IS NOT NULL OR c.voice_recording_url IS NOT NULL)")
                                      : QStringLiteral("(c.recording_path IS NULL AND c.voice_recording_url IS NULL)"));
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString match = matchExpression(query);
        if (match.isEmpty()) {
            terms << QStringLiteral("0");   // only punctuation: nothing can match
        } else {
            terms << searchTerm(plan);
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
        terms << QStringLiteral("c.id") + inJsonList();
        *values << jsonList(query.ids);
    }
    if (!query.callIds.isEmpty()) {
        terms << QStringLiteral("c.call_id") + inJsonList();
        *values << jsonList(query.callIds);
    }
    for (const CallCondition &condition : query.conditions)
        terms << CallConditionSql::where(condition, values);
    return terms.join(QStringLiteral(" AND "));
}

QString CallListSql::keyExpression(CallSortField field)
{
    switch (field) {
    case CallSortField::Time: return QStringLiteral("c.timestamp");
    case CallSortField::Agent: return QStringLiteral("c.agent_key");
    case CallSortField::CallId: return QStringLiteral("c.call_id");
    case CallSortField::Duration: return QStringLiteral("c.duration");
    case CallSortField::Status: return QStringLiteral("c.status");
    case CallSortField::Reviewed: return ReviewedExpression;
    case CallSortField::EndedReason: return QStringLiteral("c.call_ended_reason");
    case CallSortField::Customer: return QStringLiteral("c.customer_number");
    }
    return QStringLiteral("c.timestamp");
}

bool CallListSql::isNullable(CallSortField field)
{
    return field == CallSortField::Status || field == CallSortField::EndedReason || field == CallSortField::Customer;
}

QString CallListSql::orderBy(const CallSort &sort)
{
    const QString direction = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString order = QStringLiteral(" ORDER BY ");
    if (sort.field != CallSortField::Time)
        order += keyExpression(sort.field) + direction + QStringLiteral(", ");
    return order + QStringLiteral("c.timestamp") + direction + QStringLiteral(", c.id") + direction;
}

QList<CallListSql::Segment> CallListSql::keysetSegments(const CallQuery &query)
{
    if (query.afterId <= 0)
        return {Segment{}};
    const QString after = query.sort.descending ? QStringLiteral("<") : QStringLiteral(">");
    const qint64 timestamp = query.afterTimestamp.toMSecsSinceEpoch();
    if (query.sort.field == CallSortField::Time)
        return {Segment{QStringLiteral("(c.timestamp, c.id) %1 (?, ?)").arg(after), {timestamp, query.afterId}}};

    const QString key = keyExpression(query.sort.field);
    // Empty text is stored as NULL, so an empty key is the NULL key.
    const bool nullKey = query.afterKey.isNull()
                         || (query.afterKey.typeId() == QMetaType::QString && query.afterKey.toString().isEmpty());
    const Segment sameOrLaterKey{QStringLiteral("(%1, c.timestamp, c.id) %2 (?, ?, ?)").arg(key, after),
                                 {query.afterKey, timestamp, query.afterId}};
    if (!isNullable(query.sort.field))
        return {sameOrLaterKey};
    // SQLite orders NULL below every value: last when descending, first when ascending.
    const Segment restOfNulls{QStringLiteral("%1 IS NULL AND (c.timestamp, c.id) %2 (?, ?)").arg(key, after),
                              {timestamp, query.afterId}};
    if (query.sort.descending)
        return nullKey ? QList<Segment>{restOfNulls}
                       : QList<Segment>{sameOrLaterKey, {key + QStringLiteral(" IS NULL"), {}}};
    return nullKey ? QList<Segment>{restOfNulls, {key + QStringLiteral(" IS NOT NULL"), {}}}
                   : QList<Segment>{sameOrLaterKey};
}

QVariant CallListSql::sortKey(CallSortField field, const CallLog &call)
{
    const auto text = [](const QString &value) { return value.isEmpty() ? QVariant() : QVariant(value); };
    switch (field) {
    case CallSortField::Time: return call.timestamp.toMSecsSinceEpoch();
    case CallSortField::Agent: return call.agentKey();
    case CallSortField::CallId: return call.callId;
    case CallSortField::Duration: return call.durationSeconds;
    case CallSortField::Status: return call.status ? QVariant(ReviewStatuses::name(*call.status)) : QVariant();
    case CallSortField::Reviewed:
        return int(call.status == ReviewStatus::ReviewedSuccess || call.status == ReviewStatus::ReviewedFailure);
    case CallSortField::EndedReason: return text(call.callEndedReason);
    case CallSortField::Customer: return text(call.customerNumber);
    }
    return {};
}
