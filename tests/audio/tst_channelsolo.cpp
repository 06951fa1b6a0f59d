#include "audio/audiodecoder.h"
#include "audio/channelsolo.h"
#include "testrecordings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

// ChannelSolo's renditions: a tempo changes the length but keeps the pitch, and a channel
// selection still picks the right channel.
class TestChannelSolo : public QObject
{
    Q_OBJECT

private:
    struct Decoded
    {
        AudioDecoder::Format format;
        std::vector<float> channel0;
    };

    static Decoded decode(const QString &path)
    {
        Decoded decoded;
        QString error;
        const bool ok = AudioDecoder::decode(path, [&](const float *samples, qint64 frames) {
            for (qint64 frame = 0; frame < frames; ++frame)
                decoded.channel0.push_back(samples[frame * decoded.format.channels]);
            return true;
        }, &decoded.format, &error);
        if (!ok)
            qWarning() << error;
        return decoded;
    }

    // A sine crosses zero twice per period, so crossings per second are twice its pitch.
    // Counted over the middle of the 440 Hz stretch (the first 0.5 s, before the right
    // channel's pulse, is not needed: channel 0 is the sine throughout).
    static double crossingsPerSecond(const Decoded &decoded)
    {
        const std::size_t begin = decoded.channel0.size() / 4;
        const std::size_t end = decoded.channel0.size() * 3 / 4;
        int crossings = 0;
        for (std::size_t i = begin + 1; i < end; ++i) {
            if ((decoded.channel0[i - 1] < 0) != (decoded.channel0[i] < 0))
                ++crossings;
        }
        return crossings * double(decoded.format.sampleRate) / double(end - begin);
    }

    QString recording()
    {
        const QString path = m_dir.filePath(QStringLiteral("call.wav"));
        if (!QFile::exists(path))
            TestRecordings::writeFile(path, TestRecordings::stereoWav(12, 16000));
        return path;
    }

    QString render(int channel, double tempo)
    {
        const ChannelSolo::Result result = ChannelSolo::render(recording(), channel, m_dir.filePath(QStringLiteral("cache")), tempo).result();
        if (!result.error.isEmpty())
            qWarning() << result.error;
        return result.path;
    }

private slots:
    void fasterKeepsPitch()
    {
        const QString path = render(-1, 1.5);
        QVERIFY(!path.isEmpty());
        const Decoded decoded = decode(path);
        QCOMPARE(decoded.format.channels, 2);
        const double seconds = double(decoded.channel0.size()) / decoded.format.sampleRate;
        QVERIFY2(qAbs(seconds - 8.0) <= 0.08, qPrintable(QString::number(seconds)));
        // A plain resample to 1.5× would give 1320 crossings a second.
        const double crossings = crossingsPerSecond(decoded);
        QVERIFY2(qAbs(crossings - 880) <= 880 * 0.03, qPrintable(QString::number(crossings)));
    }

    void slowerKeepsPitch()
    {
        const QString path = render(-1, 0.5);
        QVERIFY(!path.isEmpty());
        const Decoded decoded = decode(path);
        const double seconds = double(decoded.channel0.size()) / decoded.format.sampleRate;
        QVERIFY2(qAbs(seconds - 24.0) <= 0.24, qPrintable(QString::number(seconds)));
        const double crossings = crossingsPerSecond(decoded);
        QVERIFY2(qAbs(crossings - 880) <= 880 * 0.03, qPrintable(QString::number(crossings)));
    }

    void soloAndTempoTogether()
    {
        const QString sine = render(0, 1.5);
        const QString pulse = render(1, 1.5);
        QVERIFY(!sine.isEmpty() && !pulse.isEmpty());
        QVERIFY(sine != pulse);
        const Decoded sineDecoded = decode(sine);
        QCOMPARE(sineDecoded.format.channels, 1);
        const double crossings = crossingsPerSecond(sineDecoded);
        QVERIFY2(qAbs(crossings - 880) <= 880 * 0.03, qPrintable(QString::number(crossings)));
        // The right channel is silent but for its pulse: no sine in it.
        QVERIFY(crossingsPerSecond(decode(pulse)) < 50);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestChannelSolo)
#include "tst_channelsolo.moc"
