#pragma once

#include "callquery.h"

#include "calllog/calllog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

// Turns a CallQuery into SQL over `calls c`: the WHERE terms of its filters, the ORDER BY
// of its sort, and the keyset that continues after a given row. Each sort walks one index
// (sort key, timestamp, id) in one direction (schema.cpp creates them), so a page reads only its own
// rows. NULL keys do not compare, so the keyset after a row is split into segments, each
// one range of the index, read one after the other until the page is full.
class CallListSql
{
public:
    // How a full-text search filters the calls.
    enum class SearchPlan {
        // Every matching turn's call into a set first: cost grows with the matches, so
        // for rare words (and for counts, which need them all anyway).
        Materialise,
        // Each call, in list order, checked on its own turns (TurnMatchFunction: FTS5's
        // tokenizer, FTS5's answer): cost grows with the calls walked until the page is
        // full, so for common words.
        PerCall,
    };
    // A filter left out of where(): a facet is counted without its own filter.
    enum class Omit { Nothing, Agents, EndedReasons };

    // The filters as one term ("" when none filters), values appended in binding order.
    static QString where(const CallQuery &query, QVariantList *values, SearchPlan plan,
                         Omit omit = Omit::Nothing);
    static QString orderBy(const CallSort &sort);
    // The SQL of a sort key (Time: c.timestamp).
    static QString keyExpression(CallSortField field);
    // True when rows may hold NULL for the key.
    static bool isNullable(CallSortField field);

    // One range of the order after the query's keyset row: a WHERE term and its values.
    struct Segment
    {
        QString term;
        QVariantList values;
    };
    // The ranges after afterId's row, in list order; one empty segment without a keyset.
    static QList<Segment> keysetSegments(const CallQuery &query);

    // The sort field's name as `callscope list --sort` and saved views write it
    // ("time", "agent", "call_id", "duration", "status", "reviewed", "ended_reason",
    // "customer", "labels", "failed_metrics"), and back (nullopt for an unknown name).
    static QString sortFieldName(CallSortField field);
    static std::optional<CallSortField> sortFieldFromName(const QString &name);
    static QStringList sortFieldNames();

    // `call`'s sort key as the keyset takes it in CallQuery::afterKey.
    static QVariant sortKey(CallSortField field, const CallLog &call);

    // The full-text part of a search ("" when it has no word to search for).
    static QString matchExpression(const CallQuery &query);

    // A list bound as one JSON text parameter, read with `column` + inJsonList(): one `?`
    // per item would cost quadratic time (Qt names every `?`, SQLite looks each up by
    // name: 92 % of a 1000-id GET went there).
    template <typename List>
    static QString jsonList(const List &items)
    {
        QJsonArray array;
        for (const auto &item : items)
            array.append(item);
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    }
    static QString inJsonList() { return QStringLiteral(" IN (SELECT value FROM json_each(?))"); }
};
