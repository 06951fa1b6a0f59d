#pragma once

#include "metricoutcome.h"

#include <QList>

class SpeechTurns;

// How fast the Main Agent answers: the latency samples (a caller turn's end to the start
// of the agent turn that follows it) and their mean, percentiles and maximum, and the time
// to the agent's first audio (always from the transcript: METRICS.md's audio mode leaves
// it out).
class LatencyMetrics
{
public:
    explicit LatencyMetrics(const SpeechTurns &speech);

    MetricOutcome mean() const;
    MetricOutcome percentile(double p) const;   // p in [0, 1]
    MetricOutcome max() const;
    static MetricOutcome timeToFirstAudio(const SpeechTurns &speech);

    // METRICS.md's interpolation: h = (n-1)p, x[floor h] + (h - floor h)(x[ceil h] - x[floor h]).
    // `sorted` must be ascending and not empty.
    static double percentileOf(const QList<double> &sorted, double p);

private:
    struct Sample
    {
        double seconds;
        int callerTurn;
        int agentTurn;
    };

    MetricOutcome withAllSamples(double valueMs, const QString &summary) const;
    MetricOutcome noSamples() const;

    const SpeechTurns &m_speech;
    QList<Sample> m_samples;       // transcript order
    QList<double> m_sortedSeconds;
    MetricEvents m_sampleEvents;   // one per sample, shared by the results that mark them all
    int m_overlaps = 0;            // handoffs where the agent started before the caller ended
};
