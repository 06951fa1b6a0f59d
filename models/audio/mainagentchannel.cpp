#include "mainagentchannel.h"

#include <algorithm>

namespace {

double overlap(const SpeechRuns &runs, double start, double end)
{
    double total = 0;
    for (const SpeechRun &run : runs)
        total += std::max(0.0, std::min(run.end, end) - std::max(run.start, start));
    return total;
}

} // namespace

namespace MainAgentChannel {

std::optional<int> fromTranscript(const QList<SpeechRuns> &channels, const QList<Turn> &turns)
{
    // Per channel: seconds of its speech inside agent turns minus inside caller turns, so a
    // channel that carries both parties (a mono mix copied to both) scores no higher.
    QList<double> scores(channels.size(), 0.0);
    bool timed = false;
    for (const Turn &turn : turns) {
        const bool agent = turn.role == Turn::Role::MainAgent;
        if ((!agent && turn.role != Turn::Role::TestingAgent) || turn.endTime <= turn.startTime
            || turn.content.trimmed().isEmpty())
            continue;
        timed = true;
        for (qsizetype channel = 0; channel < channels.size(); ++channel) {
            const double seconds = overlap(channels[channel], turn.startTime, turn.endTime);
            scores[channel] += agent ? seconds : -seconds;
        }
    }
    if (!timed || channels.isEmpty())
        return std::nullopt;
    const auto best = std::max_element(scores.cbegin(), scores.cend());
    if (*best <= 0 || std::count(scores.cbegin(), scores.cend(), *best) > 1)
        return std::nullopt;
    return int(best - scores.cbegin());
}

} // namespace MainAgentChannel
