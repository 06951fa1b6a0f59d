#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// The waveform of a recording at a fixed time resolution: for each channel and each
// bucket of framesPerBucket frames, the smallest and largest sample. What the waveform
// lanes draw at any zoom (a wider view merges buckets), small enough to cache on disk:
// 10 ms buckets make 5.8 MB for an hour of stereo.
class WaveformPeaks
{
public:
    static constexpr int BucketsPerSecond = 100;

    WaveformPeaks() = default;
    WaveformPeaks(int channels, int sampleRate);

    int channels() const { return m_channels; }
    int sampleRate() const { return m_sampleRate; }
    int framesPerBucket() const { return m_framesPerBucket; }
    qint64 frames() const { return m_frames; }
    qint64 durationMs() const { return m_sampleRate > 0 ? m_frames * 1000 / m_sampleRate : 0; }
    int bucketCount() const { return m_channels > 0 ? int(m_minima.size() / m_channels) : 0; }
    bool isEmpty() const { return bucketCount() == 0; }

    float minimum(int channel, int bucket) const { return m_minima[bucket * m_channels + channel]; }
    float maximum(int channel, int bucket) const { return m_maxima[bucket * m_channels + channel]; }

    // Adds interleaved frames (in [-1, 1]) after those added before; finish() closes the
    // last, partial bucket once the recording has ended.
    void append(const float *interleaved, qint64 frames);
    void finish();

    // The cache file's bytes, and back; nullopt for bytes that are not a peaks file of
    // this version.
    QByteArray toBytes() const;
    static std::optional<WaveformPeaks> fromBytes(const QByteArray &bytes);

private:
    void closeBucket();

    int m_channels = 0;
    int m_sampleRate = 0;
    int m_framesPerBucket = 0;
    qint64 m_frames = 0;
    QList<float> m_minima;     // bucket-major: [bucket * channels + channel]
    QList<float> m_maxima;
    // The bucket being filled.
    QList<float> m_openMin;
    QList<float> m_openMax;
    int m_openFrames = 0;
};
