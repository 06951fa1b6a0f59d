#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QtEndian>

#include <cmath>

namespace TestRecordings {

// A 16-bit PCM WAV at `rate`: left (channel 0) a 440 Hz sine at half scale; right silent
// but for a constant quarter-scale stretch from 1.0 s to 1.5 s.
inline QByteArray stereoWav(double seconds, int rate = 8000)
{
    const qint64 frames = qint64(seconds * rate);
    QByteArray samples;
    samples.reserve(frames * 4);
    for (qint64 frame = 0; frame < frames; ++frame) {
        const double t = double(frame) / rate;
        const auto left = qint16(std::lround(0.5 * 32767 * std::sin(2 * M_PI * 440 * t)));
        const qint16 right = (t >= 1.0 && t < 1.5) ? qint16(8192) : qint16(0);
        char bytes[4];
        qToLittleEndian(left, bytes);
        qToLittleEndian(right, bytes + 2);
        samples.append(bytes, 4);
    }
    QByteArray wav("RIFF");
    auto append32 = [&wav](quint32 value) { char b[4]; qToLittleEndian(value, b); wav.append(b, 4); };
    auto append16 = [&wav](quint16 value) { char b[2]; qToLittleEndian(value, b); wav.append(b, 2); };
    append32(quint32(36 + samples.size()));
    wav.append("WAVEfmt ");
    append32(16);
    append16(1);                // PCM
    append16(2);                // channels
    append32(quint32(rate));
    append32(quint32(rate * 4));   // bytes per second
    append16(4);                // bytes per frame
    append16(16);               // bits per sample
    wav.append("data");
    append32(quint32(samples.size()));
    return wav + samples;
}

// A 440 Hz tone on `channel` over [start, end] seconds of tonesWav().
struct Tone
{
    int channel;
    double start;
    double end;
};

// A 16-bit PCM stereo WAV of `seconds` at `rate`: silence but for `tones` (amplitude 9000).
inline QByteArray tonesWav(double seconds, const QList<Tone> &tones, int rate = 16000)
{
    const qint64 frames = qint64(seconds * rate);
    QByteArray samples(frames * 4, '\0');
    for (const Tone &tone : tones) {
        for (qint64 i = qint64(tone.start * rate); i < qint64(tone.end * rate) && i < frames; ++i)
            qToLittleEndian(qint16(9000 * std::sin(2 * M_PI * 440 * double(i) / rate)), samples.data() + i * 4 + tone.channel * 2);
    }
    QByteArray wav("RIFF");
    auto append32 = [&wav](quint32 value) { char b[4]; qToLittleEndian(value, b); wav.append(b, 4); };
    auto append16 = [&wav](quint16 value) { char b[2]; qToLittleEndian(value, b); wav.append(b, 2); };
    append32(quint32(36 + samples.size()));
    wav.append("WAVEfmt ");
    append32(16);
    append16(1);
    append16(2);
    append32(quint32(rate));
    append32(quint32(rate * 4));
    append16(4);
    append16(16);
    wav.append("data");
    append32(quint32(samples.size()));
    return wav + samples;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The 16-bit samples of a PCM WAV's data chunk, interleaved; empty when it cannot be read.
inline QList<qint16> wavSamples(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    qsizetype at = 12;
    while (at + 8 <= bytes.size()) {
        const quint32 size = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        if (bytes.mid(at, 4) == "data") {
            QList<qint16> samples;
            for (qsizetype i = at + 8; i + 1 < at + 8 + qsizetype(size) && i + 1 < bytes.size(); i += 2)
                samples.append(qFromLittleEndian<qint16>(bytes.constData() + i));
            return samples;
        }
        at += 8 + size + (size % 2);
    }
    return {};
}

} // namespace TestRecordings
