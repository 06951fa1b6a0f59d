#include "silencemetrics.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int ListedGaps = 5;

QString gapText(const SpeechTurns &speech, double start, double end, int turnAfter)
{
    return MetricText::seconds(end - start) % u" from "_s % MetricText::seconds(start) % u" to "_s
           % MetricText::seconds(end) % u" (before "_s % speech.describe(turnAfter) % u')';
}

} // namespace

SilenceMetrics::SilenceMetrics(const SpeechTurns &speech, std::optional<double> callDurationSeconds)
    : m_speech(speech)
    , m_callDuration(callDurationSeconds)
{
    QList<int> timed;
    for (int i = 0; i < speech.size(); ++i) {
        if (speech.isTimedSpeech(i))
            timed.append(i);
    }
    std::stable_sort(timed.begin(), timed.end(), [&speech](int a, int b) { return speech.start(a) < speech.start(b); });
    // Leading silence counts: the sweep starts at 0 s.
    double coveredUntil = 0.0;
    for (int i : timed) {
        if (SpeechTurns::above(speech.start(i), coveredUntil))
            m_gaps.append({coveredUntil, speech.start(i), i});
        coveredUntil = std::max(coveredUntil, speech.end(i));
    }
    m_lastSpeechEnd = coveredUntil;
}

MetricOutcome SilenceMetrics::longestSilence() const
{
    if (!m_speech.anyTimedSpeech())
        return MetricOutcome::notApplicable(u"no timed speech turns"_s);
    if (m_gaps.isEmpty()) {
        return MetricOutcome::of(0.0, {u"Someone speaks throughout, from 0 s to the last speech at %1."_s.arg(
                                          MetricText::seconds(m_lastSpeechEnd))});
    }
    const Gap longest = *std::max_element(m_gaps.begin(), m_gaps.end(),
                                          [](const Gap &a, const Gap &b) { return a.length() < b.length(); });
    return MetricOutcome::of(longest.length(),
                             {u"Longest silence: "_s % gapText(m_speech, longest.start, longest.end, longest.turnAfter)
                              % u", up to the last speech at "_s % MetricText::seconds(m_lastSpeechEnd) % u'.'},
                             {{longest.start, longest.length(), m_speech.transcriptTurn(longest.turnAfter)}});
}

MetricOutcome SilenceMetrics::deadAirCount() const
{
    if (!m_speech.anyTimedSpeech())
        return MetricOutcome::notApplicable(u"no timed speech turns"_s);
    MetricEvents events;
    QStringList details;
    for (const Gap &gap : m_gaps) {
        if (!SpeechTurns::atLeast(gap.length(), DeadAirGap))
            continue;
        events.append({gap.start, gap.length(), m_speech.transcriptTurn(gap.turnAfter)});
        if (details.size() < ListedGaps)
            details << u"Silence of "_s % gapText(m_speech, gap.start, gap.end, gap.turnAfter) % u'.';
    }
    QStringList explanation{QString::number(events.size()) % u" silence(s) of 3 s or more between 0 s and the last speech at "_s
                            % MetricText::seconds(m_lastSpeechEnd) % u'.'};
    explanation << details;
    if (events.size() > ListedGaps)
        explanation << u"… and %1 more."_s.arg(events.size() - ListedGaps);
    return MetricOutcome::of(double(events.size()), explanation, events);
}

MetricOutcome SilenceMetrics::infrastructureIssue() const
{
    if (!m_callDuration)
        return MetricOutcome::notApplicable(u"nothing is timed"_s);
    QList<double> agentStarts;
    bool anyTimedCaller = false;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (m_speech.isAgent(i) && m_speech.isTimed(i))
            agentStarts.append(m_speech.start(i));
        anyTimedCaller = anyTimedCaller || (m_speech.isCaller(i) && m_speech.isTimed(i));
    }
    if (!anyTimedCaller)
        return MetricOutcome::notApplicable(u"no timed caller turns"_s);
    std::sort(agentStarts.begin(), agentStarts.end());

    MetricEvents events;
    QStringList details;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (!m_speech.isCaller(i) || !m_speech.isTimed(i))
            continue;
        const double end = m_speech.end(i);
        const double deadline = end + UnansweredAfter;
        // The first agent start after the caller's end: an answer when it is within 10 s.
        const auto next = std::upper_bound(agentStarts.begin(), agentStarts.end(), end + SpeechTurns::Tolerance);
        const bool answered = next != agentStarts.end() && SpeechTurns::atMost(*next, deadline);
        if (answered || !SpeechTurns::above(*m_callDuration, deadline))
            continue;
        const double silentUntil = next != agentStarts.end() ? std::min(*next, *m_callDuration) : *m_callDuration;
        events.append({end, silentUntil - end, m_speech.transcriptTurn(i)});
        if (details.size() < ListedGaps) {
            details << u"The caller's %1 ends at %2 and the agent does not start speaking within 10 s, while the call "
                       "goes on to %3."_s
                           .arg(m_speech.describe(i), MetricText::seconds(end), MetricText::seconds(*m_callDuration));
        }
    }
    if (events.isEmpty())
        return MetricOutcome::of(false,
                                 {u"The agent starts speaking within 10 s of every timed caller turn (or the call ends)."_s});
    QStringList explanation = details;
    if (events.size() > ListedGaps)
        explanation << u"… and %1 more."_s.arg(events.size() - ListedGaps);
    return MetricOutcome::of(true, explanation, events);
}
