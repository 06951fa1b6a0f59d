#include "audio/voiceactivity.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

// Energy VAD on synthetic two-channel audio whose speech is known: voiced bursts (a
// 180 Hz tone with harmonics, amplitude-modulated like syllables) over a quiet noise
// floor. Runs start and end within a frame of the bursts, short dips are bridged, clicks
// dropped, and the other party's leakage onto a channel is not speech there.
class TstVoiceActivity : public QObject
{
    Q_OBJECT

private slots:
    void findsBurstsOnEachChannel();
    void bridgesShortGapsAndDropsClicks();
    void ignoresCrosstalk();
    void silentChannelHasNoSpeech();
    void streamingInAnyChunksGivesTheSameRuns();
    void realSpeechOnAStereoFile();
};

namespace {

constexpr int Rate = 16000;
constexpr double Tolerance = 0.035;   // a frame and a half

struct Burst
{
    int channel;
    double start;
    double end;
    double amplitude = 0.3;
};

// `seconds` of interleaved stereo: noise at −66 dBFS on both channels, plus the bursts.
std::vector<float> synthesize(double seconds, const QList<Burst> &bursts)
{
    const auto frames = qint64(seconds * Rate);
    std::vector<float> samples(std::size_t(frames * 2));
    QRandomGenerator noise(7);
    for (float &sample : samples)
        sample = float((noise.generateDouble() * 2 - 1) * 0.0009);
    for (const Burst &burst : bursts) {
        for (auto frame = qint64(burst.start * Rate); frame < qint64(burst.end * Rate) && frame < frames; ++frame) {
            const double t = double(frame) / Rate;
            const double syllables = 0.6 + 0.4 * std::sin(2 * M_PI * 4 * t);
            const double voice = std::sin(2 * M_PI * 180 * t) + 0.5 * std::sin(2 * M_PI * 360 * t)
                                 + 0.25 * std::sin(2 * M_PI * 540 * t);
            samples[std::size_t(frame * 2 + burst.channel)] += float(burst.amplitude * syllables * voice / 1.75);
        }
    }
    return samples;
}

QList<SpeechRuns> runsOf(const std::vector<float> &samples)
{
    VoiceActivity activity(2, Rate);
    activity.append(samples.data(), qint64(samples.size() / 2));
    return activity.finish();
}

void compareRuns(const SpeechRuns &actual, const SpeechRuns &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QVERIFY2(std::abs(actual[i].start - expected[i].start) <= Tolerance,
                 qPrintable(QStringLiteral("run %1 starts at %2, not %3").arg(i).arg(actual[i].start).arg(expected[i].start)));
        QVERIFY2(std::abs(actual[i].end - expected[i].end) <= Tolerance,
                 qPrintable(QStringLiteral("run %1 ends at %2, not %3").arg(i).arg(actual[i].end).arg(expected[i].end)));
    }
}

} // namespace

void TstVoiceActivity::findsBurstsOnEachChannel()
{
    const QList<SpeechRuns> runs = runsOf(synthesize(6.0, {{0, 0.5, 1.5}, {1, 1.9, 3.1, 0.1}, {0, 3.6, 5.2}}));
    QCOMPARE(runs.size(), 2);
    compareRuns(runs[0], {{0.5, 1.5}, {3.6, 5.2}});
    compareRuns(runs[1], {{1.9, 3.1}});   // ten dB quieter, still found
}

void TstVoiceActivity::bridgesShortGapsAndDropsClicks()
{
    // A 120 ms pause inside a sentence is bridged, a 400 ms one is not; a 50 ms click is
    // not speech.
    const QList<SpeechRuns> runs =
        runsOf(synthesize(5.0, {{0, 0.5, 1.2}, {0, 1.32, 2.0}, {0, 2.4, 3.0}, {0, 4.0, 4.05, 0.5}}));
    compareRuns(runs[0], {{0.5, 2.0}, {2.4, 3.0}});
    QVERIFY(runs[1].isEmpty());
}

void TstVoiceActivity::ignoresCrosstalk()
{
    // The caller on channel 1 leaks onto channel 0 at −26 dB; the agent on channel 0
    // answers later.
    const QList<SpeechRuns> runs =
        runsOf(synthesize(5.0, {{1, 0.5, 2.0}, {0, 0.5, 2.0, 0.015}, {0, 2.6, 4.0}}));
    compareRuns(runs[0], {{2.6, 4.0}});
    compareRuns(runs[1], {{0.5, 2.0}});
}

