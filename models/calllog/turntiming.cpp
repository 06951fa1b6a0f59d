#include "turntiming.h"

#include <algorithm>
#include <optional>

namespace {

// Indices of the speech turns of `role` (or of both roles when unset), ordered by start.
QList<int> speechByStart(const Turns &turns, std::optional<Turn::Role> role = std::nullopt)
{
    QList<int> indices;
    for (int i = 0; i < turns.size(); ++i) {
        if (turns[i].isSpeech() && (!role || turns[i].role == *role))
            indices.append(i);
    }
    std::stable_sort(indices.begin(), indices.end(),
                     [&turns](int a, int b) { return turns[a].startTime < turns[b].startTime; });
    return indices;
}

} // namespace

TurnGaps TurnTiming::responseGaps(const Turns &turns, double threshold)
{
    TurnGaps gaps;
    // The caller turn of the current run that ends last: the agent answers all of it.
    int lastCaller = -1;
    for (int i : speechByStart(turns)) {
        const Turn &turn = turns[i];
        if (turn.role == Turn::Role::TestingAgent) {
            if (lastCaller < 0 || turn.endTime > turns[lastCaller].endTime)
                lastCaller = i;
            continue;
        }
        if (lastCaller >= 0) {
            const double silence = turn.startTime - turns[lastCaller].endTime;
            if (silence > threshold)
                gaps.append({turns[lastCaller].endTime, turn.startTime, lastCaller, i});
        }
        lastCaller = -1;
    }
    return gaps;
}

TurnOverlaps TurnTiming::overlaps(const Turns &turns)
{
    const QList<int> callers = speechByStart(turns, Turn::Role::TestingAgent);
    const QList<int> agents = speechByStart(turns, Turn::Role::MainAgent);
    double longestCaller = 0.0;
    for (int c : callers)
        longestCaller = std::max(longestCaller, turns[c].endTime - turns[c].startTime);

    TurnOverlaps found;
    for (int a : agents) {
        const Turn &agent = turns[a];
        // Only callers that start within one longest caller turn before the agent's start
        // can still be speaking: a binary search skips the rest.
        auto first = std::lower_bound(callers.begin(), callers.end(), agent.startTime - longestCaller,
                                      [&turns](int c, double t) { return turns[c].startTime < t; });
        for (auto it = first; it != callers.end() && turns[*it].startTime < agent.endTime; ++it) {
            const Turn &caller = turns[*it];
            const double start = std::max(agent.startTime, caller.startTime);
            const double end = std::min(agent.endTime, caller.endTime);
            if (end > start)
                found.append({start, end, *it, a});
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const TurnOverlap &x, const TurnOverlap &y) { return x.start < y.start; });
    return found;
}
