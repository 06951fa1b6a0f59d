#pragma once

#include <QList>

// A stretch of a recording's channel in which someone speaks, in seconds from its start.
struct SpeechRun
{
    double start = 0;
    double end = 0;

    double duration() const { return end - start; }
    friend bool operator==(const SpeechRun &, const SpeechRun &) = default;
};

using SpeechRuns = QList<SpeechRun>;
