#pragma once

#include "metricdefinition.h"
#include "metricoutcome.h"
#include "rulemetric.h"

#include "audio/partyspeech.h"
#include "calllog/calllog.h"
#include "calllog/metricresult.h"

#include <QHash>
#include <QList>

#include <optional>

// Evaluates a set of metric definitions on calls, without a network: the built-ins and
// the rules (compiled once, when the evaluator is made). LLM-judge metrics are left to the
// judge; metricsFor() names them and judged() turns the judge's outcome into a result.
// Immutable after construction, so one evaluator may serve several threads.
class MetricEvaluator
{
public:
    explicit MetricEvaluator(const QList<MetricDefinition> &definitions = {});

    const QList<MetricDefinition> &definitions() const { return m_definitions; }
    const MetricDefinition *find(qint64 metricId) const;
    const MetricDefinition *findKey(const QString &key) const;

    // The metrics to run on `call`: those with the ids in `requested` when it is not empty
    // (unknown ids are skipped), else those enabled for the call's agent.
    QList<const MetricDefinition *> metricsFor(const CallLog &call, const QList<qint64> &requested = {}) const;
    // Results of the built-in and rule metrics among `metrics`, in their order; the
    // time-based built-ins from `recordedSpeech` when it is given (METRICS.md "Audio mode").
    QList<MetricResult> evaluate(const CallLog &call, const QList<const MetricDefinition *> &metrics, qint64 nowMs,
                                 const std::optional<PartySpeech> &recordedSpeech = std::nullopt) const;

    // The stored form of `outcome` for `definition`.
    static MetricResult resultOf(const MetricDefinition &definition, const MetricOutcome &outcome, qint64 nowMs);

private:
    QList<MetricDefinition> m_definitions;
    QHash<qint64, RuleMetric> m_rules;     // by metric id, for the valid rule metrics
};
