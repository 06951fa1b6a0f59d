#include "toolcallpairing.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace {

// An id or a name that can be matched: a non-empty string or a number.
bool isKey(const QJsonValue &value)
{
    return value.isDouble() || (value.isString() && !value.toString().isEmpty());
}

} // namespace

QList<ToolCallPairing::Pair> ToolCallPairing::pair(const Turns &turns)
{
    QList<Pair> pairs;
    QList<int> results;
    for (int i = 0; i < turns.size(); ++i) {
        if (turns[i].role == Turn::Role::FunctionCall)
            pairs.append({i, -1});
        else if (turns[i].role == Turn::Role::FunctionCallResult)
            results.append(i);
    }
    QList<bool> taken(results.size(), false);

    const auto matchFirst = [&](Pair &pair, const QString &field, int after) {
        const QJsonValue key = turns[pair.call].data.value(field);
        if (!isKey(key))
            return;
        for (qsizetype r = 0; r < results.size(); ++r) {
            if (!taken[r] && results[r] > after && turns[results[r]].data.value(field) == key) {
                taken[r] = true;
                pair.result = results[r];
                return;
            }
        }
    };
    for (Pair &pair : pairs)
        matchFirst(pair, u"id"_s, -1);
    for (Pair &pair : pairs) {
        if (pair.result < 0)
            matchFirst(pair, u"name"_s, pair.call);
    }
    return pairs;
}
