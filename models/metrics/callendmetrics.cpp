#include "callendmetrics.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QStringBuilder>

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <span>

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView voicemailWords[] = {"voicemail"_L1, "machine"_L1};
constexpr QLatin1StringView callerWords[] = {"customer"_L1, "user"_L1, "caller"_L1, "testing"_L1};
constexpr QLatin1StringView agentWords[] = {"assistant"_L1, "agent"_L1};
constexpr QLatin1StringView systemWords[] = {"silence"_L1,  "timeout"_L1,      "timed-out"_L1, "error"_L1,
                                             "failed"_L1,   "max-duration"_L1, "exceeded"_L1};

struct EndRule
{
    QStringView value;
    std::span<const QLatin1StringView> words;
};

// In METRICS.md's order: the first rule with a word in the reason wins.
constexpr EndRule endRules[] = {
    {u"voicemail", voicemailWords},
    {u"caller", callerWords},
    {u"main_agent", agentWords},
    {u"system", systemWords},
};

const QRegularExpression &voicemailGreeting()
{
    static const QRegularExpression expression(
        uR"(leave (a|your) message|after the (tone|beep)|at the tone|not available|can'?t take your call|)"
        uR"(voice ?mail|mailbox|record your message)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return expression;
}

} // namespace

CallEndMetrics::CallEndMetrics(const SpeechTurns &speech, const QString &callEndedReason)
    : m_speech(speech)
    , m_reason(callEndedReason)
    , m_endedBy(u"unknown"_s)
{
    // Lower-cased once: a case-sensitive search is much faster than a case-insensitive one.
    const QString reason = callEndedReason.toLower();
    for (const EndRule &rule : endRules) {
        for (QLatin1StringView word : rule.words) {
            if (reason.contains(word)) {
                m_endedBy = QString::fromRawData(rule.value.data(), rule.value.size());   // static text: no copy
                m_matchedWord = word;
                return;
            }
        }
    }
}

MetricOutcome CallEndMetrics::endedBy() const
{
    if (m_reason.trimmed().isEmpty())
        return MetricOutcome::of(m_endedBy, {u"The call has no call_ended_reason."_s});
    if (m_matchedWord.isEmpty())
        return MetricOutcome::of(m_endedBy, {u"call_ended_reason %1 matches no rule."_s.arg(MetricText::quote(m_reason))});
    return MetricOutcome::of(m_endedBy, {u"call_ended_reason "_s % MetricText::quote(m_reason) % u" contains \""_s
                                         % m_matchedWord % u"\"."_s});
}

MetricOutcome CallEndMetrics::voicemailDetected() const
{
    if (m_endedBy == u"voicemail"_s)
        return MetricOutcome::of(true, {u"The call ended on voicemail: call_ended_reason %1 contains \"%2\"."_s.arg(
                                           MetricText::quote(m_reason), m_matchedWord)});
    // The caller's early turns are searched as one text, one line each: a match costs about
    // as much as the search itself, and no alternative of the expression spans a line.
    QString early;
    QList<std::pair<qsizetype, int>> lineStarts;   // (offset in `early`, turn)
    for (int i = 0; i < m_speech.size(); ++i) {
        if (!m_speech.isCaller(i))
            continue;
        if (m_speech.isTimed(i) ? m_speech.start(i) < VoicemailGreetingWithin : i < VoicemailUntimedTurns) {
            lineStarts.append({early.size(), i});
            early += m_speech.turn(i).content;
            early += u'\n';
        }
    }
    const QRegularExpressionMatch match = voicemailGreeting().match(early);
    if (match.hasMatch()) {
        const auto line = std::upper_bound(lineStarts.begin(), lineStarts.end(), match.capturedStart(),
                                           [](qsizetype offset, const std::pair<qsizetype, int> &start) {
                                               return offset < start.first;
                                           });
        const int i = std::prev(line)->second;
        const QString when = m_speech.isTimed(i) ? u"at %1"_s.arg(MetricText::seconds(m_speech.start(i))) : u"untimed"_s;
        return MetricOutcome::of(true,
                                 {u"The caller's %1 (%2) sounds like a voicemail greeting: it says \"%3\"."_s.arg(
                                     MetricText::turn(i), when, match.captured(0))},
                                 {{m_speech.start(i), std::max(0.0, m_speech.duration(i)), i}});
    }
    return MetricOutcome::of(false, {u"The call did not end on voicemail, and no caller turn in the first 30 s sounds like a "
                                      "voicemail greeting."_s});
}
