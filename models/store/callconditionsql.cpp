#include "callconditionsql.h"

#include "filtersqlfunction.h"

#include "calllog/agentkey.h"
#include "calllog/filtercomparison.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

enum class ColumnKind {
    Integer,    // a JSON integer or null
    Text,       // a JSON string or null
    Time,       // an ISO 8601 text in JSON, epoch milliseconds in the column
    Duration,   // "MM:SS" in JSON, seconds in the column
};

struct Column
{
    const char *field;
    const char *sql;
    ColumnKind kind;
};

// The duration as the JSON writes it, in whole seconds: llround(max(0, seconds)). SQLite's
// round() adds 0.5 and truncates, which is off by one just below .5; this is exact.
#define WHOLE_SECONDS "(CAST(MAX(c.duration, 0.0) AS INTEGER) " \
                      "+ (MAX(c.duration, 0.0) - CAST(MAX(c.duration, 0.0) AS INTEGER) >= 0.5))"

// CallLogDetail fields that are a column (or an expression of columns) whose SQL value
// is exactly the JSON value CallLogJsonWriter writes for it.
const Column kColumns[] = {
    {"id", "c.id", ColumnKind::Integer},
    {"agent", "c.agent_id", ColumnKind::Integer},
    {"call_id", "c.call_id", ColumnKind::Text},
    {"status", "c.status", ColumnKind::Text},
    {"call_ended_reason", "c.call_ended_reason", ColumnKind::Text},
    {"customer_number", "c.customer_number", ColumnKind::Text},
    {"assistant_id", "c.assistant_id", ColumnKind::Text},
    {"agent_id", "COALESCE(CAST(c.agent_id AS TEXT), c.assistant_id)", ColumnKind::Text},
    {"trace_id", "COALESCE(c.trace_id, '')", ColumnKind::Text},
    {"voice_recording_url", "c.voice_recording_url", ColumnKind::Text},
    {"transcript_type", "c.transcript_type", ColumnKind::Text},
    {"feedback", "c.feedback", ColumnKind::Text},
    {"error_message", "c.error_message", ColumnKind::Text},
    {"dropoff_point", "c.dropoff_point", ColumnKind::Text},
    {"topic", "c.topic", ColumnKind::Text},
    {"timestamp", "c.timestamp", ColumnKind::Time},
    {"created_at", "c.created_at", ColumnKind::Time},
    {"updated_at", "c.updated_at", ColumnKind::Time},
    {"duration", WHOLE_SECONDS, ColumnKind::Duration},
};

const Column *columnFor(const QString &field)
{
    for (const Column &column : kColumns) {
        if (field == QLatin1String(column.field))
            return &column;
    }
    return nullptr;
}

const QString kInJson = QStringLiteral(" IN (SELECT value FROM json_each(?))");

bool isOrdering(const QString &op)
{
    return op == QLatin1String("gt") || op == QLatin1String("gte") || op == QLatin1String("lt")
           || op == QLatin1String("lte");
}

QString comparator(const QString &op)
{
    if (op == QLatin1String("gt"))
        return QStringLiteral(" > ?");
    if (op == QLatin1String("gte"))
        return QStringLiteral(" >= ?");
    if (op == QLatin1String("lt"))
        return QStringLiteral(" < ?");
    return QStringLiteral(" <= ?");
}

// A whole number a double holds exactly, as the filter's value stands for it.
std::optional<qint64> integral(const QJsonValue &value)
{
    const std::optional<double> number = FilterComparison::number(value);
    if (!number || !std::isfinite(*number) || *number != std::trunc(*number) || std::abs(*number) > 9007199254740992.0)
        return std::nullopt;
    return qint64(*number);
}

// Text that compares as text with everything: equal only to the very same text.
bool isPlainText(const QJsonValue &value)
{
    return value.isString() && !FilterComparison::number(value);
}

