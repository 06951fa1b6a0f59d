#pragma once

#include "calllog/metricresult.h"

#include <QByteArray>

#include <optional>

// A metric result as its row in metric_results: the columns SQL filters and counts by,
// and the rest as stored JSON (MetricResult::toStoredJsonText()). Made on the caller's
// thread, so the writer thread neither serialises results nor frees their many strings
// (freeing memory another thread allocated contends for malloc's locks).
struct MetricResultRow
{
    qint64 metricId = 0;
    int metricVersion = 0;
    std::optional<double> score;
    std::optional<bool> passed;
    qint64 evaluatedAtMs = 0;   // 0: not known
    QByteArray json;

    static MetricResultRow of(const MetricResult &result)
    {
        return {result.metricId,
                result.metricVersion,
                result.score.isDouble() ? std::optional<double>(result.score.toDouble()) : std::nullopt,
                result.passed,
                result.evaluatedAtMs,
                result.toStoredJsonText()};
    }
};
