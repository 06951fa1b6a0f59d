#include "calllogjsonwriter.h"

#include "calllog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <optional>
#include <type_traits>

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer &writer, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    writer.String(utf8.constData(), rapidjson::SizeType(utf8.size()));
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

// One "key": value pair each. Nullable values are null when absent (a null QString,
// an empty optional, an invalid time).
void textField(Writer &writer, const char *key, const QString &value)
{
    writer.Key(key);
    string(writer, value);
}

void nullableTextField(Writer &writer, const char *key, const QString &value)
{
    writer.Key(key);
    if (value.isNull())
        writer.Null();
    else
        string(writer, value);
}

// An integer, a boolean or a text, or null when there is none.
template <typename T>
void optionalField(Writer &writer, const char *key, const std::optional<T> &value)
{
    writer.Key(key);
    if (!value)
        writer.Null();
    else if constexpr (std::is_same_v<T, bool>)
        writer.Bool(*value);
    else if constexpr (std::is_same_v<T, QString>)
        string(writer, *value);
    else
        writer.Int64(*value);
}

void timeField(Writer &writer, const char *key, const QDateTime &time)
{
    nullableTextField(writer, key, time.isValid() ? CallLog::formatTimestamp(time) : QString());
}

void objectField(Writer &writer, const char *key, const QJsonObject &object)
{
    writer.Key(key);
    raw(writer, object);
}

void metricsField(Writer &writer, const char *key, const QList<MetricResult> &results)
{
    writer.Key(key);
    writer.StartArray();
    for (const MetricResult &result : results) {
        const QByteArray json = result.toJsonText();
        writer.RawValue(json.constData(), json.size(), rapidjson::kObjectType);
    }
    writer.EndArray();
}

void turn(Writer &writer, const Turn &entry)
{
    writer.StartObject();
    textField(writer, "role", Turn::roleName(entry.role));
    if (entry.role != Turn::Role::FunctionCallResult)
        textField(writer, "content", entry.content);
    writer.Key("start_time");
    number(writer, entry.startTime);
    writer.Key("end_time");
    number(writer, entry.endTime);
    if (!entry.data.isEmpty())
        objectField(writer, "data", entry.data);
    writer.EndObject();
}

void reviewEvent(Writer &writer, const ReviewEvent &event)
{
    writer.StartObject();
    timeField(writer, "time", event.time);
    textField(writer, "source", event.source);
    textField(writer, "field", event.field);
    nullableTextField(writer, "old", event.oldValue);
    nullableTextField(writer, "new", event.newValue);
    writer.EndObject();
}

} // namespace

QByteArray CallLogJsonWriter::write(const CallLog &call, Shape shape)
{
    const std::optional<ReviewStatus> status = call.status;
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartObject();
    optionalField<qint64>(writer, "id", call.id);
    textField(writer, "call_id", call.callId);
    textField(writer, "duration", CallLog::formatDuration(call.durationSeconds));
    optionalField<bool>(writer, "success", status ? std::optional(ReviewStatuses::isSuccess(*status)) : std::nullopt);
    optionalField<bool>(writer, "is_reviewed", status && ReviewStatuses::isReviewed(*status));
    nullableTextField(writer, "status", status ? ReviewStatuses::name(*status) : QString());
    optionalField(writer, "feedback", call.feedback);
    metricsField(writer, "metrics", call.metrics);
    nullableTextField(writer, "call_ended_reason", call.callEndedReason);
    nullableTextField(writer, "customer_number", call.customerNumber);
    optionalField(writer, "agent", call.agent);
    nullableTextField(writer, "assistant_id", call.assistantId);
    nullableTextField(writer, "agent_name", call.agentName.isEmpty() ? QString() : call.agentName);
    textField(writer, "trace_id", call.traceId);
    timeField(writer, "timestamp", call.timestamp);
    nullableTextField(writer, "error_message", call.errorMessage);
    nullableTextField(writer, "dropoff_point", call.dropoffPoint);
    nullableTextField(writer, "topic", call.topic);
    timeField(writer, "created_at", call.createdAt);
    timeField(writer, "updated_at", call.updatedAt);
    textField(writer, "transcript", call.transcriptText());
    writer.Key("transcript_object");
    writer.StartArray();
    for (const Turn &entry : call.turns)
        turn(writer, entry);
    writer.EndArray();
    writer.Key("evaluation");
    writer.StartObject();
    metricsField(writer, "metrics", call.metrics);
    writer.EndObject();

    if (shape == Shape::Detail) {
        nullableTextField(writer, "voice_recording_url", call.voiceRecordingUrl);
        nullableTextField(writer, "agent_id", call.agent ? QString::number(*call.agent) : call.assistantId);
        objectField(writer, "metadata", call.metadata);
        objectField(writer, "dynamic_variables", call.dynamicVariables);
        // The request's channel, else the one the audio analysis detected, with which it is.
        const std::optional<int> agentChannel = call.agentChannel();
        optionalField<qint64>(writer, "main_agent_channel_index",
                              agentChannel ? std::optional<qint64>(*agentChannel) : std::nullopt);
        nullableTextField(writer, "main_agent_channel_source", call.agentChannelSource());
        optionalField<qint64>(writer, "testing_channel_index",
                              agentChannel ? std::optional<qint64>(1 - *agentChannel) : std::nullopt);
        writer.Key("critical_categories");
        writer.StartArray();
        writer.EndArray();
        textField(writer, "transcript_type", call.transcriptType);
        // Callscope's own: what redaction removed, spans per kind.
        writer.Key("redactions");
        writer.StartObject();
        for (auto it = call.redactionCounts.cbegin(); it != call.redactionCounts.cend(); ++it) {
            writer.Key(RedactionKinds::name(it.key()).toUtf8().constData());
            writer.Int(it.value());
        }
        writer.EndObject();
        // Callscope's own: where local transcription of an audio-only call is.
        writer.Key("transcription");
        if (call.transcription) {
            writer.StartObject();
            textField(writer, "status", TranscriptionState::name(call.transcription->status));
            writer.Key("progress");
            number(writer, call.transcription->progress);
            writer.EndObject();
        } else {
            writer.Null();
        }
        writer.Key("review_history");
        writer.StartArray();
        for (const ReviewEvent &event : call.reviewHistory)
            reviewEvent(writer, event);
        writer.EndArray();
        writer.Key("annotations");
        writer.StartArray();
        for (const TurnLabel &label : call.annotations.value_or(QList<TurnLabel>()))
            raw(writer, label.toJson());
        writer.EndArray();
    }
    writer.EndObject();
    return QByteArray(buffer.GetString(), qsizetype(buffer.GetSize()));
}
