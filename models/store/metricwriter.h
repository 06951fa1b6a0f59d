#pragma once

#include "metricsaveoutcome.h"

#include "calllog/metricresult.h"
#include "metrics/metricdefinition.h"

#include <QList>

#include <memory>
#include <optional>

class SqliteStatement;
struct MetricResultRow;
class StatementCache;

// The writer thread's SQL for metrics, inside the transaction WriteSession opened:
// definitions (the built-ins kept in step with the code, a reviewer's rule and LLM-judge
// metrics, per-agent switches) and results per (call, metric, metric version). Keeps
// calls.failed_metric_count equal to the call's failed current results (the newest
// version of each metric). Throws StoreError when a statement fails.
class MetricWriter
{
    Q_DISABLE_COPY_MOVE(MetricWriter)

public:
    explicit MetricWriter(StatementCache *statements);
    ~MetricWriter();

    // Adds the built-ins the database lacks and refreshes the texts (name, description,
    // unit) of those it has; their switches and ids stay.
    void ensureBuiltins(const QList<MetricDefinition> &builtins, qint64 nowMs);
    // Creates (id 0) or updates a metric; an update that changes what decides the value
    // gets the next version. Built-ins change only their switches.
    MetricSaveOutcome save(const MetricDefinition &definition, qint64 nowMs);
    // Deletes a metric with its switches and results. Built-ins are not removable.
    MetricSaveOutcome remove(qint64 metricId);
    // Turns the metric on or off for one agent (`agentKey`), or by default (empty key:
    // for every agent without a switch of its own, whose switches are then cleared).
    MetricSaveOutcome setEnabled(qint64 metricId, const QString &agentKey, bool enabled, qint64 nowMs);

    // The results a sender posted with the call (an import of an export): they replace
    // what the call had.
    void replaceResults(qint64 callDbId, const QList<MetricResult> &results);
    // Evaluated results: each replaces the row of its (metric, version). Returns the
    // verdict of the call's current pass/fail results: true when all passed, false when
    // one failed, nullopt when none has a pass value.
    std::optional<bool> storeResults(qint64 callDbId, const QList<MetricResultRow> &rows);

private:
    std::optional<MetricDefinition> load(qint64 metricId);
    void insertResult(qint64 callDbId, const MetricResultRow &row);
    std::optional<bool> recount(qint64 callDbId);

    StatementCache *m_statements;
    // The hot ones, past Qt's binding: a call's 20-odd results, its tally and count.
    std::unique_ptr<SqliteStatement> m_insertResult;
    std::unique_ptr<SqliteStatement> m_callResults;
    std::unique_ptr<SqliteStatement> m_updateFailedCount;
};
