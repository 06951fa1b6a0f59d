#pragma once

#include "metrictype.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class FieldErrors;

// A metric as the database keeps it: what it measures, its value's type, what evaluates
// it (the built-in code named by its key, a rule, or an LLM judge) and for which agents it
// is on. `version` grows whenever what decides the value changes (type, evaluator or its
// config), so results of the old definition stay apart from the new one's.
struct MetricDefinition
{
    enum class Evaluator { Builtin, Rule, LlmJudge };

    qint64 id = 0;                   // 0 until stored
    QString key;                     // stable, [a-z0-9_]+, never translated
    QString name;
    QString description;
    MetricType type = MetricType::Binary;
    QStringList enumValues;          // enum metrics: the values an answer may take
    QString unit;                    // "ms", "s", "count", ... or empty
    Evaluator evaluator = Evaluator::Rule;
    QJsonObject config;              // rule: RuleMetric's fields; LLM judge: {prompt}
    // Binary metrics: the value that is a pass (true for most). Unset: the result informs
    // and neither passes nor fails (voicemail_detected).
    std::optional<bool> passValue = true;
    int version = 1;
    bool enabledByDefault = true;    // for an agent with no switch of its own
    QHash<QString, bool> agentSwitches;   // agent key (AgentKey::toString()) -> on/off

    bool isEnabledFor(const QString &agentKey) const { return agentSwitches.value(agentKey, enabledByDefault); }
    // Whether `value` fails this metric (only binary metrics with a pass value can).
    bool fails(const QJsonValue &value) const;
    // Whether `other` decides values differently (so a change to it needs a new version).
    bool decidesDifferentlyFrom(const MetricDefinition &other) const;

    static QString evaluatorName(Evaluator evaluator);           // builtin, rule, llm
    static std::optional<Evaluator> evaluatorFromName(const QString &name);
    static bool isValidKey(const QString &key);
    // The built-in metrics (BuiltinMetrics::catalogue()) as definitions, not yet stored.
    static QList<MetricDefinition> builtins();

    // The definition's fields in errors (key, name, type, enum_values, evaluator, config)
    // that are wrong on their own, without looking at the database.
    void validate(FieldErrors *errors) const;

    // {id, key, name, description, type, enum, unit, evaluator, config, pass_value,
    // version, enabled_by_default, agents: {key: bool}}: `callscope metrics` and the API.
    QJsonObject toJson() const;

    bool operator==(const MetricDefinition &other) const = default;
};
