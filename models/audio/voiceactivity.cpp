#include "voiceactivity.h"

#include "audiodecoder.h"

#include <algorithm>
#include <optional>
#include <cmath>

namespace {

// Silence is never exactly −∞ dB: the floor of a digitally silent channel.
constexpr double SilenceDb = -120;

double decibels(double meanSquare)
{
    return meanSquare > 0 ? std::max(SilenceDb, 10.0 * std::log10(meanSquare)) : SilenceDb;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return SilenceDb;
    const auto index = std::size_t(std::clamp(p, 0.0, 1.0) * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return values[index];
}

} // namespace

VoiceActivity::VoiceActivity(int channels, int sampleRate)
    : VoiceActivity(channels, sampleRate, Settings{})
{
}

VoiceActivity::VoiceActivity(int channels, int sampleRate, const Settings &settings)
    : m_channels(std::max(1, channels))
    , m_sampleRate(std::max(1, sampleRate))
    , m_settings(settings)
    , m_hopFrames(std::max(1, m_sampleRate * settings.hopMs / 1000))
    , m_hopEnergy(std::size_t(m_channels))
    , m_partialEnergy(std::size_t(m_channels), 0.0)
{
}

void VoiceActivity::append(const float *interleaved, qint64 frames)
{
    for (qint64 frame = 0; frame < frames; ++frame) {
        const float *sample = interleaved + frame * m_channels;
        for (int channel = 0; channel < m_channels; ++channel)
            m_partialEnergy[std::size_t(channel)] += double(sample[channel]) * double(sample[channel]);
        if (++m_partialFrames == m_hopFrames) {
            for (int channel = 0; channel < m_channels; ++channel) {
                m_hopEnergy[std::size_t(channel)].push_back(float(m_partialEnergy[std::size_t(channel)]));
                m_partialEnergy[std::size_t(channel)] = 0;
            }
            m_partialFrames = 0;
        }
    }
}

std::vector<double> VoiceActivity::frameLevels(int channel) const
{
    // A frame is frameMs / hopMs consecutive hops (30 / 10 = 3), centred on its hop.
    const std::vector<float> &hops = m_hopEnergy[std::size_t(channel)];
    const int hopsPerFrame = std::max(1, m_settings.frameMs / std::max(1, m_settings.hopMs));
    const int before = (hopsPerFrame - 1) / 2;
    std::vector<double> levels(hops.size());
    for (std::size_t hop = 0; hop < hops.size(); ++hop) {
        double energy = 0;
        int counted = 0;
        for (int offset = -before; offset < hopsPerFrame - before; ++offset) {
            const auto index = std::ptrdiff_t(hop) + offset;
            if (index >= 0 && index < std::ptrdiff_t(hops.size())) {
                energy += hops[std::size_t(index)];
                ++counted;
            }
        }
        levels[hop] = decibels(energy / (double(counted) * m_hopFrames));
    }
    return levels;
}

SpeechRuns VoiceActivity::runsOf(const std::vector<bool> &active) const
{
    const double hop = m_settings.hopMs / 1000.0;
    SpeechRuns runs;
    for (std::size_t i = 0; i < active.size();) {
        if (!active[i]) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < active.size() && active[end])
            ++end;
        runs.append({double(i) * hop, double(end) * hop});
        i = end;
    }
    // Joined across short gaps first (a stop consonant), then short runs dropped (a click).
    SpeechRuns joined;
    for (const SpeechRun &run : std::as_const(runs)) {
        if (!joined.isEmpty() && run.start - joined.last().end < m_settings.minimumGapMs / 1000.0)
            joined.last().end = run.end;
        else
            joined.append(run);
    }
    joined.removeIf([this](const SpeechRun &run) { return run.duration() < m_settings.minimumRunMs / 1000.0; });
    return joined;
}

QList<SpeechRuns> VoiceActivity::finish() const
{
    std::vector<std::vector<double>> levels;
    std::vector<double> onsets, offsets;
    for (int channel = 0; channel < m_channels; ++channel) {
        levels.push_back(frameLevels(channel));
        const double floor = percentile(levels.back(), m_settings.floorPercentile);
        onsets.push_back(std::max(floor + m_settings.onsetDb, m_settings.minimumSpeechDb));
        offsets.push_back(std::max(floor + m_settings.offsetDb, m_settings.minimumSpeechDb - (m_settings.onsetDb - m_settings.offsetDb)));
    }
    QList<SpeechRuns> result;
    for (int channel = 0; channel < m_channels; ++channel) {
        const std::vector<double> &level = levels[std::size_t(channel)];
        std::vector<bool> active(level.size(), false);
        bool speaking = false;
        for (std::size_t frame = 0; frame < level.size(); ++frame) {
            // The other party leaking over: loud there, much quieter here.
            bool crosstalk = false;
            for (int other = 0; other < m_channels && !crosstalk; ++other) {
                crosstalk = other != channel && levels[std::size_t(other)][frame] >= onsets[std::size_t(other)]
                            && levels[std::size_t(other)][frame] - level[frame] >= m_settings.crosstalkDb;
            }
            speaking = !crosstalk && level[frame] >= (speaking ? offsets[std::size_t(channel)] : onsets[std::size_t(channel)]);
            active[frame] = speaking;
        }
        result.append(runsOf(active));
    }
    return result;
}

QList<SpeechRuns> VoiceActivity::ofFile(const QString &path, QString *error)
{
    return ofFile(path, error, Settings{});
}

QList<SpeechRuns> VoiceActivity::ofFile(const QString &path, QString *error, const Settings &settings)
{
    std::optional<VoiceActivity> activity;
    AudioDecoder::Format format;
    const bool decoded = AudioDecoder::decode(
        path,
        [&](const float *interleaved, qint64 frames) {
            if (!activity)
                activity.emplace(format.channels, format.sampleRate, settings);
            activity->append(interleaved, frames);
            return true;
        },
        &format, error);
    if (!decoded)
        return {};
    return activity ? activity->finish() : QList<SpeechRuns>(qsizetype(std::max(0, format.channels)));
}
