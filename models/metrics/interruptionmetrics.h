#pragma once

#include "calllog/turn.h"
#include "metricoutcome.h"

#include <QList>

class SpeechTurns;

// Who cuts in on whom: a timed speech turn that starts while the other party is speaking
// and talks over them for 0.3 s or more, backchannels ("yeah", "mm-hmm") excepted.
class InterruptionMetrics
{
public:
    static constexpr double MinimumOverlap = 0.3;   // seconds

    explicit InterruptionMetrics(const SpeechTurns &speech);

    MetricOutcome byAgent() const;
    MetricOutcome byCaller() const;

private:
    struct Interruption
    {
        int turn;          // the interrupting turn
        int interrupted;   // the first turn (transcript order) it talks over
        double overlap;    // seconds
    };

    MetricOutcome by(Turn::Role role) const;

    const SpeechTurns &m_speech;
    QList<Interruption> m_found;   // transcript order of the interrupting turn
};
