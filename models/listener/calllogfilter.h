#pragma once

#include "calllog/fielderrors.h"
#include "store/callquery.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>

class FilterValueSet;

// The `filters_v2` query parameter of GET /call-logs/: a condition {field, op, value} or
// a group {operator: and|or, conditions: [...]}, nested freely, with the operators eq
// neq gt gte lt lte contains startswith in isnull. Fields are those of the call's
// CallLogDetail JSON ("status", "call_id", "agent", "customer_number", "timestamp",
// "duration", "success", ...); "metadata.key" and "dynamic_variables.key" reach inside.
//
// narrow() hands SQL every part of the filter it can decide with the same answer as
// matches() (conditions on the call's columns: ids, agent, status, timestamps, duration,
// ended reason, customer number, ..., nested in and/or as they come; see CallConditionSql),
// and matches() decides the rest on each call (metadata.*, success, transcript, ...).
// contains/startswith compare case-insensitively; timestamps compare as instants. Integer
// fields (id, agent) take integers only, and an "in" list at most 1000 values (400 otherwise).
class CallLogFilter
{
public:
    static CallLogFilter parse(const QJsonValue &value, FieldErrors *errors);
    static CallLogFilter parse(const QString &json, FieldErrors *errors);

    bool isEmpty() const { return m_root.kind == Node::Kind::Empty; }
    // Adds what SQL can filter to `query`. True when that was every condition, so the
    // query's result needs no matches() pass.
    bool narrow(CallQuery &query) const;
    bool matches(const QJsonObject &callDetail) const;

    static QStringList operatorNames();

private:
    struct Node
    {
        enum class Kind { Empty, Condition, And, Or };
        Kind kind = Kind::Empty;
        QString field;
        QString op;
        QJsonValue value;
        QList<Node> children;
        std::shared_ptr<const FilterValueSet> inSet;   // for "in": the value list, hashed
    };

    static Node parseNode(const QJsonValue &value, const QString &path, FieldErrors *errors, int depth);
    static bool evaluate(const Node &node, const QJsonObject &call);
    // The node as a condition SQL decides, when SQL can decide every part of it.
    static std::optional<CallCondition> toCondition(const Node &node);

    Node m_root;
};
