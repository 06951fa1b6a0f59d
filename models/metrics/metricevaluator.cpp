#include "metricevaluator.h"

#include "builtinmetrics.h"

#include <cmath>

MetricEvaluator::MetricEvaluator(const QList<MetricDefinition> &definitions)
    : m_definitions(definitions)
{
    for (const MetricDefinition &definition : m_definitions) {
        if (definition.evaluator != MetricDefinition::Evaluator::Rule)
            continue;
        if (std::optional<RuleMetric> rule = RuleMetric::fromConfig(definition.config))
            m_rules.insert(definition.id, *rule);
    }
}

const MetricDefinition *MetricEvaluator::find(qint64 metricId) const
{
    for (const MetricDefinition &definition : m_definitions) {
        if (definition.id == metricId)
            return &definition;
    }
    return nullptr;
}

const MetricDefinition *MetricEvaluator::findKey(const QString &key) const
{
    for (const MetricDefinition &definition : m_definitions) {
        if (definition.key == key)
            return &definition;
    }
    return nullptr;
}

QList<const MetricDefinition *> MetricEvaluator::metricsFor(const CallLog &call, const QList<qint64> &requested) const
{
    QList<const MetricDefinition *> metrics;
    if (!requested.isEmpty()) {
        for (qint64 id : requested) {
            const MetricDefinition *definition = find(id);
            if (definition && !metrics.contains(definition))
                metrics.append(definition);
        }
        return metrics;
    }
    const QString agentKey = call.agentKey();
    for (const MetricDefinition &definition : m_definitions) {
        if (definition.isEnabledFor(agentKey))
            metrics.append(&definition);
    }
    return metrics;
}

QList<MetricResult> MetricEvaluator::evaluate(const CallLog &call, const QList<const MetricDefinition *> &metrics,
                                              qint64 nowMs, const std::optional<PartySpeech> &recordedSpeech) const
{
    QList<MetricResult> results;
    const bool needsBuiltins = std::any_of(metrics.cbegin(), metrics.cend(), [](const MetricDefinition *definition) {
        return definition->evaluator != MetricDefinition::Evaluator::LlmJudge;
    });
    if (!needsBuiltins)
        return results;
    // Every built-in at once: they share their passes over the turns, and rules read them.
    BuiltinMetricInput input;
    input.turns = call.turns;
    if (call.durationSeconds > 0)
        input.recordingDurationS = call.durationSeconds;
    input.callEndedReason = call.callEndedReason;
    input.recordedSpeech = recordedSpeech;
    QHash<QString, MetricOutcome> builtins;
    for (auto &[key, outcome] : BuiltinMetrics::evaluate(input))
        builtins.insert(key, std::move(outcome));

    results.reserve(metrics.size());
    for (const MetricDefinition *definition : metrics) {
        switch (definition->evaluator) {
        case MetricDefinition::Evaluator::Builtin: {
            const auto outcome = builtins.constFind(definition->key);
            results.append(resultOf(*definition,
                                    outcome != builtins.cend()
                                        ? *outcome
                                        : MetricOutcome::failure(QStringLiteral("This Callscope has no built-in \"%1\".")
                                                                     .arg(definition->key)),
                                    nowMs));
            break;
        }
        case MetricDefinition::Evaluator::Rule: {
            const auto rule = m_rules.constFind(definition->id);
            results.append(resultOf(*definition,
                                    rule != m_rules.cend() ? rule->evaluate(call.turns, builtins)
                                                           : MetricOutcome::failure(QStringLiteral("The rule is not valid.")),
                                    nowMs));
            break;
        }
        case MetricDefinition::Evaluator::LlmJudge:
            break;
        }
    }
    return results;
}

MetricResult MetricEvaluator::resultOf(const MetricDefinition &definition, const MetricOutcome &outcome, qint64 nowMs)
{
    MetricResult result;
    result.metricId = definition.id;
    result.metricVersion = definition.version;
    result.key = definition.key;
    result.unit = definition.unit;
    result.name = definition.name;
    result.type = MetricTypes::apiName(definition.type);
    result.enumValues = definition.enumValues;
    result.explanation = outcome.explanation;
    result.source = outcome.source;
    result.events = outcome.events;
    result.evaluatedAtMs = nowMs;
    result.notApplicableReason = outcome.notApplicableReason;
    result.error = outcome.error;
    result.score = QJsonValue::Null;
    result.value = QJsonValue::Null;
    const QJsonValue &value = outcome.value;
    switch (definition.type) {
    case MetricType::Binary:
        if (value.isBool()) {
            result.value = value;
            result.score = value.toBool() ? 1 : 0;
            if (definition.passValue)
                result.passed = value.toBool() == *definition.passValue;
        }
        break;
    case MetricType::Numeric:
    case MetricType::Rating:
        // Sums of decimal times carry float noise (2400.0000000000005 ms).
        if (value.isDouble())
            result.score = std::round(value.toDouble() * 1e4) / 1e4;
        break;
    case MetricType::Enum:
        if (value.isString())
            result.value = value;
        break;
    }
    return result;
}