void TstVoiceActivity::silentChannelHasNoSpeech()
{
    std::vector<float> samples(std::size_t(Rate * 3 * 2), 0.0f);
    const QList<SpeechRuns> runs = runsOf(samples);
    QCOMPARE(runs.size(), 2);
    QVERIFY(runs[0].isEmpty() && runs[1].isEmpty());
    // Noise alone, however loud its floor, has no rise above it.
    QVERIFY(runsOf(synthesize(3.0, {}))[0].isEmpty());
}

void TstVoiceActivity::streamingInAnyChunksGivesTheSameRuns()
{
    const std::vector<float> samples = synthesize(4.0, {{0, 0.3, 1.1}, {1, 1.5, 2.5}});
    const QList<SpeechRuns> whole = runsOf(samples);
    VoiceActivity chunked(2, Rate);
    const qint64 frames = qint64(samples.size() / 2);
    for (qint64 first = 0; first < frames; first += 1237)
        chunked.append(samples.data() + first * 2, std::min<qint64>(1237, frames - first));
    QCOMPARE(chunked.finish(), whole);
}

void TstVoiceActivity::realSpeechOnAStereoFile()
{
    // espeak-ng's voices, one per channel as a phone platform records them: the agent
    // from 0.5 s, the caller answering on the other channel from 4.5 s.
    QTemporaryDir dir;
    const QString agent = dir.filePath(QStringLiteral("agent.wav"));
    const QString caller = dir.filePath(QStringLiteral("caller.wav"));
    const QString call = dir.filePath(QStringLiteral("call.wav"));
    const auto run = [](const QString &program, const QStringList &arguments) {
        QProcess process;
        process.start(program, arguments);
        return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    };
    QVERIFY(run(QStringLiteral("espeak-ng"), {QStringLiteral("-w"), agent, QStringLiteral("Thank you for calling, how can I help you today?")}));
    QVERIFY(run(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), QStringLiteral("en-us"), QStringLiteral("-w"), caller,
                                              QStringLiteral("I would like to move my appointment.")}));
    // Each voice padded to its place, then the two merged as left and right.
    QVERIFY(run(QStringLiteral("sox"), {agent, dir.filePath(QStringLiteral("left.wav")), QStringLiteral("pad"), QStringLiteral("0.5"),
                                        QStringLiteral("4")}));
    QVERIFY(run(QStringLiteral("sox"), {caller, dir.filePath(QStringLiteral("right.wav")), QStringLiteral("pad"), QStringLiteral("4.5"),
                                        QStringLiteral("0.5")}));
    QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-M"), dir.filePath(QStringLiteral("left.wav")),
                                        dir.filePath(QStringLiteral("right.wav")), call}));

    QString error;
    const QList<SpeechRuns> runs = VoiceActivity::ofFile(call, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(runs.size(), 2);
    QVERIFY(!runs[0].isEmpty() && !runs[1].isEmpty());
    // The agent's speech lies in [0.5, 3.5] (2.9 s of it), the caller's in [4.5, 6.6].
    QVERIFY2(std::abs(runs[0].first().start - 0.5) < 0.1, qPrintable(QString::number(runs[0].first().start)));
    QVERIFY(runs[0].last().end < 3.6 && runs[0].last().end > 3.0);
    QVERIFY2(std::abs(runs[1].first().start - 4.5) < 0.1, qPrintable(QString::number(runs[1].first().start)));
    QVERIFY(runs[1].last().end < 6.7 && runs[1].last().end > 6.2);
    double agentSpeech = 0;
    for (const SpeechRun &speech : runs[0])
        agentSpeech += speech.duration();
    QVERIFY2(agentSpeech > 2.0, qPrintable(QString::number(agentSpeech)));   // pauses between phrases are not speech

    QVERIFY(VoiceActivity::ofFile(dir.filePath(QStringLiteral("missing.wav")), &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("missing.wav")));
}

QTEST_GUILESS_MAIN(TstVoiceActivity)
#include "tst_voiceactivity.moc"
