#pragma once

#include "transcriber.h"
#include "transcriptionsettings.h"

#include "calllog/turn.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// Turns an audio-only call's recording into its transcript. A stereo recording has one
// party per channel: each channel is transcribed on its own, which separates the speakers
// exactly, and the agent's channel is main_agent_channel_index when the request gave one,
// else the channel that speaks first when the agent speaks first (the per-agent "who
// speaks first" setting), else the other. A mono recording is transcribed whole; its
// pauses cut the words into segments, SpeakerClustering tells the two voices apart, and
// the first voice is the agent unless the caller speaks first. Blocking: decodes and
// transcribes on the calling (worker) thread.
class CallTranscription
{
    Q_DECLARE_TR_FUNCTIONS(CallTranscription)

public:
    struct Result
    {
        Turns turns;                        // in time order, each with its timed words
        std::optional<int> detectedChannel; // stereo without a requested channel: the agent's
        QString error;                      // set: nothing was transcribed

        bool failed() const { return !error.isEmpty(); }
    };

    static Result run(const QString &recordingPath, std::optional<int> requestedAgentChannel,
                      TranscriptionSettings::FirstSpeaker firstSpeaker, Transcriber &transcriber,
                      const Transcriber::Progress &progress);
};
