#pragma once

#include "partyspeech.h"

#include <QString>

#include <optional>

struct CallLog;

// A call's PartySpeech, from its stereo recording stored or named by a local path: the
// recording's voice activity (VoiceActivityCache), the agent's channel as the request named
// it (main_agent_channel_index), else as found before (the call's detected channel), else
// detected from the transcript now (MainAgentChannel). Blocking: decodes the recording the
// first time; call it off the GUI thread.
class PartySpeechReader
{
public:
    // `cacheDir`: where the voice activity is cached (empty: not cached).
    PartySpeechReader(QString recordingsDir, QString cacheDir);

    // nullopt, with `why` said, when the call has no local recording, the recording is not
    // two channels, it cannot be decoded, or no channel can be told to be the agent's.
    std::optional<PartySpeech> read(const CallLog &call, QString *why) const;

private:
    QString m_recordingsDir;
    QString m_cacheDir;
};
