#include "latencymetrics.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QStringBuilder>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

QString overlapNote(int overlaps)
{
    return u"%1 agent turn(s) started before the caller had finished: overlaps, not samples."_s.arg(overlaps);
}

} // namespace

LatencyMetrics::LatencyMetrics(const SpeechTurns &speech)
    : m_speech(speech)
{
    for (int i = 0; i < speech.size(); ++i) {
        if (!speech.isAgent(i))
            continue;
        const int before = speech.previousSpeech(i);
        if (before < 0 || !speech.isCaller(before) || !speech.isTimed(before) || !speech.isTimed(i))
            continue;
        const double latency = speech.start(i) - speech.end(before);
        if (latency < 0) {
            ++m_overlaps;
            continue;
        }
        m_samples.append({latency, before, i});
        m_sortedSeconds.append(latency);
        m_sampleEvents.append({speech.end(before), latency, speech.transcriptTurn(i)});
    }
    std::sort(m_sortedSeconds.begin(), m_sortedSeconds.end());
}

double LatencyMetrics::percentileOf(const QList<double> &sorted, double p)
{
    const double h = double(sorted.size() - 1) * p;
    const auto lower = qsizetype(std::floor(h));
    const auto upper = qsizetype(std::ceil(h));
    return sorted[lower] + (h - double(lower)) * (sorted[upper] - sorted[lower]);
}

MetricOutcome LatencyMetrics::noSamples() const
{
    MetricOutcome outcome = MetricOutcome::notApplicable(u"no timed handoffs"_s);
    outcome.explanation = {u"No timed agent turn starts after a timed caller turn."_s};
    if (m_overlaps > 0)
        outcome.explanation << overlapNote(m_overlaps);
    return outcome;
}

MetricOutcome LatencyMetrics::withAllSamples(double valueMs, const QString &summary) const
{
    QStringList explanation{summary};
    if (m_overlaps > 0)
        explanation << overlapNote(m_overlaps);
    return MetricOutcome::of(valueMs, explanation, m_sampleEvents);
}

MetricOutcome LatencyMetrics::mean() const
{
    if (m_samples.isEmpty())
        return noSamples();
    const double total = std::accumulate(m_sortedSeconds.begin(), m_sortedSeconds.end(), 0.0);
    const double mean = total / double(m_sortedSeconds.size());
    return withAllSamples(mean * 1000.0, u"Mean of "_s % QString::number(m_samples.size())
                                             % u" answer time(s), from the end of a caller turn to the start of the "
                                               "agent's answer: "_s
                                             % MetricText::seconds(mean) % u'.');
}

MetricOutcome LatencyMetrics::percentile(double p) const
{
    if (m_samples.isEmpty())
        return noSamples();
    const double value = percentileOf(m_sortedSeconds, p);
    return withAllSamples(value * 1000.0, QString::number(qRound(p * 100)) % u"th percentile of "_s
                                              % QString::number(m_samples.size()) % u" answer time(s) (fastest "_s
                                              % MetricText::seconds(m_sortedSeconds.first()) % u", slowest "_s
                                              % MetricText::seconds(m_sortedSeconds.last()) % u"): "_s
                                              % MetricText::seconds(value) % u'.');
}

MetricOutcome LatencyMetrics::max() const
{
    if (m_samples.isEmpty())
        return noSamples();
    // The first of equally slow answers, in transcript order.
    const Sample slowest = *std::max_element(m_samples.begin(), m_samples.end(),
                                             [](const Sample &a, const Sample &b) { return a.seconds < b.seconds; });
    const QString summary = u"Slowest answer: "_s % MetricText::seconds(slowest.seconds) % u" after the caller's "_s
                            % m_speech.describe(slowest.callerTurn) % u" ("_s % m_speech.describe(slowest.agentTurn) % u")."_s;
    return MetricOutcome::of(slowest.seconds * 1000.0, {summary},
                             {{m_speech.end(slowest.callerTurn), slowest.seconds, m_speech.transcriptTurn(slowest.agentTurn)}});
}

MetricOutcome LatencyMetrics::timeToFirstAudio(const SpeechTurns &speech)
{
    const int first = speech.firstSpeech();
    if (first < 0)
        return MetricOutcome::notApplicable(u"no speech turns"_s);
    if (!speech.isAgent(first))
        return MetricOutcome::notApplicable(u"the caller speaks first"_s);
    if (!speech.isTimed(first))
        return MetricOutcome::notApplicable(u"the first speech turn is not timed"_s);
    const double start = speech.start(first);
    return MetricOutcome::of(start * 1000.0,
                             {u"The agent speaks first ("_s % speech.describe(first) % u"), starting at "_s
                              % MetricText::seconds(start) % u'.'},
                             {{0.0, start, speech.transcriptTurn(first)}});
}
