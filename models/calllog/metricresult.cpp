#include "metricresult.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void text(Writer &writer, const char *key, const QString &value)
{
    writer.Key(key);
    const QByteArray utf8 = value.toUtf8();
    writer.String(utf8.constData(), rapidjson::SizeType(utf8.size()));
}

void number(Writer &writer, double value)
{
    constexpr double kExactIntegers = 9007199254740992.0;   // 2^53, as QJsonDocument writes whole numbers
    if (!std::isfinite(value))
        writer.Null();
    else if (value == std::trunc(value) && std::abs(value) < kExactIntegers)
        writer.Int64(qint64(value));
    else
        writer.Double(value);
}

// A score or value: a number, a bool, a string or null.
void scalar(Writer &writer, const char *key, const QJsonValue &value)
{
    writer.Key(key);
    if (value.isDouble())
        number(writer, value.toDouble());
    else if (value.isBool())
        writer.Bool(value.toBool());
    else if (value.isString()) {
        const QByteArray utf8 = value.toString().toUtf8();
        writer.String(utf8.constData(), rapidjson::SizeType(utf8.size()));
    } else
        writer.Null();
}

void strings(Writer &writer, const char *key, const QStringList &values)
{
    writer.Key(key);
    writer.StartArray();
    for (const QString &value : values) {
        const QByteArray utf8 = value.toUtf8();
        writer.String(utf8.constData(), rapidjson::SizeType(utf8.size()));
    }
    writer.EndArray();
}

// The object's members; without `withRowFields` the ones a stored row holds in its own
// columns (id, metric_version, evaluated_at, passed) or its metric's definition (name,
// type, enum, key, unit) are left out.
void writeResult(Writer &writer, const MetricResult &result, bool withRowFields)
{
    writer.StartObject();
    if (withRowFields) {
        writer.Key("id");
        writer.Int64(result.metricId);
        text(writer, "name", result.name);
        text(writer, "type", result.type);
    }
    scalar(writer, "score", result.score);
    if (withRowFields)
        strings(writer, "enum", result.enumValues);
    scalar(writer, "value", result.value);
    strings(writer, "explanation", result.explanation);
    if (!result.key.isEmpty()) {   // else a sender's result, as it was posted
        if (withRowFields) {
            text(writer, "key", result.key);
            if (!result.unit.isEmpty())
                text(writer, "unit", result.unit);
            writer.Key("metric_version");
            writer.Int(result.metricVersion);
        }
        text(writer, "source", result.source);
        writer.Key("events");
        writer.StartArray();
        for (const MetricEvent &event : result.events) {
            writer.StartObject();
            writer.Key("time");
            number(writer, event.time);
            writer.Key("duration");
            number(writer, event.duration);
            writer.Key("turn_index");
            writer.Int(event.turnIndex);
            writer.EndObject();
        }
        writer.EndArray();
        if (withRowFields) {
            writer.Key("evaluated_at");
            writer.Int64(result.evaluatedAtMs);
        }
        if (!result.notApplicableReason.isEmpty())
            text(writer, "na_reason", result.notApplicableReason);
        if (!result.error.isEmpty())
            text(writer, "error", result.error);
        if (result.passed && withRowFields) {
            writer.Key("passed");
            writer.Bool(*result.passed);
        }
    }
    writer.EndObject();
}

QByteArray jsonText(const MetricResult &result, bool withRowFields)
{
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writeResult(writer, result, withRowFields);
    return QByteArray(buffer.GetString(), qsizetype(buffer.GetSize()));
}

} // namespace

// Written with rapidjson, not QJsonObject: the evaluation queue stores a few dozen
// results per call, and building QJsonObjects was 40 % of its time.
QByteArray MetricResult::toJsonText() const
{
    return jsonText(*this, true);
}

QByteArray MetricResult::toStoredJsonText() const
{
    // A sender's result has no definition here to take its name from: it is kept whole.
    return jsonText(*this, key.isEmpty());
}

QJsonObject MetricResult::toJson() const
{
    return QJsonDocument::fromJson(toJsonText()).object();
}

MetricResult MetricResult::fromJson(const QJsonObject &object)
{
    MetricResult result;
    result.metricId = object.value(QStringLiteral("id")).toInteger();
    result.name = object.value(QStringLiteral("name")).toString();
    result.type = object.value(QStringLiteral("type")).toString();
    result.score = object.value(QStringLiteral("score"));
    result.value = object.value(QStringLiteral("value"));
    if (result.score.isUndefined())
        result.score = QJsonValue::Null;
    if (result.value.isUndefined())
        result.value = QJsonValue::Null;
    for (const QJsonValue &v : object.value(QStringLiteral("enum")).toArray())
        result.enumValues.append(v.toString());
    for (const QJsonValue &v : object.value(QStringLiteral("explanation")).toArray())
        result.explanation.append(v.toString());
    result.key = object.value(QStringLiteral("key")).toString();
    result.unit = object.value(QStringLiteral("unit")).toString();
    result.metricVersion = object.value(QStringLiteral("metric_version")).toInt();
    result.source = object.value(QStringLiteral("source")).toString();
    for (const QJsonValue &v : object.value(QStringLiteral("events")).toArray()) {
        const QJsonObject event = v.toObject();
        result.events.append({event.value(QStringLiteral("time")).toDouble(),
                              event.value(QStringLiteral("duration")).toDouble(),
                              event.value(QStringLiteral("turn_index")).toInt(-1)});
    }
    result.evaluatedAtMs = object.value(QStringLiteral("evaluated_at")).toInteger();
    result.notApplicableReason = object.value(QStringLiteral("na_reason")).toString();
    result.error = object.value(QStringLiteral("error")).toString();
    if (const QJsonValue passed = object.value(QStringLiteral("passed")); passed.isBool())
        result.passed = passed.toBool();
    return result;
}
