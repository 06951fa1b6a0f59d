#pragma once

#include "calllog/turn.h"
#include "metricoutcome.h"

#include <QList>
#include <QStringList>

// How the agent's tool calls went: how many it made, how many failed (an error result, or
// no result at all) and whether all of them succeeded.
class ToolCallMetrics
{
public:
    explicit ToolCallMetrics(const Turns &turns);

    MetricOutcome toolCalls() const;
    MetricOutcome failures() const;
    MetricOutcome success() const;

private:
    qsizetype m_calls = 0;
    MetricEvents m_failureEvents;
    QStringList m_failureTexts;   // one per failure, transcript order of the calls
};
