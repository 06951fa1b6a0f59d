#pragma once

#include "metricoutcome.h"

#include <QString>

class SpeechTurns;

// How the call ended: who ended it, read from the provider's call_ended_reason, and
// whether the caller was a voicemail (by that reason, or by a greeting in the caller's
// first 30 s).
class CallEndMetrics
{
public:
    static constexpr double VoicemailGreetingWithin = 30.0;   // seconds
    static constexpr int VoicemailUntimedTurns = 3;           // untimed: among the first turns

    CallEndMetrics(const SpeechTurns &speech, const QString &callEndedReason);

    MetricOutcome endedBy() const;
    MetricOutcome voicemailDetected() const;

private:
    const SpeechTurns &m_speech;
    QString m_reason;
    QString m_endedBy;                 // main_agent, caller, system, voicemail or unknown
    QLatin1StringView m_matchedWord;   // the part of the reason that decided m_endedBy
};
