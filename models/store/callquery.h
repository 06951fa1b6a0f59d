#pragma once

#include "callcondition.h"

#include "calllog/agentkey.h"
#include "calllog/reviewstatus.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <optional>

// The list columns a call list can be ordered by. Every one is sorted in SQL along an
// index (sort key, timestamp, id), so a page costs the same at any depth.
enum class CallSortField { Time, Agent, CallId, Duration, Status, Reviewed, EndedReason, Customer, Labels, FailedMetrics };

// The order of a call list: by `field`, ties by timestamp then id, all in one direction.
// A NULL key (no status, no ended reason, no customer) sorts first ascending and last
// descending, as SQLite orders NULLs. Labels orders by the number of turn labels,
// FailedMetrics by the number of current metric results that failed.
struct CallSort
{
    CallSortField field = CallSortField::Time;
    bool descending = true;

    friend bool operator==(const CallSort &, const CallSort &) = default;
};

// Calls whose current result (newest metric version) for the metric `key` holds: it
// passed or failed, and its score lies in [minScore, maxScore). Unset parts do not filter.
// The dashboard's drill-downs ask for these ("latency_p50_ms from 800 to under 900").
struct MetricFilter
{
    QString key;
    std::optional<bool> passed;
    std::optional<double> minScore;   // inclusive
    std::optional<double> maxScore;   // exclusive

    friend bool operator==(const MetricFilter &, const MetricFilter &) = default;
};

// A filter over stored calls, shared by `callscope list`, the listener's GET /call-logs/
// and the UI's call list. Empty members do not filter; set members combine with AND.
// Results are in `sort` order (default newest first) so that keyset paging (afterKey,
// afterTimestamp, afterId: the last row of the previous page) is stable.
struct CallQuery
{
    CallSort sort;
    std::optional<ReviewStatus> status;
    std::optional<bool> reviewed;    // status is reviewed_success or reviewed_failure
    AgentKey agentKey;               // a null key does not filter
    QStringList agentKeys;           // exact AgentKey strings ("agent:7"), any of them
    QString agent;                   // equals the agent id or the assistant id as text
    QStringList endedReasons;        // any of them; "" stands for calls without one
    std::optional<double> minDuration;   // seconds, inclusive
    std::optional<double> maxDuration;   // seconds, inclusive
    std::optional<bool> hasRecording;    // a stored recording file or a recording URL
    std::optional<bool> hasLabels;       // at least one turn label (label_count > 0)
    std::optional<bool> hasFailedMetrics;   // at least one failed current metric result (failed_metric_count > 0)
    QString search;                  // full-text over turn content: every word must occur
    QDateTime timestampFrom;         // inclusive
    QDateTime timestampTo;           // inclusive
    QList<qint64> ids;               // database ids
    QStringList callIds;             // the senders' call_id values
    QList<CallCondition> conditions; // filters_v2 parts SQL decides, all must hold
    QList<MetricFilter> metrics;     // all must hold
    // Keyset paging: only rows after this one in the result order. Used when afterId > 0;
    // then afterTimestamp is that row's timestamp and afterKey its sort key
    // (CallListSql::sortKey(); ignored when sorting by time; a null QVariant for a NULL
    // key). Costs the same on every page, unlike a large offset.
    QVariant afterKey;
    QDateTime afterTimestamp;
    qint64 afterId = 0;
    int limit = 100;                 // <= 0: no limit
    // Rows to skip. list() does not read and drop them: it finds the row before the page
    // from the sort index entries alone, then reads the page by keyset.
    int offset = 0;
    // list() normally leaves turns and metric results out; API list bodies need them.
    bool withDetails = false;
};
