#pragma once

#include "metricoutcome.h"

#include "calllog/turn.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <optional>

class FieldErrors;

// A binary metric a reviewer writes without code, kept as its definition's config:
//  - a phrase: {kind: "phrase", pattern, regex?: bool, case_sensitive?: bool,
//    must: "occur" | "not_occur", role?: "Main Agent" | "Testing Agent", first?: N | last?: N}
//    The text (or regular expression) must (not) occur in the speech turns, optionally only
//    in one role's, and only in the first or last N of those;
//  - a bound on a built-in: {kind: "bound", metric: "latency_p90_ms", op: "<", value: 1500}.
// The result is true when the rule holds, and its explanation names the deciding turn.
class RuleMetric
{
public:
    enum class Kind { Phrase, Bound };

    // The config's problems, named by field (config.pattern, config.op, ...).
    static void validate(const QJsonObject &config, FieldErrors *errors);
    // A valid config's rule; nullopt for an invalid one.
    static std::optional<RuleMetric> fromConfig(const QJsonObject &config);
    // "latency_p90_ms < 1500" as a bound's config; nullopt with `error` for other text.
    static std::optional<QJsonObject> boundFromText(const QString &text, QString *error);

    Kind kind() const { return m_kind; }
    // The rule in words: "A Main Agent turn among the last 2 says “goodbye”".
    QString describe() const;
    // `builtins` are the call's built-in results by key (a bound reads its metric there).
    MetricOutcome evaluate(const Turns &turns, const QHash<QString, MetricOutcome> &builtins) const;

private:
    RuleMetric() = default;

    MetricOutcome evaluatePhrase(const Turns &turns) const;
    MetricOutcome evaluateBound(const QHash<QString, MetricOutcome> &builtins) const;
    bool holds(double value) const;

    Kind m_kind = Kind::Phrase;
    // phrase
    QString m_pattern;
    QRegularExpression m_expression;
    bool m_mustOccur = true;
    std::optional<Turn::Role> m_role;
    int m_first = 0;          // 0: no limit
    int m_last = 0;
    // bound
    QString m_metric;
    QString m_op;
    double m_bound = 0.0;
};
