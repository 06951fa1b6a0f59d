#include "wordturns.h"

#include <algorithm>

namespace {

Turn turnOf(const TimedWords &words, Turn::Role role)
{
    Turn turn;
    turn.role = role;
    turn.startTime = words.first().startTime;
    turn.endTime = words.last().endTime;
    QStringList texts;
    texts.reserve(words.size());
    for (const TimedWord &word : words)
        texts.append(word.text);
    turn.content = texts.join(QLatin1Char(' '));
    turn.words = words;
    return turn;
}

} // namespace

namespace WordTurns {

Turns group(const TimedWords &words, Turn::Role role, double pauseSeconds)
{
    Turns turns;
    TimedWords current;
    for (const TimedWord &word : words) {
        if (!current.isEmpty() && word.startTime - current.last().endTime >= pauseSeconds) {
            turns.append(turnOf(current, role));
            current.clear();
        }
        current.append(word);
    }
    if (!current.isEmpty())
        turns.append(turnOf(current, role));
    return turns;
}

Turns merge(const Turns &agent, const Turns &caller)
{
    Turns all = agent + caller;
    std::stable_sort(all.begin(), all.end(), [](const Turn &a, const Turn &b) { return a.startTime < b.startTime; });
    return all;
}

Turns joinSameRole(const Turns &turns)
{
    Turns joined;
    for (const Turn &turn : turns) {
        if (joined.isEmpty() || joined.last().role != turn.role) {
            joined.append(turn);
            continue;
        }
        joined.last() = turnOf(joined.last().words + turn.words, turn.role);
    }
    return joined;
}

} // namespace WordTurns
