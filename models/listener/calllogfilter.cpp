#include "calllogfilter.h"

#include "calllog/checkedinteger.h"
#include "calllog/filtercomparison.h"
#include "calllog/filtervalueset.h"
#include "calllog/reviewstatus.h"
#include "store/callconditionsql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

constexpr int kMaxDepth = 8;
// Longer "in" lists are refused: each one is bound into SQL or matched per call.
constexpr int kMaxInValues = 1000;

// Fields that hold integers: their values must be integers (or null, which no call has).
bool isIntegerField(const QString &field)
{
    return field == QLatin1String("id") || field == QLatin1String("agent");
}

// Ids and agent ids as a filter may name them: a JSON number or its text, exact in a double.
std::optional<qint64> filterInteger(const QJsonValue &value)
{
    return CheckedInteger::fromJson(value, -CheckedInteger::kMaxExactDouble, CheckedInteger::kMaxExactDouble, true);
}

bool isIntegerOrNull(const QJsonValue &value)
{
    return value.isNull() || filterInteger(value).has_value();
}

bool isTimeField(const QString &field)
{
    return field == QLatin1String("timestamp") || field == QLatin1String("created_at")
           || field == QLatin1String("updated_at");
}

QJsonValue lookup(const QJsonObject &call, const QString &field)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return call.value(field);
    const QJsonValue parent = call.value(field.left(dot));
    if (!parent.isObject())
        return QJsonValue(QJsonValue::Undefined);
    return lookup(parent.toObject(), field.mid(dot + 1));
}

} // namespace

QStringList CallLogFilter::operatorNames()
{
    return {QStringLiteral("eq"), QStringLiteral("neq"), QStringLiteral("gt"), QStringLiteral("gte"),
            QStringLiteral("lt"), QStringLiteral("lte"), QStringLiteral("contains"), QStringLiteral("startswith"),
            QStringLiteral("in"), QStringLiteral("isnull")};
}

CallLogFilter CallLogFilter::parse(const QString &json, FieldErrors *errors)
{
    if (json.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        errors->add(QStringLiteral("filters_v2"), QStringLiteral("Invalid JSON: %1.").arg(error.errorString()));
        return {};
    }
    return parse(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), errors);
}

CallLogFilter CallLogFilter::parse(const QJsonValue &value, FieldErrors *errors)
{
    CallLogFilter filter;
    FieldErrors mine;
    filter.m_root = parseNode(value, QStringLiteral("filters_v2"), &mine, 0);
    if (!mine.isEmpty()) {
        errors->merge(mine);
        return {};
    }
    return filter;
}

