#pragma once

#include "calllog/turn.h"
#include "metricoutcome.h"

#include <optional>

class SpeechTurns;

// How long the call is and how the agent fills it: the call's duration, the agent's share
// of it, its longest monologue and both parties' speaking rate.
class TalkTimeMetrics
{
public:
    static constexpr double MonologueMaxPause = 2.0;           // seconds between merged agent turns
    static constexpr double MonologueBreakingCallerTurn = 0.5; // seconds of caller speech that end a monologue
    static constexpr double WpmMinimumTurn = 1.0;              // seconds

    // `recordingSeconds`: the recording's length, when known.
    TalkTimeMetrics(const SpeechTurns &speech, std::optional<double> recordingSeconds);

    // The recording's length, else the largest end of any timed turn; none when nothing is timed.
    std::optional<double> callDurationSeconds() const { return m_callDuration; }

    MetricOutcome callDuration() const;
    MetricOutcome talkRatio() const;
    MetricOutcome longestAgentMonologue() const;
    MetricOutcome wordsPerMinute(Turn::Role role) const;

private:
    const SpeechTurns &m_speech;
    std::optional<double> m_callDuration;
    bool m_fromRecording = false;
    int m_lastEndingTurn = -1;   // when the duration comes from the turns
};
