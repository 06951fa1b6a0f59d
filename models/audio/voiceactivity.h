#pragma once

#include "speechrun.h"

#include <QList>
#include <QString>

#include <vector>

// Energy voice-activity detection per channel, streaming: append() the decoded frames as
// they come, finish() for each channel's speech runs. Each 30 ms frame (10 ms hop) has
// its energy in dB; the channel's noise floor is the 10th percentile of those. A run
// starts where a frame rises onsetDb above the floor and lasts while frames stay
// offsetDb above it (hysteresis: a voice dipping between syllables is not cut); runs
// closer than minimumGapMs are joined, runs shorter than minimumRunMs dropped. On a
// recording with one party per channel, a frame loud on another channel and
// crosstalkDb quieter here is that party leaking over (crosstalk), not speech here.
// Memory: one float per channel per 10 ms (an hour of stereo: 2.9 MB).
class VoiceActivity
{
public:
    struct Settings
    {
        int frameMs = 30;
        int hopMs = 10;
        double floorPercentile = 0.10;
        double onsetDb = 12;
        double offsetDb = 6;
        // Below this a frame is silence whatever the floor (a digitally silent channel has
        // a floor of −120 dB, and its dither would otherwise be "speech").
        double minimumSpeechDb = -55;
        int minimumRunMs = 100;
        int minimumGapMs = 200;
        double crosstalkDb = 10;
    };

    VoiceActivity(int channels, int sampleRate);
    VoiceActivity(int channels, int sampleRate, const Settings &settings);

    // Interleaved frames in [-1, 1], after those appended before.
    void append(const float *interleaved, qint64 frames);
    // The speech runs of each channel, in time order.
    QList<SpeechRuns> finish() const;

    // Decodes `path` (AudioDecoder) and returns its channels' runs; blocking, for a worker
    // thread. On failure returns an empty list and sets `error`.
    static QList<SpeechRuns> ofFile(const QString &path, QString *error);
    static QList<SpeechRuns> ofFile(const QString &path, QString *error, const Settings &settings);

private:
    std::vector<double> frameLevels(int channel) const;   // dB per frame
    SpeechRuns runsOf(const std::vector<bool> &active) const;

    int m_channels;
    int m_sampleRate;
    Settings m_settings;
    int m_hopFrames;
    // Per channel: the sum of squares of each 10 ms hop; the partial hop being filled.
    std::vector<std::vector<float>> m_hopEnergy;
    std::vector<double> m_partialEnergy;
    int m_partialFrames = 0;
};
