#pragma once

#include "store/callquery.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

// The filters a CallQuery sets, one entry per kind, each described in words for the
// filter chips ("status is failure") and removable on its own. The sort is not a filter.
class ActiveFilters
{
    Q_DECLARE_TR_FUNCTIONS(ActiveFilters)

public:
    enum class Kind { Search, Status, Reviewed, Agent, EndedReason, Date, Duration, Recording, Labels, FailedMetrics, Metric };
    struct Filter
    {
        Kind kind;
        QString text;
    };

    // `agentNames` maps agent keys to the names people know them by; a key missing from
    // it is shown as its id.
    static QList<Filter> of(const CallQuery &query, const QHash<QString, QString> &agentNames = {});
    // The query without the filters of `kind`.
    static CallQuery without(CallQuery query, Kind kind);
    // The query without any filter, its sort kept.
    static CallQuery cleared(const CallQuery &query);
    static bool any(const CallQuery &query) { return !of(query).isEmpty(); }

    static QString statusText(ReviewStatus status);
    // "1:05" for 65 seconds, "1:01:05" past an hour.
    static QString durationText(double seconds);
    // The reason as stored; "none" for calls without one ("").
    static QString endedReasonText(const QString &reason);
    // "latency_p50_ms from 800 to under 900", "tool_call_success failed".
    static QString metricText(const MetricFilter &filter);
    // The agent's id as people write it: 7, asst_1.
    static QString agentText(const QString &agentKey, const QHash<QString, QString> &agentNames = {});
};
