#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The result of one metric evaluated on one call, in the API's `metrics[]` item shape.
struct MetricResult
{
    qint64 metricId = 0;
    QString name;
    QString type;          // binary, continuous_qualitative, numeric, enum
    QJsonValue score;      // number or null
    QJsonValue value;      // enum value or null
    QStringList enumValues;
    QStringList explanation;

    QJsonObject toJson() const;
    static MetricResult fromJson(const QJsonObject &object);

    bool operator==(const MetricResult &other) const = default;
};
