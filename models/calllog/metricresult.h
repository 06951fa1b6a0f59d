#pragma once

#include "metricevent.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// The result of one metric evaluated on one call, in the API's `metrics[]` item shape:
// {id, name, key, type, score, enum, value, explanation[], source}, plus what Callscope
// keeps beside it (metric_version, events, evaluated_at, na_reason, error, passed). A
// result posted by a sender has only the API fields (metric version 0). An n/a result has
// a null score and value and says why in na_reason; it is never a 0.
struct MetricResult
{
    qint64 metricId = 0;
    QString name;
    QString type;          // binary, continuous_qualitative, numeric, enum
    QJsonValue score;      // number (1/0 for binary) or null
    QJsonValue value;      // enum value or bool, or null
    QStringList enumValues;
    QStringList explanation;
    QString key;           // the metric's stable key; empty for a sender's result
    QString unit;          // of a numeric score: "ms", "s", "count", ... or empty
    int metricVersion = 0; // the definition's version it was evaluated with
    QString source;        // "transcript" or "audio"; empty for a sender's result
    MetricEvents events;
    qint64 evaluatedAtMs = 0;
    QString notApplicableReason;
    QString error;         // the evaluation failed (a malformed LLM answer, a timeout)
    std::optional<bool> passed;   // binary metrics with a pass value: whether this passed

    bool isNotApplicable() const { return score.isNull() && value.isNull() && error.isEmpty(); }

    QJsonObject toJson() const;
    // The same object as compact JSON text (what the API sends).
    QByteArray toJsonText() const;
    // What the store keeps in a result row's `result` column: without the members the
    // row's columns and its metric's definition hold (a sender's result whole). Evaluated
    // results are most of a database's bytes; these members were 40 % of them.
    QByteArray toStoredJsonText() const;
    static MetricResult fromJson(const QJsonObject &object);

    bool operator==(const MetricResult &other) const = default;
};
