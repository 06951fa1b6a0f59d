#include "interruptionmetrics.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int ListedInterruptions = 5;

} // namespace

InterruptionMetrics::InterruptionMetrics(const SpeechTurns &speech)
    : m_speech(speech)
{
    for (int x = 0; x < speech.size(); ++x) {
        if (!speech.isTimedSpeech(x) || speech.isBackchannel(x))
            continue;
        for (int y = 0; y < speech.size(); ++y) {
            if (!speech.isTimedSpeech(y) || speech.turn(y).role == speech.turn(x).role)
                continue;
            const bool startsInside = speech.start(y) < speech.start(x) && speech.start(x) < speech.end(y);
            const double overlap = std::min(speech.end(x), speech.end(y)) - speech.start(x);
            if (startsInside && SpeechTurns::atLeast(overlap, MinimumOverlap)) {
                m_found.append({x, y, overlap});
                break;   // each interrupting turn counts once
            }
        }
    }
}

MetricOutcome InterruptionMetrics::byAgent() const
{
    return by(Turn::Role::MainAgent);
}

MetricOutcome InterruptionMetrics::byCaller() const
{
    return by(Turn::Role::TestingAgent);
}

MetricOutcome InterruptionMetrics::by(Turn::Role role) const
{
    if (!m_speech.anyTimedSpeech())
        return MetricOutcome::notApplicable(u"no timed speech turns"_s);
    const bool agent = role == Turn::Role::MainAgent;
    const QString interrupter = agent ? u"agent"_s : u"caller"_s;
    const QString other = agent ? u"caller"_s : u"agent"_s;

    MetricEvents events;
    QStringList details;
    for (const Interruption &found : m_found) {
        if (m_speech.turn(found.turn).role != role)
            continue;
        events.append({m_speech.start(found.turn), found.overlap, m_speech.transcriptTurn(found.turn)});
        if (details.size() < ListedInterruptions) {
            details << u"The "_s % interrupter % u"'s "_s % m_speech.describe(found.turn) % u" cut into the "_s % other
                           % u"'s "_s % m_speech.describe(found.interrupted) % u", talking over it for "_s
                           % MetricText::seconds(found.overlap) % u'.';
        }
    }
    QStringList explanation;
    if (events.isEmpty()) {
        explanation << u"No "_s % interrupter % u" turn started while the "_s % other
                           % u" was speaking and talked over them for 0.3 s or more (backchannels do not count)."_s;
    } else {
        explanation << QString::number(events.size()) % u' ' % interrupter % u" turn(s) started while the "_s % other
                           % u" was speaking and talked over them for 0.3 s or more."_s;
        explanation << details;
        if (events.size() > ListedInterruptions)
            explanation << u"… and %1 more."_s.arg(events.size() - ListedInterruptions);
    }
    return MetricOutcome::of(double(events.size()), explanation, events);
}
