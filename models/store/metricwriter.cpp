#include "metricwriter.h"

#include "metricresultrow.h"
#include "metricrow.h"
#include "sqlitestatement.h"
#include "statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant enumValuesColumn(const QStringList &values)
{
    if (values.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

// For NOT NULL text columns: Qt binds a null QString as SQL NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant passValueColumn(std::optional<bool> passValue)
{
    return passValue ? QVariant(int(*passValue)) : QVariant();
}

// Binds key, name, description, type, enum_values, unit, evaluator, config, pass_value,
// version, enabled_by_default and updated_at, in that order, from position 0.
void bindDefinition(QSqlQuery &query, const MetricDefinition &definition, int version, qint64 nowMs)
{
    query.bindValue(0, definition.key);
    query.bindValue(1, definition.name.trimmed());
    query.bindValue(2, nonNull(definition.description));
    query.bindValue(3, MetricTypes::name(definition.type));
    query.bindValue(4, enumValuesColumn(definition.enumValues));
    query.bindValue(5, nonNull(definition.unit));
    query.bindValue(6, MetricDefinition::evaluatorName(definition.evaluator));
    query.bindValue(7, compact(definition.config));
    query.bindValue(8, passValueColumn(definition.passValue));
    query.bindValue(9, version);
    query.bindValue(10, int(definition.enabledByDefault));
    query.bindValue(11, nowMs);
}

} // namespace

MetricWriter::MetricWriter(StatementCache *statements)
    : m_statements(statements)
{
}

MetricWriter::~MetricWriter() = default;

void MetricWriter::ensureBuiltins(const QList<MetricDefinition> &builtins, qint64 nowMs)
{
    QSqlQuery &add = m_statements->prepared(QStringLiteral(
        "INSERT INTO metrics (key, name, description, type, enum_values, unit, evaluator, pass_value, version, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'builtin', ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET name = excluded.name, description = excluded.description, "
        "unit = excluded.unit, enum_values = excluded.enum_values, type = excluded.type, "
        "pass_value = excluded.pass_value, version = max(version, excluded.version), updated_at = excluded.updated_at "
        "WHERE evaluator = 'builtin' AND (name, description, unit, coalesce(enum_values, ''), type, "
        "coalesce(pass_value, -1), version) IS NOT (excluded.name, excluded.description, excluded.unit, "
        "coalesce(excluded.enum_values, ''), excluded.type, coalesce(excluded.pass_value, -1), excluded.version)"));
    for (const MetricDefinition &builtin : builtins) {
        add.bindValue(0, builtin.key);
        add.bindValue(1, builtin.name);
        add.bindValue(2, nonNull(builtin.description));
        add.bindValue(3, MetricTypes::name(builtin.type));
        add.bindValue(4, enumValuesColumn(builtin.enumValues));
        add.bindValue(5, nonNull(builtin.unit));
        add.bindValue(6, passValueColumn(builtin.passValue));
        add.bindValue(7, builtin.version);
        add.bindValue(8, nowMs);
        add.bindValue(9, nowMs);
        StatementCache::exec(add);
    }
}

std::optional<MetricDefinition> MetricWriter::load(qint64 metricId)
{
    QSqlQuery &select = m_statements->prepared(QStringLiteral("SELECT %1 FROM metrics WHERE id = ?").arg(MetricRow::columns()));
    select.bindValue(0, metricId);
    StatementCache::exec(select);
    if (!select.next())
        return std::nullopt;
    const MetricDefinition definition = MetricRow::read(select);
    select.finish();
    return definition;
}

MetricSaveOutcome MetricWriter::save(const MetricDefinition &definition, qint64 nowMs)
{
    MetricSaveOutcome outcome;
    if (definition.evaluator == MetricDefinition::Evaluator::Builtin && definition.id == 0) {
        outcome.errors.add(QStringLiteral("evaluator"), QStringLiteral("Built-in metrics come with Callscope; "
                                                                       "write a rule or an LLM-judge metric."));
        return outcome;
    }
    definition.validate(&outcome.errors);
    if (!outcome.errors.isEmpty())
        return outcome;

    QSqlQuery &sameKey = m_statements->prepared(QStringLiteral("SELECT id FROM metrics WHERE key = ? AND id != ?"));
    sameKey.bindValue(0, definition.key);
    sameKey.bindValue(1, definition.id);
    StatementCache::exec(sameKey);
    const bool taken = sameKey.next();
    sameKey.finish();
    if (taken) {
        outcome.errors.add(QStringLiteral("key"), QStringLiteral("A metric with the key \"%1\" exists.").arg(definition.key));
        return outcome;
    }

    if (definition.id == 0) {
        QSqlQuery &insert = m_statements->prepared(QStringLiteral(
            "INSERT INTO metrics (key, name, description, type, enum_values, unit, evaluator, config, pass_value, "
            "version, enabled_by_default, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindDefinition(insert, definition, 1, nowMs);
        insert.bindValue(12, nowMs);
        StatementCache::exec(insert);
        outcome.id = insert.lastInsertId().toLongLong();
        outcome.version = 1;
        return outcome;
    }

    const std::optional<MetricDefinition> stored = load(definition.id);
    if (!stored) {
        outcome.notFound = true;
        return outcome;
    }
    outcome.id = definition.id;
    if (stored->evaluator == MetricDefinition::Evaluator::Builtin) {
        if (definition.key != stored->key || definition.decidesDifferentlyFrom(*stored) || definition.name != stored->name)
            outcome.errors.add(QStringLiteral("evaluator"),
                               QStringLiteral("Built-in metrics are fixed; they can only be enabled or disabled."));
        outcome.version = stored->version;
        return outcome;
    }
    if (definition.evaluator == MetricDefinition::Evaluator::Builtin) {
        outcome.errors.add(QStringLiteral("evaluator"), QStringLiteral("Only Callscope's own metrics are built-in."));
        return outcome;
    }
    outcome.version = stored->version + (definition.decidesDifferentlyFrom(*stored) ? 1 : 0);
    QSqlQuery &update = m_statements->prepared(QStringLiteral(
        "UPDATE metrics SET key = ?, name = ?, description = ?, type = ?, enum_values = ?, unit = ?, evaluator = ?, "
        "config = ?, pass_value = ?, version = ?, enabled_by_default = ?, updated_at = ? WHERE id = ?"));
    bindDefinition(update, definition, outcome.version, nowMs);
    update.bindValue(12, definition.id);
    StatementCache::exec(update);
    return outcome;
}

MetricSaveOutcome MetricWriter::remove(qint64 metricId)
{
    MetricSaveOutcome outcome;
    const std::optional<MetricDefinition> stored = load(metricId);
    if (!stored) {
        outcome.notFound = true;
        return outcome;
    }
    outcome.id = metricId;
    if (stored->evaluator == MetricDefinition::Evaluator::Builtin) {
        outcome.errors.add(QStringLiteral("id"), QStringLiteral("%1 is built in: disable it instead.").arg(stored->key));
        return outcome;
    }
    // The calls whose failed count included this metric's results are counted again.
    QSqlQuery &recount = m_statements->prepared(QStringLiteral(
        "UPDATE calls SET failed_metric_count = failed_metric_count - 1 WHERE id IN "
        "(SELECT r.call FROM metric_results r WHERE r.metric_id = ? AND r.passed = 0 AND r.metric_version = "
        "(SELECT max(v.metric_version) FROM metric_results v WHERE v.call = r.call AND v.metric_id = r.metric_id))"));
    recount.bindValue(0, metricId);
    StatementCache::exec(recount);
    QSqlQuery &results = m_statements->prepared(QStringLiteral("DELETE FROM metric_results WHERE metric_id = ?"));
    results.bindValue(0, metricId);
    StatementCache::exec(results);
    QSqlQuery &metric = m_statements->prepared(QStringLiteral("DELETE FROM metrics WHERE id = ?"));
    metric.bindValue(0, metricId);
    StatementCache::exec(metric);   // switches cascade
    return outcome;
}

MetricSaveOutcome MetricWriter::setEnabled(qint64 metricId, const QString &agentKey, bool enabled, qint64 nowMs)
{
    MetricSaveOutcome outcome;
    const std::optional<MetricDefinition> stored = load(metricId);
    if (!stored) {
        outcome.notFound = true;
        return outcome;
    }
    outcome.id = metricId;
    outcome.version = stored->version;
    if (agentKey.isEmpty()) {
        QSqlQuery &byDefault = m_statements->prepared(QStringLiteral(
            "UPDATE metrics SET enabled_by_default = ?, updated_at = ? WHERE id = ?"));
        byDefault.bindValue(0, int(enabled));
        byDefault.bindValue(1, nowMs);
        byDefault.bindValue(2, metricId);
        StatementCache::exec(byDefault);
        QSqlQuery &clear = m_statements->prepared(QStringLiteral("DELETE FROM metric_agents WHERE metric = ?"));
        clear.bindValue(0, metricId);
        StatementCache::exec(clear);
        return outcome;
    }
    QSqlQuery &perAgent = m_statements->prepared(QStringLiteral(
        "INSERT INTO metric_agents (metric, agent_key, enabled) VALUES (?, ?, ?) "
        "ON CONFLICT (metric, agent_key) DO UPDATE SET enabled = excluded.enabled"));
    perAgent.bindValue(0, metricId);
    perAgent.bindValue(1, agentKey);
    perAgent.bindValue(2, int(enabled));
    StatementCache::exec(perAgent);
    return outcome;
}

void MetricWriter::insertResult(qint64 callDbId, const MetricResultRow &row)
{
    if (!m_insertResult)
        m_insertResult = std::make_unique<SqliteStatement>(
            m_statements->database(),
            "INSERT OR REPLACE INTO metric_results (call, metric_id, metric_version, score, passed, result, evaluated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
    SqliteStatement &insert = *m_insertResult;
    insert.bind(1, callDbId);
    insert.bind(2, row.metricId);
    insert.bind(3, qint64(row.metricVersion));
    insert.bind(4, row.score);
    insert.bind(5, row.passed);
    insert.bindText(6, row.json);
    if (row.evaluatedAtMs > 0)
        insert.bind(7, row.evaluatedAtMs);
    else
        insert.bind(7, std::optional<double>());
    insert.execute();
}

void MetricWriter::replaceResults(qint64 callDbId, const QList<MetricResult> &results)
{
    QSqlQuery &clear = m_statements->prepared(QStringLiteral("DELETE FROM metric_results WHERE call = ?"));
    clear.bindValue(0, callDbId);
    StatementCache::exec(clear);
    for (const MetricResult &result : results)
        insertResult(callDbId, MetricResultRow::of(result));
    recount(callDbId);
}

std::optional<bool> MetricWriter::storeResults(qint64 callDbId, const QList<MetricResultRow> &rows)
{
    for (const MetricResultRow &row : rows)
        insertResult(callDbId, row);
    return recount(callDbId);
}

std::optional<bool> MetricWriter::recount(qint64 callDbId)
{
    // The newest version of each metric is the call's current result for it: the rows
    // come in (metric, version) order, so each metric's last row is the one that counts.
    // One range of the primary key, where a max() per row cost a seek each.
    if (!m_callResults) {
        m_callResults = std::make_unique<SqliteStatement>(
            m_statements->database(),
            "SELECT metric_id, passed FROM metric_results WHERE call = ? ORDER BY metric_id, metric_version");
        m_updateFailedCount = std::make_unique<SqliteStatement>(
            m_statements->database(), "UPDATE calls SET failed_metric_count = ?1 WHERE id = ?2 AND failed_metric_count != ?1");
    }
    int failed = 0;
    int decided = 0;
    std::optional<qint64> metric;
    std::optional<bool> passed;
    const auto count = [&] {
        if (passed) {
            ++decided;
            failed += *passed ? 0 : 1;
        }
    };
    m_callResults->bind(1, callDbId);
    while (m_callResults->next()) {
        if (metric && *metric != m_callResults->int64(0))
            count();
        metric = m_callResults->int64(0);
        passed = m_callResults->isNull(1) ? std::nullopt : std::optional<bool>(m_callResults->int64(1) != 0);
    }
    if (metric)
        count();
    m_updateFailedCount->bind(1, qint64(failed));
    m_updateFailedCount->bind(2, callDbId);
    m_updateFailedCount->execute();
    if (decided == 0)
        return std::nullopt;
    return failed == 0;
}
