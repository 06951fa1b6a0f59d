#include "rulemetric.h"

#include "calllog/fielderrors.h"

#include <QJsonValue>

#include <cmath>

namespace {

const QStringList kOps{QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">="),
                       QStringLiteral("=="), QStringLiteral("!=")};

// A bound's number: booleans of binary built-ins compare as 1 and 0.
std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isBool())
        return value.toBool() ? 1.0 : 0.0;
    return std::nullopt;
}

QString formatted(double value)
{
    return QString::number(value, 'g', 6);
}

QString quoted(const QString &text)
{
    return QStringLiteral("“%1”").arg(text);
}

// Which turns a phrase rule looks at, in transcript order: the speech turns (of the role,
// when one is set), then only the first or last N of them.
QList<int> turnsInScope(const Turns &turns, std::optional<Turn::Role> role, int first, int last)
{
    QList<int> scope;
    for (int i = 0; i < turns.size(); ++i) {
        const Turn &turn = turns.at(i);
        if (turn.isSpeech() && !turn.content.trimmed().isEmpty() && (!role || turn.role == *role))
            scope.append(i);
    }
    if (first > 0 && scope.size() > first)
        scope.resize(first);
    if (last > 0 && scope.size() > last)
        scope = scope.mid(scope.size() - last);
    return scope;
}

} // namespace

void RuleMetric::validate(const QJsonObject &config, FieldErrors *errors)
{
    const QString kind = config.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("phrase")) {
        const QString pattern = config.value(QStringLiteral("pattern")).toString();
        if (pattern.trimmed().isEmpty())
            errors->add(QStringLiteral("config.pattern"), QStringLiteral("A phrase rule needs a phrase or regular expression."));
        else if (config.value(QStringLiteral("regex")).toBool()) {
            const QRegularExpression expression(pattern);
            if (!expression.isValid())
                errors->add(QStringLiteral("config.pattern"),
                            QStringLiteral("Not a valid regular expression: %1 (at offset %2).")
                                .arg(expression.errorString())
                                .arg(expression.patternErrorOffset()));
        }
        for (const QString &field : {QStringLiteral("regex"), QStringLiteral("case_sensitive")}) {
            const QJsonValue flag = config.value(field);
            if (!flag.isUndefined() && !flag.isNull() && !flag.isBool())
                errors->add(QStringLiteral("config.") + field, QStringLiteral("Must be true or false."));
        }
        // Absent (or null) is "occur"; anything else must be one of the two words.
        const QJsonValue mustValue = config.value(QStringLiteral("must"));
        const QString must = mustValue.isUndefined() || mustValue.isNull() ? QStringLiteral("occur") : mustValue.toString();
        if (must != QLatin1String("occur") && must != QLatin1String("not_occur"))
            errors->add(QStringLiteral("config.must"), QStringLiteral("Must be \"occur\" or \"not_occur\"."));
        const QJsonValue role = config.value(QStringLiteral("role"));
        if (!role.isUndefined() && !role.isNull()) {
            const auto parsed = Turn::roleFromName(role.toString());
            if (!parsed || (*parsed != Turn::Role::MainAgent && *parsed != Turn::Role::TestingAgent))
                errors->add(QStringLiteral("config.role"), QStringLiteral("Must be \"Main Agent\" or \"Testing Agent\"."));
        }
        const bool hasFirst = config.contains(QStringLiteral("first"));
        const bool hasLast = config.contains(QStringLiteral("last"));
        if (hasFirst && hasLast)
            errors->add(QStringLiteral("config.first"), QStringLiteral("Give first or last, not both."));
        for (const QString &field : {QStringLiteral("first"), QStringLiteral("last")}) {
            const QJsonValue count = config.value(field);
            if (!count.isUndefined() && (!count.isDouble() || count.toDouble() < 1 || count.toDouble() != count.toInt()))
                errors->add(QStringLiteral("config.") + field, QStringLiteral("Must be a whole number of turns, 1 or more."));
        }
    } else if (kind == QLatin1String("bound")) {
        if (config.value(QStringLiteral("metric")).toString().isEmpty())
            errors->add(QStringLiteral("config.metric"), QStringLiteral("A bound needs the key of a built-in metric."));
        if (!kOps.contains(config.value(QStringLiteral("op")).toString()))
            errors->add(QStringLiteral("config.op"), QStringLiteral("Must be one of < <= > >= == !=."));
        if (!numberOf(config.value(QStringLiteral("value"))))
            errors->add(QStringLiteral("config.value"), QStringLiteral("Must be a number (or true/false)."));
    } else {
        errors->add(QStringLiteral("config.kind"), QStringLiteral("Must be \"phrase\" or \"bound\"."));
    }
}

std::optional<RuleMetric> RuleMetric::fromConfig(const QJsonObject &config)
{
    FieldErrors errors;
    validate(config, &errors);
    if (!errors.isEmpty())
        return std::nullopt;
    RuleMetric rule;
    if (config.value(QStringLiteral("kind")).toString() == QLatin1String("bound")) {
        rule.m_kind = Kind::Bound;
        rule.m_metric = config.value(QStringLiteral("metric")).toString();
        rule.m_op = config.value(QStringLiteral("op")).toString();
        rule.m_bound = *numberOf(config.value(QStringLiteral("value")));
        return rule;
    }
    rule.m_kind = Kind::Phrase;
    rule.m_pattern = config.value(QStringLiteral("pattern")).toString();
    const bool regex = config.value(QStringLiteral("regex")).toBool();
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!config.value(QStringLiteral("case_sensitive")).toBool())
        options |= QRegularExpression::CaseInsensitiveOption;
    rule.m_expression = QRegularExpression(regex ? rule.m_pattern : QRegularExpression::escape(rule.m_pattern), options);
    rule.m_expression.optimize();
    rule.m_mustOccur = config.value(QStringLiteral("must")).toString(QStringLiteral("occur")) == QLatin1String("occur");
    if (const QString role = config.value(QStringLiteral("role")).toString(); !role.isEmpty())
        rule.m_role = Turn::roleFromName(role);
    rule.m_first = config.value(QStringLiteral("first")).toInt();
    rule.m_last = config.value(QStringLiteral("last")).toInt();
    return rule;
}