std::optional<qint64> instant(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

// A finite number for the duration, or nullopt when the value is not number-like;
// NaN (which orders equal to everything) is refused by canExpress().
std::optional<double> seconds(const QJsonValue &value)
{
    return FilterComparison::number(value);
}

QString json(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString either(const QStringList &terms)
{
    if (terms.isEmpty())
        return QStringLiteral("0");
    return terms.size() == 1 ? terms.first() : QLatin1Char('(') + terms.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

// FilterComparison itself, run by SQLite on the column's value.
QString compared(const QString &sql, const QString &op, const QJsonValue &value, QVariantList *values)
{
    *values << op << json(QJsonArray{value});
    return QStringLiteral("%1(?, ?, %2)").arg(FilterSqlFunction::name(), sql);
}

QString integerTerm(const QString &sql, const QString &field, const QString &op, const QJsonValue &value,
                    QVariantList *values)
{
    if (op == QLatin1String("isnull"))
        return sql + (value.toBool() ? QStringLiteral(" IS NULL") : QStringLiteral(" IS NOT NULL"));
    if (op == QLatin1String("in")) {
        QJsonArray numbers, others;
        bool withNull = false;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isNull())
                withNull = true;
            else if (const auto number = integral(item))
                numbers.append(*number);
            else
                others.append(item);
        }
        QStringList terms;
        if (!numbers.isEmpty()) {
            terms << sql + kInJson;
            *values << json(numbers);
        }
        if (withNull)
            terms << sql + QStringLiteral(" IS NULL");
        if (!others.isEmpty())
            terms << compared(sql, op, others, values);
        return either(terms);
    }
    const std::optional<qint64> number = integral(value);
    if (op == QLatin1String("eq") || op == QLatin1String("neq")) {
        const bool eq = op == QLatin1String("eq");
        if (value.isNull())
            return sql + (eq ? QStringLiteral(" IS NULL") : QStringLiteral(" IS NOT NULL"));
        if (number && eq && field == QLatin1String("agent")) {
            // A call's agent key is "agent:<agent>" exactly when it has that agent id: the
            // form the calls_agent index serves.
            *values << AgentKey::ofAgent(*number).toString();
            return QStringLiteral("c.agent_key = ?");
        }
        if (number) {
            *values << *number;
            return eq ? sql + QStringLiteral(" = ?") : QStringLiteral("(%1 IS NULL OR %1 <> ?)").arg(sql);
        }
    }
    if (number && isOrdering(op)) {
        *values << *number;
        return sql + comparator(op);
    }
    return compared(sql, op, value, values);
}

QString textTerm(const QString &sql, const QString &op, const QJsonValue &value, QVariantList *values)
{
    const QString missing = QStringLiteral("(%1 IS NULL OR %1 = '')").arg(sql);
    const QString present = QStringLiteral("(%1 IS NOT NULL AND %1 <> '')").arg(sql);
    if (op == QLatin1String("isnull"))
        return value.toBool() ? missing : present;
    // A null value equals null and "" (both are "" as text); plain text equals itself only.
    if (op == QLatin1String("eq") || op == QLatin1String("neq")) {
        const bool eq = op == QLatin1String("eq");
        if (value.isNull())
            return eq ? missing : present;
        if (isPlainText(value)) {
            *values << value.toString();
            return eq ? sql + QStringLiteral(" = ?") : QStringLiteral("(%1 IS NULL OR %1 <> ?)").arg(sql);
        }
    }
    if (op == QLatin1String("in")) {
        QJsonArray texts, others;
        bool withNull = false;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isNull())
                withNull = true;
            else if (isPlainText(item))
                texts.append(item);
            else
                others.append(item);
        }
        QStringList terms;
        if (!texts.isEmpty()) {
            terms << sql + kInJson;
            *values << json(texts);
        }
        if (withNull)
            terms << missing;
        if (!others.isEmpty())
            terms << compared(sql, op, others, values);
        return either(terms);
    }
    return compared(sql, op, value, values);
}

// A term on a column every call has, compared with the filter's values converted by
// `convert`: a value it cannot convert equals no call and orders with none.
template<typename Convert>
QString convertedTerm(const QString &sql, const QString &op, const QJsonValue &value, QVariantList *values,
                      Convert convert)
{
    if (op == QLatin1String("isnull"))
        return value.toBool() ? QStringLiteral("0") : QStringLiteral("1");
    if (op == QLatin1String("in")) {
        QJsonArray converted;
        for (const QJsonValue &item : value.toArray()) {
            if (const auto one = convert(item))
                converted.append(*one);
        }
        if (converted.isEmpty())
            return QStringLiteral("0");
        *values << json(converted);
        return sql + kInJson;
    }
    const auto one = convert(value);
    if (!one)
        return op == QLatin1String("neq") ? QStringLiteral("1") : QStringLiteral("0");
    *values << *one;
    if (op == QLatin1String("eq"))
        return sql + QStringLiteral(" = ?");
    if (op == QLatin1String("neq"))
        return sql + QStringLiteral(" <> ?");
    return sql + comparator(op);
}

// Every call has a time; a value that is no time equals none and orders with none.
QString timeTerm(const QString &sql, const QString &op, const QJsonValue &value, QVariantList *values)
{
    return convertedTerm(sql, op, value, values, instant);
}

// The duration is never missing and always number-like ("MM:SS"): it equals number-like
// values only, as numbers, and canExpress() admits orderings only with those.
QString durationTerm(const QString &sql, const QString &op, const QJsonValue &value, QVariantList *values)
{
    return convertedTerm(sql, op, value, values, seconds);
}

bool isFiniteSeconds(const QJsonValue &value)
{
    const std::optional<double> number = seconds(value);
    return number && std::isfinite(*number);
}

} // namespace

bool CallConditionSql::canExpress(const QString &field, const QString &op, const QJsonValue &value)
{
    const Column *column = columnFor(field);
    if (!column)
        return false;
    const bool textual = op == QLatin1String("contains") || op == QLatin1String("startswith");
    switch (column->kind) {
    case ColumnKind::Integer:
    case ColumnKind::Text:
        return true;
    case ColumnKind::Time:
        return !textual;
    case ColumnKind::Duration:
        if (textual)
            return false;
        if (isOrdering(op))
            return isFiniteSeconds(value);
        if (op == QLatin1String("in")) {
            for (const QJsonValue &item : value.toArray()) {
                if (seconds(item) && !isFiniteSeconds(item))
                    return false;
            }
            return true;
        }
        return op == QLatin1String("isnull") || !seconds(value) || isFiniteSeconds(value);
    }
    return false;
}

QString CallConditionSql::where(const CallCondition &condition, QVariantList *values)
{
    if (condition.kind != CallCondition::Kind::Compare) {
        const bool all = condition.kind == CallCondition::Kind::All;
        if (condition.children.isEmpty())
            return all ? QStringLiteral("1") : QStringLiteral("0");
        QStringList terms;
        for (const CallCondition &child : condition.children)
            terms << where(child, values);
        return QLatin1Char('(') + terms.join(all ? QStringLiteral(" AND ") : QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    const Column *column = columnFor(condition.field);
    Q_ASSERT(column);
    const QString sql = QString::fromLatin1(column->sql);
    switch (column->kind) {
    case ColumnKind::Integer:
        return integerTerm(sql, condition.field, condition.op, condition.value, values);
    case ColumnKind::Text:
        return textTerm(sql, condition.op, condition.value, values);
    case ColumnKind::Time:
        return timeTerm(sql, condition.op, condition.value, values);
    case ColumnKind::Duration:
        return durationTerm(sql, condition.op, condition.value, values);
    }
    return QStringLiteral("0");
}
