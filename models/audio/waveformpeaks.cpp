#include "waveformpeaks.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace {

constexpr quint32 kMagic = 0x43535046;     // "CSPF"
constexpr quint16 kVersion = 2;

} // namespace

WaveformPeaks::WaveformPeaks(int channels, int sampleRate)
    : m_channels(channels),
      m_sampleRate(sampleRate),
      m_framesPerBucket(std::max(1, sampleRate / BucketsPerSecond)),
      m_openMin(channels, 0.0f),
      m_openMax(channels, 0.0f)
{
}

void WaveformPeaks::append(const float *interleaved, qint64 frames)
{
    for (qint64 frame = 0; frame < frames; ++frame) {
        const float *sample = interleaved + frame * m_channels;
        if (m_openFrames == 0) {
            std::copy(sample, sample + m_channels, m_openMin.begin());
            std::copy(sample, sample + m_channels, m_openMax.begin());
        } else {
            for (int channel = 0; channel < m_channels; ++channel) {
                m_openMin[channel] = std::min(m_openMin[channel], sample[channel]);
                m_openMax[channel] = std::max(m_openMax[channel], sample[channel]);
            }
        }
        if (++m_openFrames == m_framesPerBucket)
            closeBucket();
    }
    m_frames += frames;
}

void WaveformPeaks::finish()
{
    if (m_openFrames > 0)
        closeBucket();
}

void WaveformPeaks::closeBucket()
{
    m_minima.append(m_openMin);
    m_maxima.append(m_openMax);
    m_openFrames = 0;
}

QByteArray WaveformPeaks::toBytes() const
{
    // A fixed header, then both arrays as raw floats: a second open is a read and two copies.
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << kMagic << kVersion << qint32(m_channels) << qint32(m_sampleRate) << qint32(m_framesPerBucket)
        << qint64(m_frames) << qint64(m_minima.size());
    const auto arrayBytes = qsizetype(m_minima.size() * sizeof(float));
    bytes.append(reinterpret_cast<const char *>(m_minima.constData()), arrayBytes);
    bytes.append(reinterpret_cast<const char *>(m_maxima.constData()), arrayBytes);
    return bytes;
}

std::optional<WaveformPeaks> WaveformPeaks::fromBytes(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint32 magic = 0;
    quint16 version = 0;
    qint32 channels = 0, rate = 0, perBucket = 0;
    qint64 frames = 0, values = 0;
    in >> magic >> version >> channels >> rate >> perBucket >> frames >> values;
    constexpr qsizetype headerBytes = 4 + 2 + 3 * 4 + 2 * 8;
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kVersion || channels <= 0 || rate <= 0
        || perBucket <= 0 || frames < 0 || values < 0 || values % channels != 0
        || bytes.size() != headerBytes + 2 * values * qint64(sizeof(float)))
        return std::nullopt;
    WaveformPeaks peaks(channels, rate);
    peaks.m_framesPerBucket = perBucket;
    peaks.m_frames = frames;
    peaks.m_minima.resize(values);
    peaks.m_maxima.resize(values);
    const char *arrays = bytes.constData() + headerBytes;
    std::memcpy(peaks.m_minima.data(), arrays, size_t(values) * sizeof(float));
    std::memcpy(peaks.m_maxima.data(), arrays + values * qint64(sizeof(float)), size_t(values) * sizeof(float));
    return peaks;
}