std::optional<QJsonObject> RuleMetric::boundFromText(const QString &text, QString *error)
{
    static const QRegularExpression form(QStringLiteral(R"(^\s*([a-z][a-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$)"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch()) {
        if (error)
            *error = QStringLiteral("Write a bound as KEY OP VALUE, e.g. \"latency_p90_ms < 1500\".");
        return std::nullopt;
    }
    const QString valueText = match.captured(3);
    QJsonValue value;
    bool ok = false;
    if (valueText == QLatin1String("true") || valueText == QLatin1String("false"))
        value = valueText == QLatin1String("true");
    else if (const double number = valueText.toDouble(&ok); ok && std::isfinite(number))   // not "nan" or "inf"
        value = number;
    else {
        if (error)
            *error = QStringLiteral("\"%1\" is not a number (or true/false).").arg(valueText);
        return std::nullopt;
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("bound")},
                       {QStringLiteral("metric"), match.captured(1)},
                       {QStringLiteral("op"), match.captured(2)},
                       {QStringLiteral("value"), value}};
}

QString RuleMetric::describe() const
{
    if (m_kind == Kind::Bound)
        return QStringLiteral("%1 %2 %3").arg(m_metric, m_op, formatted(m_bound));
    QString scope = m_role ? QStringLiteral("a %1 turn").arg(Turn::roleName(*m_role)) : QStringLiteral("a turn");
    if (m_first > 0)
        scope += QStringLiteral(" among the first %1").arg(m_first);
    else if (m_last > 0)
        scope += QStringLiteral(" among the last %1").arg(m_last);
    const QString what = m_expression.pattern() == QRegularExpression::escape(m_pattern)
                             ? quoted(m_pattern)
                             : QStringLiteral("/%1/").arg(m_pattern);
    return m_mustOccur ? QStringLiteral("Passes when %1 says %2.").arg(scope, what)
                       : QStringLiteral("Passes when no %1 says %2.").arg(scope.mid(2), what);
}

MetricOutcome RuleMetric::evaluate(const Turns &turns, const QHash<QString, MetricOutcome> &builtins) const
{
    return m_kind == Kind::Bound ? evaluateBound(builtins) : evaluatePhrase(turns);
}

MetricOutcome RuleMetric::evaluatePhrase(const Turns &turns) const
{
    const QList<int> scope = turnsInScope(turns, m_role, m_first, m_last);
    for (int index : scope) {
        const Turn &turn = turns.at(index);
        const QRegularExpressionMatch match = m_expression.match(turn.content);
        if (!match.hasMatch())
            continue;
        const double duration = turn.endTime > turn.startTime ? turn.endTime - turn.startTime : 0.0;
        const MetricEvents events{{turn.startTime, duration, index}};
        const QString said = QStringLiteral("Turn %1 (%2) says %3.")
                                 .arg(index + 1)
                                 .arg(Turn::roleName(turn.role), quoted(match.captured(0)));
        return MetricOutcome::of(m_mustOccur, {said}, events);
    }
    const QString none = scope.isEmpty()       ? QStringLiteral("No turn is in scope.")
                         : scope.size() == 1 ? QStringLiteral("The one turn in scope does not say it.")
                                             : QStringLiteral("None of the %1 turns in scope says it.").arg(scope.size());
    return MetricOutcome::of(!m_mustOccur, {none});
}

MetricOutcome RuleMetric::evaluateBound(const QHash<QString, MetricOutcome> &builtins) const
{
    const auto found = builtins.constFind(m_metric);
    if (found == builtins.cend())
        return MetricOutcome::failure(QStringLiteral("No built-in metric has the key \"%1\".").arg(m_metric));
    if (found->isNotApplicable())
        return MetricOutcome::notApplicable(QStringLiteral("%1 is n/a: %2").arg(m_metric, found->notApplicableReason));
    if (found->failed())
        return MetricOutcome::failure(QStringLiteral("%1 failed: %2").arg(m_metric, found->error));
    const std::optional<double> value = numberOf(found->value);
    if (!value)
        return MetricOutcome::failure(QStringLiteral("%1 is not a number.").arg(m_metric));
    const bool passed = holds(*value);
    const QString verdict = passed ? QStringLiteral("%1 = %2, %3 %4.") : QStringLiteral("%1 = %2, not %3 %4.");
    QStringList explanation{verdict.arg(m_metric, formatted(*value), m_op, formatted(m_bound))};
    explanation += found->explanation;
    MetricOutcome outcome = MetricOutcome::of(passed, explanation, found->events);
    outcome.source = found->source;
    return outcome;
}

bool RuleMetric::holds(double value) const
{
    if (m_op == QLatin1String("<"))
        return value < m_bound;
    if (m_op == QLatin1String("<="))
        return value <= m_bound;
    if (m_op == QLatin1String(">"))
        return value > m_bound;
    if (m_op == QLatin1String(">="))
        return value >= m_bound;
    if (m_op == QLatin1String("=="))
        return qFuzzyCompare(value + 1.0, m_bound + 1.0);
    return !qFuzzyCompare(value + 1.0, m_bound + 1.0);
}
