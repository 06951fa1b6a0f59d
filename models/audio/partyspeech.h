#pragma once

#include "speechrun.h"

// A two-party call's speech as its stereo recording has it, one party per channel: the
// Main Agent's and the caller's speech runs, and which channel is the agent's.
struct PartySpeech
{
    enum class ChannelSource {
        Request,    // main_agent_channel_index said it
        Detected,   // MainAgentChannel found it
    };

    SpeechRuns agent;
    SpeechRuns caller;
    int agentChannel = 0;
    ChannelSource channelSource = ChannelSource::Request;
};
