#include "metrictype.h"

QString MetricTypes::name(MetricType type)
{
    switch (type) {
    case MetricType::Binary: return QStringLiteral("binary");
    case MetricType::Numeric: return QStringLiteral("numeric");
    case MetricType::Enum: return QStringLiteral("enum");
    case MetricType::Rating: return QStringLiteral("rating");
    }
    return {};
}

std::optional<MetricType> MetricTypes::fromName(const QString &name)
{
    for (MetricType type : {MetricType::Binary, MetricType::Numeric, MetricType::Enum, MetricType::Rating}) {
        if (name == MetricTypes::name(type))
            return type;
    }
    if (name == QLatin1String("continuous_qualitative"))
        return MetricType::Rating;
    return std::nullopt;
}

QString MetricTypes::apiName(MetricType type)
{
    return type == MetricType::Rating ? QStringLiteral("continuous_qualitative") : name(type);
}
