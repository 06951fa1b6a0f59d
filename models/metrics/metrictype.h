#pragma once

#include <QString>

#include <optional>

// What a metric's value is. The API names a rating "continuous_qualitative" (0-100).
enum class MetricType { Binary, Numeric, Enum, Rating };

namespace MetricTypes {
QString name(MetricType type);                              // binary, numeric, enum, rating
std::optional<MetricType> fromName(const QString &name);    // also takes continuous_qualitative
QString apiName(MetricType type);                           // rating -> continuous_qualitative
}
