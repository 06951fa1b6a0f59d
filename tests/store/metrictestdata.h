#pragma once

#include "calllog/metricresult.h"
#include "metrics/metricdefinition.h"

#include <optional>

// Metric results for the store and list tests, as the evaluator writes them.
namespace MetricTestData {

// A binary result of a stored metric (its id, version and key set): passed or failed.
inline MetricResult binaryResult(const MetricDefinition &metric, bool passed)
{
    MetricResult result;
    result.metricId = metric.id;
    result.metricVersion = metric.version;
    result.key = metric.key;
    result.name = metric.name;
    result.type = QStringLiteral("binary");
    result.value = passed;
    result.score = passed ? 1 : 0;
    result.passed = passed;
    result.source = QStringLiteral("transcript");
    result.evaluatedAtMs = 1767000000000;
    return result;
}

// A numeric result of a stored metric with `score` as its value, at `version` (the
// metric's own when 0 is not asked for: the sender's results are version 0).
inline MetricResult numericResult(const MetricDefinition &metric, double score, std::optional<int> version = std::nullopt)
{
    MetricResult result;
    result.metricId = metric.id;
    result.metricVersion = version.value_or(metric.version);
    result.key = metric.key;
    result.name = metric.name;
    result.type = QStringLiteral("numeric");
    result.value = score;
    result.score = score;
    result.source = QStringLiteral("transcript");
    result.evaluatedAtMs = 1767000000000;
    return result;
}

} // namespace MetricTestData
