#pragma once

#include "turn.h"

#include <QList>

// A silence longer than the threshold between the end of the caller's (Testing Agent's)
// speech and the start of the Main Agent turn that answers it. Indices are into the
// Turns the gap was found in.
struct TurnGap
{
    double start = 0.0;     // the caller's turn ends
    double end = 0.0;       // the agent's answer starts
    int callerTurn = -1;
    int agentTurn = -1;

    double duration() const { return end - start; }
    bool operator==(const TurnGap &other) const = default;
};

// A stretch where a Main Agent turn and a Testing Agent turn are both speaking.
struct TurnOverlap
{
    double start = 0.0;
    double end = 0.0;
    int callerTurn = -1;
    int agentTurn = -1;

    double duration() const { return end - start; }
    bool operator==(const TurnOverlap &other) const = default;
};

using TurnGaps = QList<TurnGap>;
using TurnOverlaps = QList<TurnOverlap>;

// The timing between the two speakers of a call, from its turns alone (no audio): slow
// answers and talking over each other. Tool entries are ignored, so an agent that calls a
// tool before answering still answers the caller's turn. Turns need not be sorted; results
// are ordered by start time. The waveform marks these, and timing metrics count them.
class TurnTiming
{
public:
    static constexpr double DefaultGapThreshold = 2.0;   // seconds

    // For each run of caller turns followed by an agent turn: the gap from the latest end
    // of that run to the agent's start, when it is longer than `threshold` seconds.
    static TurnGaps responseGaps(const Turns &turns, double threshold = DefaultGapThreshold);

    // Every agent/caller pair of speech turns whose times intersect with a positive length.
    static TurnOverlaps overlaps(const Turns &turns);
};
