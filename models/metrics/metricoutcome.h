#pragma once

#include "calllog/metricevent.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

// What evaluating one metric on one call gave, before it is stored: a value (a number, a
// bool for binary metrics, a string for enum metrics) or n/a with its reason, or an error
// (the evaluator failed on this call: a malformed LLM answer, a timeout). An n/a is never
// a 0.
struct MetricOutcome
{
    QJsonValue value = QJsonValue::Null;   // Null when n/a or failed
    QString notApplicableReason;           // "no timed handoffs", ... when n/a
    QString error;                         // when the evaluation failed
    QStringList explanation;
    QString source = QStringLiteral("transcript");   // or "audio"
    MetricEvents events;

    bool isNotApplicable() const { return value.isNull() && error.isEmpty(); }
    bool failed() const { return !error.isEmpty(); }

    static MetricOutcome of(const QJsonValue &value, const QStringList &explanation = {}, const MetricEvents &events = {})
    {
        MetricOutcome outcome;
        outcome.value = value;
        outcome.explanation = explanation;
        outcome.events = events;
        return outcome;
    }
    static MetricOutcome notApplicable(const QString &reason)
    {
        MetricOutcome outcome;
        outcome.notApplicableReason = reason;
        outcome.explanation = {reason};
        return outcome;
    }
    static MetricOutcome failure(const QString &error)
    {
        MetricOutcome outcome;
        outcome.error = error;
        outcome.explanation = {error};
        return outcome;
    }

    bool operator==(const MetricOutcome &other) const = default;
};