CallLogFilter::Node CallLogFilter::parseNode(const QJsonValue &value, const QString &path, FieldErrors *errors,
                                             int depth)
{
    Node node;
    if (depth > kMaxDepth) {
        errors->add(path, QStringLiteral("Filters nest deeper than %1 levels.").arg(kMaxDepth));
        return node;
    }
    // A bare list is an AND of its items.
    if (value.isArray()) {
        node.kind = Node::Kind::And;
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            node.children.append(parseNode(items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), errors, depth + 1));
        return node;
    }
    if (!value.isObject()) {
        errors->add(path, QStringLiteral("Expected an object {field, op, value} or {operator, conditions}."));
        return node;
    }
    const QJsonObject object = value.toObject();
    if (object.contains(QStringLiteral("conditions")) || object.contains(QStringLiteral("operator"))) {
        const QString op = object.value(QStringLiteral("operator")).toString(QStringLiteral("and")).toLower();
        if (op != QLatin1String("and") && op != QLatin1String("or")) {
            errors->add(path + QStringLiteral(".operator"), QStringLiteral("Must be \"and\" or \"or\"."));
            return node;
        }
        const QJsonValue conditions = object.value(QStringLiteral("conditions"));
        if (!conditions.isArray()) {
            errors->add(path + QStringLiteral(".conditions"), QStringLiteral("Expected a list of conditions."));
            return node;
        }
        node.kind = op == QLatin1String("and") ? Node::Kind::And : Node::Kind::Or;
        const QJsonArray items = conditions.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            node.children.append(parseNode(items.at(i), QStringLiteral("%1.conditions[%2]").arg(path).arg(i), errors,
                                           depth + 1));
        return node;
    }
    node.kind = Node::Kind::Condition;
    node.field = object.value(QStringLiteral("field")).toString();
    node.op = object.value(QStringLiteral("op")).toString(object.value(QStringLiteral("operator")).toString()).toLower();
    node.value = object.value(QStringLiteral("value"));
    if (node.field.isEmpty())
        errors->add(path + QStringLiteral(".field"), QStringLiteral("This field is required."));
    if (!operatorNames().contains(node.op))
        errors->add(path + QStringLiteral(".op"), QStringLiteral("\"%1\" is not a valid choice; use one of %2.")
                                                      .arg(node.op, operatorNames().join(QLatin1String(", "))));
    else if (node.op == QLatin1String("in") && !node.value.isArray())
        errors->add(path + QStringLiteral(".value"), QStringLiteral("\"in\" takes a list."));
    else if (node.op == QLatin1String("in") && node.value.toArray().size() > kMaxInValues)
        errors->add(path + QStringLiteral(".value"), QStringLiteral("\"in\" takes at most %1 values; got %2.")
                                                         .arg(kMaxInValues).arg(node.value.toArray().size()));
    else if (node.op == QLatin1String("isnull") && !node.value.isBool())
        errors->add(path + QStringLiteral(".value"), QStringLiteral("\"isnull\" takes true or false."));
    else if (node.value.isUndefined())
        errors->add(path + QStringLiteral(".value"), QStringLiteral("This field is required."));
    else if (isIntegerField(node.field) && node.op != QLatin1String("isnull") && node.op != QLatin1String("contains")
             && node.op != QLatin1String("startswith")) {
        const QJsonArray values = node.op == QLatin1String("in") ? node.value.toArray() : QJsonArray{node.value};
        const bool nullAllowed = node.op == QLatin1String("in") || node.op == QLatin1String("eq")
                                 || node.op == QLatin1String("neq");
        for (const QJsonValue &item : values) {
            if (!(nullAllowed ? isIntegerOrNull(item) : filterInteger(item).has_value())) {
                errors->add(path + QStringLiteral(".value"),
                            QStringLiteral("\"%1\" takes integers (-2^63 to 2^63-1); %2 is not one.")
                                .arg(node.field, item.isNull() ? QStringLiteral("null") : FilterComparison::text(item).left(40)));
                break;
            }
        }
    }
    if (node.op == QLatin1String("in") && node.value.isArray())
        node.inSet = std::make_shared<const FilterValueSet>(node.value.toArray(), isTimeField(node.field));
    return node;
}

bool CallLogFilter::evaluate(const Node &node, const QJsonObject &call)
{
    switch (node.kind) {
    case Node::Kind::Empty:
        return true;
    case Node::Kind::Condition:
        return FilterComparison::matches(lookup(call, node.field), node.op, node.value, isTimeField(node.field),
                                         node.inSet.get());
    case Node::Kind::And:
        for (const Node &child : node.children) {
            if (!evaluate(child, call))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (const Node &child : node.children) {
            if (evaluate(child, call))
                return true;
        }
        return node.children.isEmpty();
    }
    return false;
}

bool CallLogFilter::matches(const QJsonObject &callDetail) const
{
    return evaluate(m_root, callDetail);
}

std::optional<CallCondition> CallLogFilter::toCondition(const Node &node)
{
    CallCondition condition;
    switch (node.kind) {
    case Node::Kind::Empty:
        return condition;   // an empty All: true, as evaluate() has it
    case Node::Kind::Condition:
        if (!CallConditionSql::canExpress(node.field, node.op, node.value))
            return std::nullopt;
        condition.kind = CallCondition::Kind::Compare;
        condition.field = node.field;
        condition.op = node.op;
        condition.value = node.value;
        return condition;
    case Node::Kind::And:
    case Node::Kind::Or:
        // An empty "or" holds, as in evaluate().
        condition.kind = node.kind == Node::Kind::Or && !node.children.isEmpty() ? CallCondition::Kind::Any
                                                                                 : CallCondition::Kind::All;
        for (const Node &child : node.children) {
            std::optional<CallCondition> part = toCondition(child);
            if (!part)
                return std::nullopt;
            condition.children.append(std::move(*part));
        }
        return condition;
    }
    return std::nullopt;
}

bool CallLogFilter::narrow(CallQuery &query) const
{
    if (std::optional<CallCondition> whole = toCondition(m_root)) {
        query.conditions.append(std::move(*whole));
        return true;
    }
    if (m_root.kind != Node::Kind::And)
        return false;
    // Of a top-level "and", whatever SQL can decide still narrows the rows matched here.
    bool all = true;
    for (const Node &child : m_root.children) {
        if (std::optional<CallCondition> part = toCondition(child))
            query.conditions.append(std::move(*part));
        else
            all = false;
    }
    return all;
}
