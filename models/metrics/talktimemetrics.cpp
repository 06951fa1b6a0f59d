#include "talktimemetrics.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QStringBuilder>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Interval
{
    double start;
    double end;
};

} // namespace

TalkTimeMetrics::TalkTimeMetrics(const SpeechTurns &speech, std::optional<double> recordingSeconds)
    : m_speech(speech)
{
    if (recordingSeconds && std::isfinite(*recordingSeconds) && *recordingSeconds > 0) {
        m_callDuration = recordingSeconds;
        m_fromRecording = true;
        return;
    }
    for (int i = 0; i < speech.size(); ++i) {
        if (speech.isTimed(i) && (!m_callDuration || speech.end(i) > *m_callDuration)) {
            m_callDuration = speech.end(i);
            m_lastEndingTurn = i;
        }
    }
}

MetricOutcome TalkTimeMetrics::callDuration() const
{
    if (!m_callDuration)
        return MetricOutcome::notApplicable(u"nothing is timed"_s);
    if (m_fromRecording)
        return MetricOutcome::of(*m_callDuration,
                                 {u"The recording is "_s % MetricText::seconds(*m_callDuration) % u" long."_s});
    return MetricOutcome::of(*m_callDuration, {u"No recording length is known; the last timed turn ("_s
                                               % m_speech.describe(m_lastEndingTurn) % u") ends at "_s
                                               % MetricText::seconds(*m_callDuration) % u'.'});
}

MetricOutcome TalkTimeMetrics::talkRatio() const
{
    if (!m_callDuration)
        return MetricOutcome::notApplicable(u"nothing is timed"_s);
    if (!m_speech.anyTimedSpeech())
        return MetricOutcome::notApplicable(u"no timed speech turns"_s);
    // Clipped to the call, so that turns running past a shorter recording keep the ratio within 0-1.
    QList<Interval> agent;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (!m_speech.isAgent(i) || !m_speech.isTimed(i))
            continue;
        const double start = std::max(0.0, m_speech.start(i));
        const double end = std::min(*m_callDuration, m_speech.end(i));
        if (end > start)
            agent.append({start, end});
    }
    std::sort(agent.begin(), agent.end(), [](const Interval &a, const Interval &b) { return a.start < b.start; });
    double talking = 0.0;
    double coveredUntil = 0.0;
    for (const Interval &interval : agent) {
        const double from = std::max(interval.start, coveredUntil);
        if (interval.end > from)
            talking += interval.end - from;
        coveredUntil = std::max(coveredUntil, interval.end);
    }
    return MetricOutcome::of(talking / *m_callDuration,
                             {u"The agent speaks for "_s % MetricText::seconds(talking) % u" of the call's "_s
                              % MetricText::seconds(*m_callDuration) % u" (overlapping agent turns counted once)."_s});
}

MetricOutcome TalkTimeMetrics::longestAgentMonologue() const
{
    // Starts of the caller turns that break a monologue: timed, not a backchannel, >= 0.5 s.
    QList<double> breakingCallerStarts;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (m_speech.isCaller(i) && m_speech.isTimed(i) && !m_speech.isBackchannel(i)
            && SpeechTurns::atLeast(m_speech.duration(i), MonologueBreakingCallerTurn))
            breakingCallerStarts.append(m_speech.start(i));
    }
    std::sort(breakingCallerStarts.begin(), breakingCallerStarts.end());
    const auto callerStartsIn = [&breakingCallerStarts](double after, double upTo) {
        const auto first = std::upper_bound(breakingCallerStarts.begin(), breakingCallerStarts.end(),
                                            after + SpeechTurns::Tolerance);
        return first != breakingCallerStarts.end() && SpeechTurns::atMost(*first, upTo);
    };

    struct Span
    {
        double start = 0.0;
        double end = 0.0;
        int firstTurn = -1;
        int lastTurn = -1;
        int turns = 0;
    };
    Span longest;
    Span current;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (!m_speech.isAgent(i) || !m_speech.isTimed(i))
            continue;
        const double start = m_speech.start(i);
        const double end = m_speech.end(i);
        const bool merges = current.turns > 0 && SpeechTurns::atMost(start - current.end, MonologueMaxPause)
                            && !callerStartsIn(current.end, start);
        if (merges) {
            current.start = std::min(current.start, start);
            current.end = std::max(current.end, end);
            current.lastTurn = i;
            ++current.turns;
        } else {
            current = {start, end, i, i, 1};
        }
        if (longest.turns == 0 || current.end - current.start > longest.end - longest.start)
            longest = current;
    }
    if (longest.turns == 0)
        return MetricOutcome::notApplicable(u"no timed agent turns"_s);

    const double length = longest.end - longest.start;
    const QString turns = longest.turns == 1
        ? QString(m_speech.describe(longest.firstTurn) % u" alone"_s)
        : QString::number(longest.turns) % u" agent turns from "_s % m_speech.describe(longest.firstTurn) % u" to "_s
              % m_speech.describe(longest.lastTurn)
              % u", with pauses of 2 s or less and no caller turn of 0.5 s or more in between"_s;
    return MetricOutcome::of(length,
                             {u"Longest agent monologue: "_s % MetricText::seconds(length) % u", from "_s
                              % MetricText::seconds(longest.start) % u" to "_s % MetricText::seconds(longest.end) % u": "_s
                              % turns % u'.'},
                             {{longest.start, length, m_speech.transcriptTurn(longest.firstTurn)}});
}

MetricOutcome TalkTimeMetrics::wordsPerMinute(Turn::Role role) const
{
    const QString party = role == Turn::Role::MainAgent ? u"agent"_s : u"caller"_s;
    qsizetype words = 0;
    double seconds = 0.0;
    int turns = 0;
    for (int i = 0; i < m_speech.size(); ++i) {
        if (!m_speech.isSpeech(i) || m_speech.turn(i).role != role || !m_speech.isTimed(i)
            || !SpeechTurns::atLeast(m_speech.duration(i), WpmMinimumTurn))
            continue;
        words += qsizetype(m_speech.words(i).size());
        seconds += m_speech.duration(i);
        ++turns;
    }
    if (turns == 0)
        return MetricOutcome::notApplicable(u"no timed %1 turns of 1 s or more"_s.arg(party));
    return MetricOutcome::of(double(words) / (seconds / 60.0),
                             {QString::number(words) % u" words in "_s % MetricText::seconds(seconds)
                              % u" of speech over "_s % QString::number(turns) % u" timed "_s % party
                              % u" turn(s) of 1 s or more."_s});
}
