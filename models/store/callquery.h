#pragma once

#include "calllog/reviewstatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// A filter over stored calls, shared by `callscope list`, the listener's GET /call-logs/
// and the UI's call list. Empty members do not filter. Results are ordered newest first
// (timestamp, then id) so that keyset paging (afterTimestamp/afterId) is stable.
struct CallQuery
{
    std::optional<ReviewStatus> status;
    QString agentKey;            // "agent:12" / "assistant:asst_1" (CallLog::agentKey)
    QString agent;               // matches the agent id or the assistant id as text
    QString search;              // full-text over turn content (FTS5 syntax-safe words)
    QDateTime timestampFrom;
    QDateTime timestampTo;
    QList<qint64> ids;           // database ids
    QStringList callIds;         // the senders' call_id values
    int limit = 100;
    int offset = 0;
};
