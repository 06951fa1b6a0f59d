#include "audio/audiodecoder.h"
#include "redact/audioredactor.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

// AudioRedactor on real speech: espeak-ng reads out a card number, sox makes mono,
// stereo, FLAC and Ogg copies (ffmpeg an MP3 one), and the redacted files are decoded
// again with the project's AudioDecoder to check the span and everything around it.
class TestAudioRedactor : public QObject
{
    Q_OBJECT

private:
    struct Decoded
    {
        int rate = 0;
        std::vector<std::vector<float>> channels;

        qint64 frames() const { return channels.empty() ? 0 : qint64(channels.front().size()); }
        qint64 frameAt(double seconds) const { return qint64(std::llround(seconds * rate)); }
    };

    static Decoded decode(const QString &path)
    {
        Decoded decoded;
        AudioDecoder::Format format;
        QString error;
        const bool ok = AudioDecoder::decode(path, [&](const float *samples, qint64 frames) {
            decoded.rate = format.sampleRate;
            decoded.channels.resize(std::size_t(format.channels));
            for (qint64 frame = 0; frame < frames; ++frame) {
                for (int channel = 0; channel < format.channels; ++channel)
                    decoded.channels[std::size_t(channel)].push_back(samples[frame * format.channels + channel]);
            }
            return true;
        }, &format, &error);
        if (!ok)
            qWarning() << error;
        return decoded;
    }

    static double rms(const std::vector<float> &samples, qint64 from, qint64 to)
    {
        double sum = 0;
        for (qint64 i = from; i < to; ++i)
            sum += double(samples[std::size_t(i)]) * samples[std::size_t(i)];
        return std::sqrt(sum / double(to - from));
    }

    // A sine crosses zero twice per period.
    static double crossingsPerSecond(const std::vector<float> &samples, qint64 from, qint64 to, int rate)
    {
        int crossings = 0;
        for (qint64 i = from + 1; i < to; ++i) {
            if ((samples[std::size_t(i - 1)] < 0) != (samples[std::size_t(i)] < 0))
                ++crossings;
        }
        return crossings * double(rate) / double(to - from);
    }

