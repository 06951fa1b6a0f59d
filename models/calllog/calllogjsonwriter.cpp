#include "calllogjsonwriter.h"

#include "calllog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer &writer, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    writer.String(utf8.constData(), rapidjson::SizeType(utf8.size()));
}

void stringOrNull(Writer &writer, const QString &text)
{
    if (text.isNull())
        writer.Null();
    else
        string(writer, text);
}

void timeOrNull(Writer &writer, const QDateTime &time)
{
    if (time.isValid())
        string(writer, CallLog::formatTimestamp(time));
    else
        writer.Null();
}

// Whole seconds as integers ("start_time":3, not 3.0), as QJsonDocument writes them.
void number(Writer &writer, double value)
{
    constexpr double kExactIntegers = 9007199254740992.0;   // 2^53
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < kExactIntegers)
        writer.Int64(qint64(value));
    else if (std::isfinite(value))
        writer.Double(value);
    else
        writer.Null();   // JSON has no NaN or infinity
}

void raw(Writer &writer, const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    writer.RawValue(json.constData(), json.size(), rapidjson::kObjectType);
}

void turn(Writer &writer, const Turn &entry)
{
    writer.StartObject();
    writer.Key("role");
    string(writer, Turn::roleName(entry.role));
    if (entry.role != Turn::Role::FunctionCallResult) {
        writer.Key("content");
        string(writer, entry.content);
    }
    writer.Key("start_time");
    number(writer, entry.startTime);
    writer.Key("end_time");
    number(writer, entry.endTime);
    if (!entry.data.isEmpty()) {
        writer.Key("data");
        raw(writer, entry.data);
    }
    writer.EndObject();
}

void metrics(Writer &writer, const QList<MetricResult> &results)
{
    writer.StartArray();
    for (const MetricResult &result : results)
        raw(writer, result.toJson());
    writer.EndArray();
}

} // namespace

QByteArray CallLogJsonWriter::write(const CallLog &call, Shape shape)
{
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartObject();
    writer.Key("id");
    writer.Int64(call.id);
    writer.Key("call_id");
    string(writer, call.callId);
    writer.Key("duration");
    string(writer, CallLog::formatDuration(call.durationSeconds));
    writer.Key("success");
    if (call.status)
        writer.Bool(ReviewStatuses::isSuccess(*call.status));
    else
        writer.Null();
    writer.Key("is_reviewed");
    writer.Bool(call.status && ReviewStatuses::isReviewed(*call.status));
    writer.Key("status");
    if (call.status)
        string(writer, ReviewStatuses::name(*call.status));
    else
        writer.Null();
    writer.Key("feedback");
    if (call.feedback)
        string(writer, *call.feedback);
    else
        writer.Null();
    writer.Key("metrics");
    metrics(writer, call.metrics);
    writer.Key("call_ended_reason");
    stringOrNull(writer, call.callEndedReason);
    writer.Key("customer_number");
    stringOrNull(writer, call.customerNumber);
    writer.Key("agent");
    if (call.agent)
        writer.Int64(*call.agent);
    else
        writer.Null();
    writer.Key("assistant_id");
    stringOrNull(writer, call.assistantId);
    writer.Key("agent_name");
    stringOrNull(writer, call.agentName.isEmpty() ? QString() : call.agentName);
    writer.Key("trace_id");
    string(writer, call.traceId);
    writer.Key("timestamp");
    timeOrNull(writer, call.timestamp);
    writer.Key("error_message");
    stringOrNull(writer, call.errorMessage);
    writer.Key("dropoff_point");
    stringOrNull(writer, call.dropoffPoint);
    writer.Key("topic");
    stringOrNull(writer, call.topic);
    writer.Key("created_at");
    timeOrNull(writer, call.createdAt);
    writer.Key("updated_at");
    timeOrNull(writer, call.updatedAt);
    writer.Key("transcript");
    string(writer, call.transcriptText());
    writer.Key("transcript_object");
    writer.StartArray();
    for (const Turn &entry : call.turns)
        turn(writer, entry);
    writer.EndArray();
    writer.Key("evaluation");
    writer.StartObject();
    writer.Key("metrics");
    metrics(writer, call.metrics);
    writer.EndObject();

    if (shape == Shape::Detail) {
        writer.Key("voice_recording_url");
        stringOrNull(writer, call.voiceRecordingUrl);
        writer.Key("agent_id");
        if (call.agent)
            string(writer, QString::number(*call.agent));
        else
            stringOrNull(writer, call.assistantId);
        writer.Key("metadata");
        raw(writer, call.metadata);
        writer.Key("dynamic_variables");
        raw(writer, call.dynamicVariables);
        writer.Key("testing_channel_index");
        if (call.mainAgentChannelIndex)
            writer.Int(1 - *call.mainAgentChannelIndex);
        else
            writer.Null();
        writer.Key("critical_categories");
        writer.StartArray();
        writer.EndArray();
        writer.Key("transcript_type");
        string(writer, call.transcriptType);
    }
    writer.EndObject();
    return QByteArray(buffer.GetString(), qsizetype(buffer.GetSize()));
}
