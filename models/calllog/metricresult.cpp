#include "metricresult.h"

#include <QJsonArray>

QJsonObject MetricResult::toJson() const
{
    QJsonObject object{
        {QStringLiteral("id"), metricId},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), type},
        {QStringLiteral("score"), score},
        {QStringLiteral("enum"), QJsonArray::fromStringList(enumValues)},
        {QStringLiteral("value"), value},
        {QStringLiteral("explanation"), QJsonArray::fromStringList(explanation)},
    };
    if (key.isEmpty())
        return object;   // a sender's result, as it was posted
    object.insert(QStringLiteral("key"), key);
    object.insert(QStringLiteral("metric_version"), metricVersion);
    object.insert(QStringLiteral("source"), source);
    QJsonArray eventArray;
    for (const MetricEvent &event : events)
        eventArray.append(QJsonObject{{QStringLiteral("time"), event.time},
                                      {QStringLiteral("duration"), event.duration},
                                      {QStringLiteral("turn_index"), event.turnIndex}});
    object.insert(QStringLiteral("events"), eventArray);
    object.insert(QStringLiteral("evaluated_at"), evaluatedAtMs);
    if (!notApplicableReason.isEmpty())
        object.insert(QStringLiteral("na_reason"), notApplicableReason);
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    if (passed)
        object.insert(QStringLiteral("passed"), *passed);
    return object;
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
