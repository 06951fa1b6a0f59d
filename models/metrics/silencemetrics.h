#pragma once

#include "metricoutcome.h"

#include <QList>

#include <optional>

class SpeechTurns;

// Where nobody speaks: the gaps between the timed speech turns (from the call's start to
// the last speech), the long ones among them (dead air), and caller turns the agent leaves
// unanswered for 10 s while the call goes on (an infrastructure issue).
class SilenceMetrics
{
public:
    static constexpr double DeadAirGap = 3.0;         // seconds
    static constexpr double UnansweredAfter = 10.0;   // seconds

    // `callDurationSeconds`: call_duration_s, none when it is n/a.
    SilenceMetrics(const SpeechTurns &speech, std::optional<double> callDurationSeconds);

    MetricOutcome longestSilence() const;
    MetricOutcome deadAirCount() const;
    MetricOutcome infrastructureIssue() const;

private:
    struct Gap
    {
        double start;
        double end;
        int turnAfter;   // the speech turn that ends the gap
        double length() const { return end - start; }
    };

    const SpeechTurns &m_speech;
    std::optional<double> m_callDuration;
    QList<Gap> m_gaps;   // in time order
    double m_lastSpeechEnd = 0.0;
};
