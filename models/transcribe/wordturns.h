#pragma once

#include "calllog/turn.h"

// Turns from a transcriber's timed words: a party's words run into one turn until a pause
// of `pauseSeconds` or more, each turn keeping its words with their times. Stereo: one
// party per channel, then merged in time order; mono: the pauses cut segments, which the
// speaker clustering labels before same-speaker neighbours are joined.
namespace WordTurns {

constexpr double DefaultPause = 0.8;   // seconds: longer than a breath within a sentence

// `words` in time order, all of `role`.
Turns group(const TimedWords &words, Turn::Role role, double pauseSeconds = DefaultPause);
// Both parties' turns in time order (stable: the agent first when two start together).
Turns merge(const Turns &agent, const Turns &caller);
// Adjacent turns of the same role joined into one (after the clustering labelled them).
Turns joinSameRole(const Turns &turns);

} // namespace WordTurns
