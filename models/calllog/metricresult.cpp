#include "metricresult.h"

#include <QJsonArray>

QJsonObject MetricResult::toJson() const
{
    return {
        {QStringLiteral("id"), metricId},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), type},
        {QStringLiteral("score"), score},
        {QStringLiteral("enum"), QJsonArray::fromStringList(enumValues)},
        {QStringLiteral("value"), value},
        {QStringLiteral("explanation"), QJsonArray::fromStringList(explanation)},
    };
}

MetricResult MetricResult::fromJson(const QJsonObject &object)
{
    MetricResult result;
    result.metricId = object.value(QStringLiteral("id")).toInteger();
    result.name = object.value(QStringLiteral("name")).toString();
    result.type = object.value(QStringLiteral("type")).toString();
    result.score = object.value(QStringLiteral("score"));
    result.value = object.value(QStringLiteral("value"));
    for (const QJsonValue &v : object.value(QStringLiteral("enum")).toArray())
        result.enumValues.append(v.toString());
    for (const QJsonValue &v : object.value(QStringLiteral("explanation")).toArray())
        result.explanation.append(v.toString());
    return result;
}
