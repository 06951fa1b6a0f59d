#pragma once

#include "calllog/metricresult.h"
#include "metrics/metricdefinition.h"

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

} // namespace MetricTestData
