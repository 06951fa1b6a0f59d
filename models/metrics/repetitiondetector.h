#pragma once

#include "metricoutcome.h"

class SpeechTurns;

// Finds the Main Agent saying the same thing again: an agent turn of 5 words or more whose
// word 3-grams are at least 80 % the same (Jaccard) as an earlier agent turn's, unless the
// caller just asked for it ("say that again", "sorry?").
class RepetitionDetector
{
public:
    static constexpr int MinimumWords = 5;
    static constexpr double MinimumSimilarity = 0.8;

    explicit RepetitionDetector(const SpeechTurns &speech);

    MetricOutcome repetitionCount() const { return m_outcome; }

private:
    MetricOutcome m_outcome;
};
