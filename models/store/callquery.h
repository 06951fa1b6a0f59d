#pragma once

#include "callcondition.h"

#include "calllog/agentkey.h"
#include "calllog/reviewstatus.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

// A filter over stored calls, shared by `callscope list`, the listener's GET /call-logs/
// and the UI's call list. Empty members do not filter; set members combine with AND.
// Results are ordered newest first (timestamp, then id) so that keyset paging
// (afterTimestamp/afterId: the last row of the previous page) is stable.
struct CallQuery
{
    std::optional<ReviewStatus> status;
    AgentKey agentKey;           // a null key does not filter
    QString agent;               // equals the agent id or the assistant id as text
    QString search;              // full-text over turn content: every word must occur
    QDateTime timestampFrom;     // inclusive
    QDateTime timestampTo;       // inclusive
    QList<qint64> ids;           // database ids
    QStringList callIds;         // the senders' call_id values
    QList<CallCondition> conditions;   // filters_v2 parts SQL decides, all must hold
    // Keyset paging: only rows after (older than) this one in the result order.
    // Used when afterId > 0 (then afterTimestamp must be that row's timestamp);
    // costs the same on every page, unlike a large offset.
    QDateTime afterTimestamp;
    qint64 afterId = 0;
    int limit = 100;             // <= 0: no limit
    // Rows to skip. list() does not read and drop them: it finds the row before the page
    // from the (timestamp, id) index entries alone, then reads the page by keyset.
    int offset = 0;
    // list() normally leaves turns and metric results out; API list bodies need them.
    bool withDetails = false;
};
