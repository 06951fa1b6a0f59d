#include "calllog.h"

#include "agentkey.h"
#include "calllogjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

QString CallLog::agentKey() const
{
    return (agent ? AgentKey::ofAgent(*agent) : AgentKey::ofAssistant(assistantId)).toString();
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
    const qint64 minutes = whole / 60;
    const int rest = int(whole % 60);
    // Built by hand, not with arg(): it runs for every turn of every answered call.
    QString text = minutes < 10 ? QStringLiteral("0") + QString::number(minutes) : QString::number(minutes);
    text += QLatin1Char(':');
    text += QLatin1Char(char('0' + rest / 10));
    text += QLatin1Char(char('0' + rest % 10));
    return text;
}

QString CallLog::formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString CallLog::transcriptText() const
{
    QString text;
    for (const Turn &turn : turns) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += QLatin1Char('[') + formatDuration(turn.startTime) + QLatin1String("] ") + Turn::roleName(turn.role)
                + QLatin1String(": ");
        if (!turn.isTool()) {
            text += turn.content;
            continue;
        }
        text += turn.data.value(QStringLiteral("name")).toString();
        if (turn.role == Turn::Role::FunctionCall)
            text += QLatin1Char('(') + turn.data.value(QStringLiteral("arguments")).toString() + QLatin1Char(')');
        else
            text += QLatin1String(" -> ") + turn.data.value(QStringLiteral("result")).toVariant().toString();
    }
    return text;
}

QString CallLog::agentChannelSource() const
{
    if (mainAgentChannelIndex)
        return QStringLiteral("request");
    return detectedAgentChannel ? QStringLiteral("detected") : QString();
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
    return QJsonDocument::fromJson(CallLogJsonWriter::write(*this, CallLogJsonWriter::Shape::Response)).object();
}

QJsonObject CallLog::toDetailJson() const
{
    return QJsonDocument::fromJson(CallLogJsonWriter::write(*this, CallLogJsonWriter::Shape::Detail)).object();
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
    if (annotations)
        object.insert(QStringLiteral("annotations"), TurnLabel::listToJson(*annotations));
    return object;
}
