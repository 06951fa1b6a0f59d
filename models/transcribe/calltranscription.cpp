#include "calltranscription.h"

#include "wordturns.h"

#include "audio/audiodecoder.h"
#include "audio/speakerclustering.h"

#include <QDir>

#include <limits>
#include <vector>

namespace {

using FirstSpeaker = TranscriptionSettings::FirstSpeaker;

// A mono call's words are cut into segments for the clustering at shorter pauses than
// turns: parties taking turns quickly leave less than a turn's pause between them, and
// segments of one voice are joined again afterwards.
constexpr double MonoSegmentPause = 0.4;   // seconds
constexpr double MonoShortSegment = 1.0;   // seconds

// The recording's first two channels (or its only one), each whole: a transcriber takes
// one channel at a time.
std::vector<MonoAudio> decodeChannels(const QString &path, QString *error)
{
    std::vector<MonoAudio> channels;
    AudioDecoder::Format format;
    int kept = 0;
    const bool decoded = AudioDecoder::decode(
        path,
        [&](const float *interleaved, qint64 frames) {
            if (channels.empty()) {
                kept = std::min(format.channels, 2);
                channels.resize(std::size_t(kept));
                for (MonoAudio &channel : channels) {
                    channel.sampleRate = format.sampleRate;
                    if (format.durationMs > 0)
                        channel.samples.reserve(std::size_t(format.durationMs * format.sampleRate / 1000 + format.sampleRate));
                }
            }
            for (qint64 frame = 0; frame < frames; ++frame) {
                for (int channel = 0; channel < kept; ++channel)
                    channels[std::size_t(channel)].samples.push_back(interleaved[frame * format.channels + channel]);
            }
            return true;
        },
        &format, error);
    if (!decoded)
        return {};
    return channels;
}

// Progress of one part of the work (a channel) as a share of the whole.
Transcriber::Progress partOf(const Transcriber::Progress &whole, double from, double share)
{
    return [=](double done) { return !whole || whole(from + done * share); };
}

CallTranscription::Result transcribeStereo(const std::vector<MonoAudio> &channels, std::optional<int> requestedAgentChannel,
                                           FirstSpeaker firstSpeaker, Transcriber &transcriber,
                                           const Transcriber::Progress &progress)
{
    CallTranscription::Result result;
    TimedWords words[2];
    for (int channel = 0; channel < 2; ++channel) {
        TranscriptionResult heard = transcriber.transcribe(channels[std::size_t(channel)], partOf(progress, channel * 0.5, 0.5));
        if (heard.failed()) {
            result.error = heard.error;
            return result;
        }
        words[channel] = heard.words;
    }
    if (words[0].isEmpty() && words[1].isEmpty()) {
        result.error = CallTranscription::tr("No speech was recognised in the recording.");
        return result;
    }
    int agent = 0;
    if (requestedAgentChannel) {
        agent = *requestedAgentChannel;
    } else {
        // Who speaks first: the channel whose first word comes first (a silent channel never does).
        const auto firstWord = [&words](int channel) {
            return words[channel].isEmpty() ? std::numeric_limits<double>::infinity() : words[channel].first().startTime;
        };
        const int first = firstWord(1) < firstWord(0) ? 1 : 0;
        agent = firstSpeaker == FirstSpeaker::MainAgent ? first : 1 - first;
        result.detectedChannel = agent;
    }
    result.turns = WordTurns::merge(WordTurns::group(words[agent], Turn::Role::MainAgent),
                                    WordTurns::group(words[1 - agent], Turn::Role::TestingAgent));
    return result;
}

CallTranscription::Result transcribeMono(const MonoAudio &audio, FirstSpeaker firstSpeaker, Transcriber &transcriber,
                                         const Transcriber::Progress &progress)
{
    CallTranscription::Result result;
    const TranscriptionResult heard = transcriber.transcribe(audio, progress);
    if (heard.failed()) {
        result.error = heard.error;
        return result;
    }
    if (heard.words.isEmpty()) {
        result.error = CallTranscription::tr("No speech was recognised in the recording.");
        return result;
    }
    // The pauses cut segments; each takes the role of its voice.
    Turns segments = WordTurns::group(heard.words, Turn::Role::MainAgent, MonoSegmentPause);
    SpeechRuns spans;
    for (const Turn &segment : segments)
        spans.append({segment.startTime, segment.endTime});
    // A segment under a second ("Of course.") tells little of its voice: it takes the
    // speaker of the nearest longer one, which is usually the rest of the same turn.
    SpeakerClustering::Settings clustering;
    clustering.shortSegmentSeconds = MonoShortSegment;
    const QList<int> speakers = SpeakerClustering(clustering).speakers(audio, spans);
    const Turn::Role firstRole = firstSpeaker == FirstSpeaker::MainAgent ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
    const Turn::Role otherRole = firstRole == Turn::Role::MainAgent ? Turn::Role::TestingAgent : Turn::Role::MainAgent;
    for (qsizetype i = 0; i < segments.size(); ++i)
        segments[i].role = speakers.value(i) == 0 ? firstRole : otherRole;
    result.turns = WordTurns::joinSameRole(segments);
    return result;
}

} // namespace

CallTranscription::Result CallTranscription::run(const QString &recordingPath, std::optional<int> requestedAgentChannel,
                                                 FirstSpeaker firstSpeaker, Transcriber &transcriber,
                                                 const Transcriber::Progress &progress)
{
    Result result;
    const std::vector<MonoAudio> channels = decodeChannels(recordingPath, &result.error);
    if (!result.error.isEmpty())
        return result;
    if (channels.empty() || channels.front().samples.empty()) {
        result.error = tr("The recording %1 holds no audio.").arg(QDir::toNativeSeparators(recordingPath));
        return result;
    }
    if (channels.size() >= 2)
        return transcribeStereo(channels, requestedAgentChannel, firstSpeaker, transcriber, progress);
    return transcribeMono(channels.front(), firstSpeaker, transcriber, progress);
}
