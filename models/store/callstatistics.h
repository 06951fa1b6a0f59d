#pragma once

#include <QDate>
#include <QList>
#include <QString>

// What the dashboard shows, aggregated in SQL over the calls a CallQuery selects.
namespace CallStatistics {

// The calls of one local day, and how many of those with a status succeeded
// (success or reviewed_success).
struct Day
{
    QDate date;
    qint64 calls = 0;
    qint64 withStatus = 0;
    qint64 successes = 0;

    friend bool operator==(const Day &, const Day &) = default;
};

// One agent's calls by status; `none` have no status yet.
struct AgentStatuses
{
    QString agentKey;
    QString name;   // the agent's stored name, "" when it has none
    qint64 success = 0;
    qint64 failure = 0;
    qint64 reviewedSuccess = 0;
    qint64 reviewedFailure = 0;
    qint64 none = 0;

    qint64 total() const { return success + failure + reviewedSuccess + reviewedFailure + none; }
    friend bool operator==(const AgentStatuses &, const AgentStatuses &) = default;
};

// The current scores of one numeric metric: bins of equal width from `start` (bin i holds
// [start + i·width, start + (i+1)·width)) up to the 99th percentile; the slowest 1 % past
// the last bin are counted in `beyond`, so one outlier does not squeeze every bar into one.
struct Histogram
{
    QString metricKey;
    double start = 0;
    double width = 0;
    QList<qint64> counts;
    qint64 beyond = 0;
    qint64 samples = 0;
    double p50 = 0;
    double p90 = 0;

    bool isEmpty() const { return samples == 0; }
    double binStart(int bin) const { return start + width * bin; }
};

// Of the calls of one local day whose interruption metrics were evaluated, how many had
// at least one interruption by the agent, respectively by the caller.
struct InterruptionDay
{
    QDate date;
    qint64 evaluatedByAgent = 0;
    qint64 withAgentInterruptions = 0;
    qint64 evaluatedByCaller = 0;
    qint64 withCallerInterruptions = 0;

    friend bool operator==(const InterruptionDay &, const InterruptionDay &) = default;
};

// One metric's current binary verdicts over the selected calls.
struct PassRate
{
    QString key;
    QString name;
    qint64 passed = 0;
    qint64 failed = 0;

    qint64 total() const { return passed + failed; }
    friend bool operator==(const PassRate &, const PassRate &) = default;
};

} // namespace CallStatistics
