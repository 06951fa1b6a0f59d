#include "callqueryjson.h"

#include <QJsonArray>

namespace {

const QString kStatus = QStringLiteral("status");
const QString kReviewed = QStringLiteral("reviewed");
const QString kAgents = QStringLiteral("agents");
const QString kEndedReasons = QStringLiteral("endedReasons");
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kMinDuration = QStringLiteral("minDuration");
const QString kMaxDuration = QStringLiteral("maxDuration");
const QString kHasRecording = QStringLiteral("hasRecording");
const QString kHasLabels = QStringLiteral("hasLabels");
const QString kHasFailedMetrics = QStringLiteral("hasFailedMetrics");
const QString kSearch = QStringLiteral("search");
const QString kMetrics = QStringLiteral("metrics");
const QString kKey = QStringLiteral("key");
const QString kPassed = QStringLiteral("passed");
const QString kMinScore = QStringLiteral("minScore");
const QString kMaxScore = QStringLiteral("maxScore");
const QString kSort = QStringLiteral("sort");
const QString kDescending = QStringLiteral("descending");

const QList<std::pair<CallSortField, QString>> &sortFieldNames()
{
    static const QList<std::pair<CallSortField, QString>> names{
        {CallSortField::Time, QStringLiteral("time")},
        {CallSortField::Agent, QStringLiteral("agent")},
        {CallSortField::CallId, QStringLiteral("call_id")},
        {CallSortField::Duration, QStringLiteral("duration")},
        {CallSortField::Status, QStringLiteral("status")},
        {CallSortField::Reviewed, QStringLiteral("reviewed")},
        {CallSortField::EndedReason, QStringLiteral("ended_reason")},
        {CallSortField::Customer, QStringLiteral("customer")},
        {CallSortField::Labels, QStringLiteral("labels")},
        {CallSortField::FailedMetrics, QStringLiteral("failed_metrics")},
    };
    return names;
}

QJsonArray toArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

// `keepEmpty`: "" is a value of its own (an ended reason: calls without one).
QStringList stringsOf(const QJsonValue &value, bool keepEmpty)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString() && (keepEmpty || !item.toString().isEmpty()))
            strings.append(item.toString());
    }
    return strings;
}

std::optional<bool> boolOf(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

std::optional<double> numberOf(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() && value.toDouble() >= 0 ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QDateTime timeOf(const QJsonObject &json, const QString &key)
{
    const QDateTime time = QDateTime::fromString(json.value(key).toString(), Qt::ISODateWithMs);
    return time.isValid() ? time : QDateTime();
}

std::optional<double> scoreOf(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QJsonArray metricsToJson(const QList<MetricFilter> &metrics)
{
    QJsonArray array;
    for (const MetricFilter &metric : metrics) {
        QJsonObject json{{kKey, metric.key}};
        if (metric.passed)
            json.insert(kPassed, *metric.passed);
        if (metric.minScore)
            json.insert(kMinScore, *metric.minScore);
        if (metric.maxScore)
            json.insert(kMaxScore, *metric.maxScore);
        array.append(json);
    }
    return array;
}

QList<MetricFilter> metricsOf(const QJsonValue &value)
{
    QList<MetricFilter> metrics;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject json = item.toObject();
        const QString key = json.value(kKey).toString();
        if (key.isEmpty())
            continue;
        metrics.append({key, boolOf(json, kPassed), scoreOf(json, kMinScore), scoreOf(json, kMaxScore)});
    }
    return metrics;
}

} // namespace

namespace CallQueryJson {

QJsonObject toJson(const CallQuery &query)
{
    QJsonObject json;
    if (query.status)
        json.insert(kStatus, ReviewStatuses::name(*query.status));
    if (query.reviewed)
        json.insert(kReviewed, *query.reviewed);
    if (!query.agentKeys.isEmpty())
        json.insert(kAgents, toArray(query.agentKeys));
    if (!query.endedReasons.isEmpty())
        json.insert(kEndedReasons, toArray(query.endedReasons));
    if (query.timestampFrom.isValid())
        json.insert(kFrom, query.timestampFrom.toUTC().toString(Qt::ISODateWithMs));
    if (query.timestampTo.isValid())
        json.insert(kTo, query.timestampTo.toUTC().toString(Qt::ISODateWithMs));
    if (query.minDuration)
        json.insert(kMinDuration, *query.minDuration);
    if (query.maxDuration)
        json.insert(kMaxDuration, *query.maxDuration);
    if (query.hasRecording)
        json.insert(kHasRecording, *query.hasRecording);
    if (query.hasLabels)
        json.insert(kHasLabels, *query.hasLabels);
    if (query.hasFailedMetrics)
        json.insert(kHasFailedMetrics, *query.hasFailedMetrics);
    if (!query.metrics.isEmpty())
        json.insert(kMetrics, metricsToJson(query.metrics));
    if (!query.search.isEmpty())
        json.insert(kSearch, query.search);
    json.insert(kSort, sortFieldName(query.sort.field));
    json.insert(kDescending, query.sort.descending);
    return json;
}

CallQuery fromJson(const QJsonObject &json)
{
    CallQuery query;
    query.status = ReviewStatuses::fromName(json.value(kStatus).toString());
    query.reviewed = boolOf(json, kReviewed);
    query.agentKeys = stringsOf(json.value(kAgents), false);
    query.endedReasons = stringsOf(json.value(kEndedReasons), true);
    query.timestampFrom = timeOf(json, kFrom);
    query.timestampTo = timeOf(json, kTo);
    query.minDuration = numberOf(json, kMinDuration);
    query.maxDuration = numberOf(json, kMaxDuration);
    query.hasRecording = boolOf(json, kHasRecording);
    query.hasLabels = boolOf(json, kHasLabels);
    query.hasFailedMetrics = boolOf(json, kHasFailedMetrics);
    query.metrics = metricsOf(json.value(kMetrics));
    query.search = json.value(kSearch).toString().trimmed();
    if (const auto field = sortFieldFromName(json.value(kSort).toString()))
        query.sort.field = *field;
    query.sort.descending = json.value(kDescending).toBool(query.sort.descending);
    return query;
}

QString sortFieldName(CallSortField field)
{
    for (const auto &[known, name] : sortFieldNames()) {
        if (known == field)
            return name;
    }
    return {};
}

std::optional<CallSortField> sortFieldFromName(const QString &name)
{
    for (const auto &[field, known] : sortFieldNames()) {
        if (known == name)
            return field;
    }
    return std::nullopt;
}

} // namespace CallQueryJson
