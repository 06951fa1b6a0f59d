#include "partyspeechreader.h"

#include "mainagentchannel.h"
#include "recordinglocator.h"
#include "voiceactivitycache.h"

#include "calllog/calllog.h"

PartySpeechReader::PartySpeechReader(QString recordingsDir, QString cacheDir)
    : m_recordingsDir(std::move(recordingsDir))
    , m_cacheDir(std::move(cacheDir))
{
}

std::optional<PartySpeech> PartySpeechReader::read(const CallLog &call, QString *why) const
{
    const RecordingLocator::Location location = RecordingLocator::locate(call, m_recordingsDir);
    if (location.kind != RecordingLocator::Kind::LocalFile) {
        *why = location.kind == RecordingLocator::Kind::None ? location.reason
                                                             : QStringLiteral("The recording has not been downloaded.");
        return std::nullopt;
    }
    const VoiceActivityCache::Result activity = VoiceActivityCache::load(location.localPath, m_cacheDir);
    if (!activity.error.isEmpty()) {
        *why = activity.error;
        return std::nullopt;
    }
    if (activity.channels.size() != 2) {
        *why = QStringLiteral("The recording has %1 channel(s), not one per party.").arg(activity.channels.size());
        return std::nullopt;
    }

    PartySpeech speech;
    if (call.mainAgentChannelIndex) {
        speech.agentChannel = *call.mainAgentChannelIndex;
        speech.channelSource = PartySpeech::ChannelSource::Request;
    } else if (const std::optional<int> found = call.detectedAgentChannel ? call.detectedAgentChannel
                                                 : MainAgentChannel::fromTranscript(activity.channels, call.turns)) {
        speech.agentChannel = *found;
        speech.channelSource = PartySpeech::ChannelSource::Detected;
    } else {
        *why = QStringLiteral("Neither the request nor the transcript tells which channel is the agent's.");
        return std::nullopt;
    }
    if (speech.agentChannel < 0 || speech.agentChannel > 1) {
        *why = QStringLiteral("The agent's channel %1 is not one of the recording's two.").arg(speech.agentChannel);
        return std::nullopt;
    }
    speech.agent = activity.channels.at(speech.agentChannel);
    speech.caller = activity.channels.at(1 - speech.agentChannel);
    return speech;
}
