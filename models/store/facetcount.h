#pragma once

#include <QString>

// One value of a list filter with the number of calls it would show (CallReader's
// agentCounts() and endedReasonCounts(), for the filter pickers).
struct FacetCount
{
    QString key;           // the value the query takes: an AgentKey string, an ended reason ("" for none)
    QString displayName;   // how the value reads: the agent's name; the reason itself
    qint64 count = 0;
};
