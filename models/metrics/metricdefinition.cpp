#include "metricdefinition.h"

#include "builtinmetrics.h"
#include "rulemetric.h"

#include "calllog/fielderrors.h"

#include <QJsonArray>
#include <QRegularExpression>

bool MetricDefinition::fails(const QJsonValue &value) const
{
    return type == MetricType::Binary && passValue && value.isBool() && value.toBool() != *passValue;
}

bool MetricDefinition::decidesDifferentlyFrom(const MetricDefinition &other) const
{
    return type != other.type || enumValues != other.enumValues || evaluator != other.evaluator
           || config != other.config || passValue != other.passValue;
}

QString MetricDefinition::evaluatorName(Evaluator evaluator)
{
    switch (evaluator) {
    case Evaluator::Builtin: return QStringLiteral("builtin");
    case Evaluator::Rule: return QStringLiteral("rule");
    case Evaluator::LlmJudge: return QStringLiteral("llm");
    }
    return {};
}

std::optional<MetricDefinition::Evaluator> MetricDefinition::evaluatorFromName(const QString &name)
{
    for (Evaluator evaluator : {Evaluator::Builtin, Evaluator::Rule, Evaluator::LlmJudge}) {
        if (name == evaluatorName(evaluator))
            return evaluator;
    }
    return std::nullopt;
}

bool MetricDefinition::isValidKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    return pattern.match(key).hasMatch();
}

QList<MetricDefinition> MetricDefinition::builtins()
{
    QList<MetricDefinition> definitions;
    for (const BuiltinMetricInfo &info : BuiltinMetrics::catalogue()) {
        MetricDefinition definition;
        definition.key = info.key;
        definition.name = info.name;
        definition.description = info.description;
        definition.type = info.type;
        definition.enumValues = info.enumValues;
        definition.unit = info.unit;
        definition.evaluator = Evaluator::Builtin;
        definition.passValue = info.passValue;
        definition.version = info.version;
        definitions.append(definition);
    }
    return definitions;
}

void MetricDefinition::validate(FieldErrors *errors) const
{
    if (!isValidKey(key))
        errors->add(QStringLiteral("key"),
                    QStringLiteral("Must start with a letter and hold only a-z, 0-9 and _ (at most 64)."));
    if (name.trimmed().isEmpty())
        errors->add(QStringLiteral("name"), QStringLiteral("This field may not be blank."));
    else if (name.size() > 200)
        errors->add(QStringLiteral("name"), QStringLiteral("Ensure this field has no more than 200 characters."));
    if (type == MetricType::Enum && enumValues.isEmpty())
        errors->add(QStringLiteral("enum_values"), QStringLiteral("An enum metric needs at least one value."));
    if (type != MetricType::Enum && !enumValues.isEmpty())
        errors->add(QStringLiteral("enum_values"), QStringLiteral("Only enum metrics take values."));
    switch (evaluator) {
    case Evaluator::Builtin:
        break;   // the store checks that the key names built-in code
    case Evaluator::Rule:
        if (type != MetricType::Binary)
            errors->add(QStringLiteral("type"), QStringLiteral("A rule metric is binary."));
        RuleMetric::validate(config, errors);
        break;
    case Evaluator::LlmJudge:
        if (config.value(QStringLiteral("prompt")).toString().trimmed().isEmpty())
            errors->add(QStringLiteral("config.prompt"), QStringLiteral("An LLM-judge metric needs a prompt."));
        break;
    }
}

QJsonObject MetricDefinition::toJson() const
{
    QJsonObject agents;
    for (auto it = agentSwitches.cbegin(); it != agentSwitches.cend(); ++it)
        agents.insert(it.key(), it.value());
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("key"), key},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("type"), MetricTypes::name(type)},
        {QStringLiteral("enum"), QJsonArray::fromStringList(enumValues)},
        {QStringLiteral("unit"), unit},
        {QStringLiteral("evaluator"), evaluatorName(evaluator)},
        {QStringLiteral("config"), config},
        {QStringLiteral("pass_value"), passValue ? QJsonValue(*passValue) : QJsonValue()},
        {QStringLiteral("version"), version},
        {QStringLiteral("enabled_by_default"), enabledByDefault},
        {QStringLiteral("agents"), agents},
    };
}
