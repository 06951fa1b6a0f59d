#include "calllog.h"

#include <QJsonArray>

#include <cmath>

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CallLog::formatTimestamp(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString CallLog::agentKey() const
{
    if (agent)
        return QStringLiteral("agent:%1").arg(*agent);
    return QStringLiteral("assistant:") + assistantId;
}

double CallLog::transcriptDuration() const
{
    double longest = 0.0;
    for (const Turn &turn : turns)
        longest = std::max(longest, std::max(turn.endTime, turn.startTime));
    return longest;
}

QString CallLog::formatDuration(double seconds)
{
    const qint64 whole = std::llround(std::max(0.0, seconds));
    return QStringLiteral("%1:%2").arg(whole / 60, 2, 10, QLatin1Char('0')).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString CallLog::formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString CallLog::transcriptText() const
{
    QStringList lines;
    lines.reserve(turns.size());
    for (const Turn &turn : turns) {
        QString text = turn.content;
        if (turn.isTool()) {
            const QString name = turn.data.value(QStringLiteral("name")).toString();
            text = turn.role == Turn::Role::FunctionCall
                       ? name + QLatin1Char('(') + turn.data.value(QStringLiteral("arguments")).toString() + QLatin1Char(')')
                       : name + QLatin1String(" -> ") + turn.data.value(QStringLiteral("result")).toVariant().toString();
        }
        lines.append(QStringLiteral("[%1] %2: %3").arg(formatDuration(turn.startTime), Turn::roleName(turn.role), text));
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonArray CallLog::transcriptJson() const
{
    QJsonArray array;
    for (const Turn &turn : turns)
        array.append(turn.toJson());
    return array;
}

QJsonObject CallLog::toResponseJson() const
{
    QJsonArray metricArray;
    for (const MetricResult &metric : metrics)
        metricArray.append(metric.toJson());

    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("call_id"), callId},
        {QStringLiteral("duration"), formatDuration(durationSeconds)},
        {QStringLiteral("success"), status ? QJsonValue(ReviewStatuses::isSuccess(*status)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("is_reviewed"), status && ReviewStatuses::isReviewed(*status)},
        {QStringLiteral("status"), status ? QJsonValue(ReviewStatuses::name(*status)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("feedback"), feedback ? QJsonValue(*feedback) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("metrics"), metricArray},
        {QStringLiteral("call_ended_reason"), stringOrNull(callEndedReason)},
        {QStringLiteral("customer_number"), stringOrNull(customerNumber)},
        {QStringLiteral("agent"), agent ? QJsonValue(*agent) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("assistant_id"), stringOrNull(assistantId)},
        {QStringLiteral("agent_name"), agentName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(agentName)},
        {QStringLiteral("trace_id"), traceId},
        {QStringLiteral("timestamp"), timeOrNull(timestamp)},
        {QStringLiteral("error_message"), stringOrNull(errorMessage)},
        {QStringLiteral("dropoff_point"), stringOrNull(dropoffPoint)},
        {QStringLiteral("topic"), stringOrNull(topic)},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("updated_at"), timeOrNull(updatedAt)},
        {QStringLiteral("transcript"), transcriptText()},
        {QStringLiteral("transcript_object"), transcriptJson()},
        {QStringLiteral("evaluation"), QJsonObject{{QStringLiteral("metrics"), metricArray}}},
    };
    return object;
}

QJsonObject CallLog::toDetailJson() const
{
    QJsonObject object = toResponseJson();
    object.insert(QStringLiteral("voice_recording_url"), stringOrNull(voiceRecordingUrl));
    object.insert(QStringLiteral("agent_id"), agent ? QJsonValue(QString::number(*agent)) : stringOrNull(assistantId));
    object.insert(QStringLiteral("metadata"), metadata);
    object.insert(QStringLiteral("dynamic_variables"), dynamicVariables);
    object.insert(QStringLiteral("testing_channel_index"),
                  mainAgentChannelIndex ? QJsonValue(1 - *mainAgentChannelIndex) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("critical_categories"), QJsonArray());
    object.insert(QStringLiteral("transcript_type"), transcriptType);
    return object;
}

QJsonObject CallLog::toObserveJson() const
{
    QJsonObject object{{QStringLiteral("call_id"), callId}};
    // Turns are written normalized (cekura) whatever format they came in; an audio-only
    // call still waiting for its transcript stays none-mono.
    if (transcriptType == QLatin1String("none-mono") && turns.isEmpty()) {
        object.insert(QStringLiteral("transcript_type"), transcriptType);
    } else {
        object.insert(QStringLiteral("transcript_type"), QStringLiteral("cekura"));
        object.insert(QStringLiteral("transcript_json"), transcriptJson());
    }
    if (agent)
        object.insert(QStringLiteral("agent"), *agent);
    if (!assistantId.isEmpty())
        object.insert(QStringLiteral("assistant_id"), assistantId);
    if (!traceId.isEmpty())
        object.insert(QStringLiteral("trace_id"), traceId);
    if (!voiceRecordingUrl.isEmpty())
        object.insert(QStringLiteral("voice_recording_url"), voiceRecordingUrl);
    if (!callEndedReason.isEmpty())
        object.insert(QStringLiteral("call_ended_reason"), callEndedReason);
    if (!customerNumber.isEmpty())
        object.insert(QStringLiteral("customer_number"), customerNumber);
    if (!metadata.isEmpty())
        object.insert(QStringLiteral("metadata"), metadata);
    if (!dynamicVariables.isEmpty())
        object.insert(QStringLiteral("dynamic_variables"), dynamicVariables);
    if (timestamp.isValid())
        object.insert(QStringLiteral("timestamp"), formatTimestamp(timestamp));
    if (feedback)
        object.insert(QStringLiteral("feedback"), *feedback);
    if (!redactFields.isEmpty())
        object.insert(QStringLiteral("redact_fields"), QJsonArray::fromStringList(redactFields));
    if (mainAgentChannelIndex)
        object.insert(QStringLiteral("main_agent_channel_index"), *mainAgentChannelIndex);
    if (status)
        object.insert(QStringLiteral("status"), ReviewStatuses::name(*status));
    return object;
}
