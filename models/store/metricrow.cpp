#include "metricrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

QString MetricRow::columns()
{
    return QStringLiteral("id, key, name, description, type, enum_values, unit, evaluator, config, pass_value, version, "
                          "enabled_by_default");
}

MetricDefinition MetricRow::read(const QSqlQuery &query)
{
    MetricDefinition definition;
    definition.id = query.value(0).toLongLong();
    definition.key = query.value(1).toString();
    definition.name = query.value(2).toString();
    definition.description = query.value(3).toString();
    definition.type = MetricTypes::fromName(query.value(4).toString()).value_or(MetricType::Binary);
    for (const QJsonValue &value : QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array())
        definition.enumValues.append(value.toString());
    definition.unit = query.value(6).toString();
    definition.evaluator =
        MetricDefinition::evaluatorFromName(query.value(7).toString()).value_or(MetricDefinition::Evaluator::Rule);
    definition.config = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
    definition.passValue = query.value(9).isNull() ? std::nullopt : std::optional<bool>(query.value(9).toBool());
    definition.version = query.value(10).toInt();
    definition.enabledByDefault = query.value(11).toBool();
    return definition;
}
