#include "turnnormalizer.h"

#include <algorithm>

void TurnNormalizer::add(const Turn &turn, bool hasStart, bool hasEnd)
{
    m_pending.append({turn, hasStart, hasEnd});
}

Turns TurnNormalizer::finish()
{
    double previousEnd = 0.0;
    for (Pending &entry : m_pending) {
        if (!entry.hasStart) {
            entry.turn.startTime = previousEnd;
            // A turn that knows only its end cannot start after it.
            if (entry.hasEnd && entry.turn.endTime < entry.turn.startTime)
                entry.turn.startTime = entry.turn.endTime;
            if (entry.turn.isTool() && !entry.hasEnd) {
                entry.turn.endTime = entry.turn.startTime;
                entry.hasEnd = true;
            }
        }
        previousEnd = entry.hasEnd ? entry.turn.endTime : entry.turn.startTime;
    }
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        Pending &entry = m_pending[i];
        if (entry.hasEnd)
            continue;
        entry.turn.endTime = entry.turn.startTime;
        for (qsizetype j = i + 1; j < m_pending.size(); ++j) {
            if (m_pending[j].turn.startTime > entry.turn.startTime) {
                entry.turn.endTime = m_pending[j].turn.startTime;
                break;
            }
        }
    }

    const auto byStart = [](const TimedWord &a, const TimedWord &b) { return a.startTime < b.startTime; };
    Turns turns;
    turns.reserve(m_pending.size());
    for (Pending &entry : m_pending) {
        TimedWords &words = entry.turn.words;
        if (!std::is_sorted(words.cbegin(), words.cend(), byStart))
            std::stable_sort(words.begin(), words.end(), byStart);
        turns.append(std::move(entry.turn));
    }
    std::stable_sort(turns.begin(), turns.end(),
                     [](const Turn &a, const Turn &b) { return a.startTime < b.startTime; });
    m_pending.clear();
    return turns;
}
