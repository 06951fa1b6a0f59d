#pragma once

#include <QList>

// A moment a metric result points at: where a slow answer, an interruption, a failed tool
// call or a repetition happened. The call view selects the turn and seeks the audio to
// `time`; the waveform and the transcript mark [time, time + duration].
struct MetricEvent
{
    double time = 0.0;       // seconds from the start of the call
    double duration = 0.0;   // seconds; 0 for an instant or an untimed turn
    int turnIndex = -1;      // index into the call's turns, -1 when none

    bool operator==(const MetricEvent &other) const = default;
};

using MetricEvents = QList<MetricEvent>;
