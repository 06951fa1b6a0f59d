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
    // Only the turns of this call, tokenized as FTS5 would: a few microseconds a call,
    // where an FTS5 cursor per call costs one seek into each index segment (measured
    // 35 to 190 µs a call at a million calls with 20 segments).
    return QStringLiteral("EXISTS (SELECT 1 FROM turns t WHERE t.call = c.id AND callscope_turn_matches(t.content, ?))");
}

// A current result: no newer version of the same metric for the call (the primary key
// (call, metric_id, metric_version) answers both lookups).
QString metricTerm(const MetricFilter &filter, QVariantList *values)
{
    QString term = QStringLiteral(
        "EXISTS (SELECT 1 FROM metric_results r JOIN metrics m ON m.id = r.metric_id "
        "WHERE r.call = c.id AND m.key = ? "
        "AND NOT EXISTS (SELECT 1 FROM metric_results n WHERE n.call = r.call "
        "AND n.metric_id = r.metric_id AND n.metric_version > r.metric_version)");
    *values << filter.key;
    if (filter.passed) {
        term += QStringLiteral(" AND r.passed = ?");
        *values << int(*filter.passed);
    }
    if (filter.minScore) {
        term += QStringLiteral(" AND r.score >= ?");
        *values << *filter.minScore;
    }
    if (filter.maxScore) {
        term += QStringLiteral(" AND r.score < ?");
        *values << *filter.maxScore;
    }
    return term + QLatin1Char(')');
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
    if (query.hasLabels)
        terms << (*query.hasLabels ? QStringLiteral("c.label_count > 0") : QStringLiteral("c.label_count = 0"));
    if (query.hasFailedMetrics) {
        terms << (*query.hasFailedMetrics ? QStringLiteral("c.failed_metric_count > 0")
                                          : QStringLiteral("c.failed_metric_count = 0"));
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
    for (const MetricFilter &metric : query.metrics)
        terms << metricTerm(metric, values);
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
    case CallSortField::Labels: return QStringLiteral("c.label_count");
    case CallSortField::FailedMetrics: return QStringLiteral("c.failed_metric_count");
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

namespace {

const std::pair<CallSortField, const char *> FieldNames[] = {
    {CallSortField::Time, "time"},         {CallSortField::Agent, "agent"},
    {CallSortField::CallId, "call_id"},    {CallSortField::Duration, "duration"},
    {CallSortField::Status, "status"},     {CallSortField::Reviewed, "reviewed"},
    {CallSortField::EndedReason, "ended_reason"}, {CallSortField::Customer, "customer"},
    {CallSortField::Labels, "labels"},     {CallSortField::FailedMetrics, "failed_metrics"},
};

} // namespace

QString CallListSql::sortFieldName(CallSortField field)
{
    for (const auto &[known, name] : FieldNames) {
        if (known == field)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<CallSortField> CallListSql::sortFieldFromName(const QString &name)
{
    for (const auto &[field, known] : FieldNames) {
        if (name == QLatin1String(known))
            return field;
    }
    return std::nullopt;
}

QStringList CallListSql::sortFieldNames()
{
    QStringList names;
    for (const auto &entry : FieldNames)
        names.append(QString::fromLatin1(entry.second));
    return names;
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
    case CallSortField::Labels: return call.labelCount;
    case CallSortField::FailedMetrics: return call.failedMetricCount;
    }
    return {};
}