    static bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            qWarning() << program << arguments << process.readAllStandardError();
            return false;
        }
        return true;
    }

    // A folder of its own holding only a copy of the prepared recording `name`, so the
    // test can see that nothing but the redacted file is left in it.
    QString freshCopy(const QString &name)
    {
        const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(++m_cases));
        QDir().mkpath(folder);
        const QString copy = QDir(folder).filePath(name);
        QFile::copy(QDir(m_dir.filePath(QStringLiteral("source"))).filePath(name), copy);
        return copy;
    }

    static QStringList folderEntries(const QString &path)
    {
        return QFileInfo(path).absoluteDir().entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

    // The span redacted in every case: the middle of the digits.
    static constexpr AudioSpan digits{1.6, 3.2, false};

    QTemporaryDir m_dir;
    int m_cases = 0;
    bool m_haveMp3 = false;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *tool : {"espeak-ng", "sox"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed.").arg(QString::fromLatin1(tool))));
        }
        const QDir source(m_dir.filePath(QStringLiteral("source")));
        QVERIFY(QDir().mkpath(source.path()));
        const QString spoken = source.filePath(QStringLiteral("spoken.wav"));
        QVERIFY(run(QStringLiteral("espeak-ng"), {QStringLiteral("-w"), spoken,
            QStringLiteral("my card number is four one one one one one one one one one one one one one one one")}));
        const QString mono = source.filePath(QStringLiteral("mono.wav"));
        QVERIFY(run(QStringLiteral("sox"), {spoken, QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-b"),
                                            QStringLiteral("16"), mono}));
        // The right channel differs from the left (quieter), so each channel is checked on its own.
        const QString quiet = source.filePath(QStringLiteral("quiet.wav"));
        QVERIFY(run(QStringLiteral("sox"), {mono, quiet, QStringLiteral("vol"), QStringLiteral("0.5")}));
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-M"), mono, quiet, source.filePath(QStringLiteral("stereo.wav"))}));
        QVERIFY(run(QStringLiteral("sox"), {mono, source.filePath(QStringLiteral("call.flac"))}));
        // Turned down, so its samples use the low 8 bits a 16-bit rewrite would lose.
        const QString deep = source.filePath(QStringLiteral("call24.flac"));
        QVERIFY(run(QStringLiteral("sox"), {mono, QStringLiteral("-b"), QStringLiteral("24"), deep, QStringLiteral("vol"),
                                            QStringLiteral("0.9")}));
        QVERIFY(run(QStringLiteral("sox"), {mono, source.filePath(QStringLiteral("call.ogg"))}));
        m_haveMp3 = !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty()
            && run(QStringLiteral("ffmpeg"), {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-i"), mono,
                                              source.filePath(QStringLiteral("call.mp3"))});
        QVERIFY(decode(mono).frames() > digits.end * 16000);
    }

    void coverage_data()
    {
        QTest::addColumn<AudioSpans>("spans");
        QTest::addColumn<double>("duration");
        QTest::addColumn<AudioSpans>("expected");

        QTest::newRow("padded by 80 ms") << AudioSpans{{1.0, 2.0, false}} << 10.0 << AudioSpans{{0.92, 2.08, false}};
        QTest::newRow("estimated padded by 250 ms") << AudioSpans{{1.0, 2.0, true}} << 10.0 << AudioSpans{{0.75, 2.25, true}};
        QTest::newRow("clamped to the file") << AudioSpans{{0.02, 9.99, false}} << 10.0 << AudioSpans{{0.0, 10.0, false}};
        QTest::newRow("no end clamp when the length is unknown") << AudioSpans{{9.0, 9.99, false}} << -1.0
                                                                 << AudioSpans{{8.92, 10.07, false}};
        // 1.0 + 0.08 to 1.35 - 0.08: 0.11 s apart, joined; 2.0 is 0.57 s from the next, kept apart.
        QTest::newRow("close spans merged, sorted")
            << AudioSpans{{2.5, 3.0, false}, {1.35, 1.5, false}, {0.5, 1.0, false}} << 10.0
            << AudioSpans{{0.42, 1.58, false}, {2.42, 3.08, false}};
        QTest::newRow("merged estimated when a part is") << AudioSpans{{1.0, 2.0, false}, {2.3, 2.5, true}} << 10.0
                                                         << AudioSpans{{0.92, 2.75, true}};
        QTest::newRow("beyond the end dropped") << AudioSpans{{11.0, 12.0, false}} << 10.0 << AudioSpans{};
        QTest::newRow("reversed dropped") << AudioSpans{{2.0, 1.0, false}} << 10.0 << AudioSpans{};
    }

    void coverage()
    {
        QFETCH(AudioSpans, spans);
        QFETCH(double, duration);
        QFETCH(AudioSpans, expected);
        const AudioSpans covered = AudioRedactor().coverage(spans, duration);
        QCOMPARE(covered.size(), expected.size());
        for (qsizetype i = 0; i < covered.size(); ++i) {
            QVERIFY2(std::abs(covered[i].start - expected[i].start) < 1e-9, qPrintable(QString::number(covered[i].start)));
            QVERIFY2(std::abs(covered[i].end - expected[i].end) < 1e-9, qPrintable(QString::number(covered[i].end)));
            QCOMPARE(covered[i].estimated, expected[i].estimated);
        }
    }

    void silencesTheSpanOnEveryChannel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mono WAV") << QStringLiteral("mono.wav");
        QTest::newRow("stereo WAV") << QStringLiteral("stereo.wav");
        QTest::newRow("FLAC stays FLAC") << QStringLiteral("call.flac");
        QTest::newRow("24-bit FLAC stays 24-bit") << QStringLiteral("call24.flac");
    }

    // The padded span is digital silence, its fades only ever quieter, and every sample
    // beyond them is the original's, exactly; the file is replaced under its own name.
    void silencesTheSpanOnEveryChannel()
    {
        QFETCH(QString, name);
        const QString path = freshCopy(name);
        const Decoded before = decode(path);
        const AudioRedactor redactor;
        const AudioRedactor::Result result = redactor.redact(path, {digits});
        QCOMPARE(result.error, QString());
        QCOMPARE(result.path, path);
        QCOMPARE(folderEntries(path), QStringList{name});

        const Decoded after = decode(path);
        QCOMPARE(after.rate, before.rate);
        QCOMPARE(after.channels.size(), before.channels.size());
        QCOMPARE(after.frames(), before.frames());
        const AudioRedactor::Settings &settings = redactor.settings();
        const qint64 spanBegin = after.frameAt(digits.start - settings.pad);
        const qint64 spanEnd = after.frameAt(digits.end + settings.pad);
        const qint64 fade = after.frameAt(settings.fade);
        for (std::size_t channel = 0; channel < after.channels.size(); ++channel) {
            const std::vector<float> &was = before.channels[channel];
            const std::vector<float> &is = after.channels[channel];
            QVERIFY2(rms(was, spanBegin, spanEnd) > 0.01, "the span held speech before");
            QCOMPARE(rms(is, spanBegin, spanEnd), 0.0);
            for (qint64 i = 0; i < after.frames(); ++i) {
                const std::size_t at = std::size_t(i);
                if (i < spanBegin - fade || i >= spanEnd + fade)
                    QCOMPARE(is[at], was[at]);
                else
                    QVERIFY(std::abs(is[at]) <= std::abs(was[at]));
            }
        }
    }

    // The bleep: a 1 kHz sine at -12 dBFS through the whole padded span on each channel.
    void tonesTheSpan()
    {
        const QString path = freshCopy(QStringLiteral("stereo.wav"));
        const Decoded before = decode(path);
        AudioRedactor::Settings settings;
        settings.fill = AudioRedactor::Fill::Tone;
        const AudioRedactor::Result result = AudioRedactor(settings).redact(path, {digits});
        QCOMPARE(result.error, QString());
        QCOMPARE(result.path, path);

        const Decoded after = decode(path);
        QCOMPARE(after.frames(), before.frames());
        const qint64 spanBegin = after.frameAt(digits.start - settings.pad);
        const qint64 spanEnd = after.frameAt(digits.end + settings.pad);
        const qint64 fade = after.frameAt(settings.fade);
        for (std::size_t channel = 0; channel < after.channels.size(); ++channel) {
            const std::vector<float> &is = after.channels[channel];
            const double level = rms(is, spanBegin, spanEnd);
            const double sineLevel = AudioRedactor::toneAmplitude / std::sqrt(2.0);
            QVERIFY2(std::abs(level - sineLevel) < 0.01 * sineLevel, qPrintable(QString::number(level)));
            const double crossings = crossingsPerSecond(is, spanBegin, spanEnd, after.rate);
            QVERIFY2(std::abs(crossings - 2 * AudioRedactor::toneFrequency) < 5, qPrintable(QString::number(crossings)));
            for (qint64 i = 0; i < spanBegin - fade; ++i)
                QCOMPARE(is[std::size_t(i)], before.channels[channel][std::size_t(i)]);
            for (qint64 i = spanEnd + fade; i < after.frames(); ++i)
                QCOMPARE(is[std::size_t(i)], before.channels[channel][std::size_t(i)]);
        }
    }

    void convertsOtherFormatsToWav_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("Ogg") << QStringLiteral("call.ogg");
        QTest::newRow("MP3") << QStringLiteral("call.mp3");
    }

    // libsndfile writes no Ogg or MP3 here, so the redacted call becomes call.wav and the
    // unredacted original is gone; outside the span only 16-bit rounding differs.
    void convertsOtherFormatsToWav()
    {
        QFETCH(QString, name);
        if (name.endsWith(QLatin1String(".mp3")) && !m_haveMp3)
            QSKIP("ffmpeg cannot make an MP3 here.");
        const QString path = freshCopy(name);
        const Decoded before = decode(path);
        const AudioRedactor redactor;
        const AudioRedactor::Result result = redactor.redact(path, {digits});
        QCOMPARE(result.error, QString());
        const QString expectedPath = QFileInfo(path).absoluteDir().filePath(QStringLiteral("call.wav"));
        QCOMPARE(result.path, expectedPath);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(folderEntries(path), QStringList{QStringLiteral("call.wav")});

        const Decoded after = decode(result.path);
        QCOMPARE(after.frames(), before.frames());
        const qint64 spanBegin = after.frameAt(digits.start - redactor.settings().pad);
        const qint64 spanEnd = after.frameAt(digits.end + redactor.settings().pad);
        const qint64 fade = after.frameAt(redactor.settings().fade);
        QCOMPARE(rms(after.channels[0], spanBegin, spanEnd), 0.0);
        for (qint64 i = 0; i < after.frames(); ++i) {
            if (i >= spanBegin - fade && i < spanEnd + fade)
                continue;
            const std::size_t at = std::size_t(i);
            QVERIFY2(std::abs(after.channels[0][at] - before.channels[0][at]) <= 1.0f / 32768, qPrintable(QString::number(i)));
        }
    }

    // Converting must not overwrite an unrelated file that already has the new name.
    void keepsAnotherFileOfTheNewName()
    {
        const QString path = freshCopy(QStringLiteral("call.ogg"));
        const QString other = QFileInfo(path).absoluteDir().filePath(QStringLiteral("call.wav"));
        QVERIFY(QFile::copy(QDir(m_dir.filePath(QStringLiteral("source"))).filePath(QStringLiteral("mono.wav")), other));
        const QByteArray otherBytes = [&] { QFile file(other); file.open(QIODevice::ReadOnly); return file.readAll(); }();
        const AudioRedactor::Result result = AudioRedactor().redact(path, {digits});
        QCOMPARE(result.error, QString());
        QCOMPARE(QFileInfo(result.path).fileName(), QStringLiteral("call.redacted.wav"));
        QFile file(other);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), otherBytes);
        QVERIFY(!QFile::exists(path));
    }

    void leavesTheFileAloneWithoutSpans()
    {
        const QString path = freshCopy(QStringLiteral("call.ogg"));
        const QDateTime modified = QFileInfo(path).lastModified();
        const AudioRedactor::Result result = AudioRedactor().redact(path, {});
        QCOMPARE(result.error, QString());
        QCOMPARE(result.path, path);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QCOMPARE(folderEntries(path), QStringList{QStringLiteral("call.ogg")});
    }

    // A file that does not decode keeps its content, and nothing is left beside it.
    void reportsAnUnreadableFile()
    {
        const QString folder = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath(QStringLiteral("call.wav"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a recording at all");
        }
        const AudioRedactor::Result result = AudioRedactor().redact(path, {digits});
        QVERIFY(result.path.isEmpty());
        QVERIFY2(result.error.contains(QStringLiteral("call.wav")), qPrintable(result.error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a recording at all"));
        QCOMPARE(folderEntries(path), QStringList{QStringLiteral("call.wav")});
    }

    void reportsAMissingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing.wav"));
        const AudioRedactor::Result result = AudioRedactor().redact(path, {digits});
        QVERIFY(result.path.isEmpty());
        QVERIFY2(result.error.contains(QStringLiteral("missing.wav")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestAudioRedactor)
#include "tst_audioredactor.moc"
