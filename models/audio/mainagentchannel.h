#pragma once

#include "speechrun.h"

#include "calllog/turn.h"

#include <QList>

#include <optional>

// Which channel of a stereo recording is the Main Agent's, when the request did not say
// (main_agent_channel_index): the channel whose speech overlaps the timed Main Agent
// turns most, counted against its overlap with the caller's turns. nullopt when the
// transcript has no timed speech turns, or no channel's speech meets them, or two
// channels tie.
namespace MainAgentChannel {

std::optional<int> fromTranscript(const QList<SpeechRuns> &channels, const QList<Turn> &turns);

} // namespace MainAgentChannel
