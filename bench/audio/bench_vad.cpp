// Voice activity (issue 12) per hour of stereo audio, medians of --runs runs:
//   memory   an hour of 16 kHz and of 8 kHz stereo speech-like audio streamed through
//            VoiceActivity in 100 ms chunks, against the same samples only summed (the
//            pass any analysis pays), ms per hour and the ratio;
//   file     a 10-minute stereo WAV (sox) decoded by AudioDecoder alone, and decoded with
//            VoiceActivity::ofFile: what VAD adds to reading a recording.

#include "audio/audiodecoder.h"
#include "audio/voiceactivity.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// Ten seconds of two parties taking turns over a noise floor, repeated for the hour.
std::vector<float> tenSeconds(int rate)
{
    std::vector<float> samples(std::size_t(rate) * 10 * 2);
    QRandomGenerator noise(3);
    for (std::size_t frame = 0; frame < samples.size() / 2; ++frame) {
        const double t = double(frame) / rate;
        const int speaker = int(t / 2.5) % 2;
        const bool speaking = std::fmod(t, 2.5) < 2.0;
        for (int channel = 0; channel < 2; ++channel) {
            double sample = (noise.generateDouble() * 2 - 1) * 0.001;
            if (speaking && channel == speaker)
                sample += 0.3 * (0.6 + 0.4 * std::sin(2 * M_PI * 4 * t)) * std::sin(2 * M_PI * 180 * t);
            samples[frame * 2 + std::size_t(channel)] = float(sample);
        }
    }
    return samples;
}

void runMemory(int rate, int runs)
{
    const std::vector<float> chunk = tenSeconds(rate);
    const qint64 chunkFrames = qint64(chunk.size() / 2);
    const qint64 step = rate / 10;   // 100 ms, as the decoder hands frames over
    std::vector<double> sums, vads;
    volatile double sink = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        double total = 0;
        for (int repeat = 0; repeat < 360; ++repeat) {
            for (const float sample : chunk)
                total += double(sample) * sample;
        }
        sink = sink + total;
        sums.push_back(timer.nsecsElapsed() / 1e6);

        timer.restart();
        VoiceActivity activity(2, rate);
        for (int repeat = 0; repeat < 360; ++repeat) {
            for (qint64 first = 0; first < chunkFrames; first += step)
                activity.append(chunk.data() + first * 2, std::min(step, chunkFrames - first));
        }
        const QList<SpeechRuns> speech = activity.finish();
        vads.push_back(timer.nsecsElapsed() / 1e6);
        if (speech.size() != 2 || speech[0].size() < 700)
            std::fprintf(stderr, "unexpected runs: %lld\n", speech.isEmpty() ? 0LL : static_cast<long long>(speech[0].size()));
    }
    std::printf("memory, %d Hz stereo, one hour: sum of squares %.0f ms, VAD %.0f ms (%.2fx; %.0fx real time)\n", rate,
                median(sums), median(vads), median(vads) / median(sums), 3600e3 / median(vads));
}

void runFile(int runs)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ten-minutes.wav"));
    // Two voices of noise shaped like speech would need a script; a 180 Hz tone on the left
    // and pink noise on the right, 10 minutes at 16 kHz, are enough to time decoding.
    QProcess sox;
    sox.start(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-c"),
                                      QStringLiteral("2"), path, QStringLiteral("synth"), QStringLiteral("600"),
                                      QStringLiteral("sine"), QStringLiteral("180"), QStringLiteral("pinknoise"),
                                      QStringLiteral("tremolo"), QStringLiteral("0.4"), QStringLiteral("90")});
    if (!sox.waitForFinished(60000) || sox.exitCode() != 0) {
        std::printf("file: skipped (sox failed)\n");
        return;
    }
    std::vector<double> decodes, vads;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        qint64 frames = 0;
        if (!AudioDecoder::decode(path, [&frames](const float *, qint64 chunk) { frames += chunk; return true; }, nullptr, &error))
            std::fprintf(stderr, "decoding failed: %s\n", qPrintable(error));
        decodes.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const QList<SpeechRuns> speech = VoiceActivity::ofFile(path, &error);
        vads.push_back(timer.nsecsElapsed() / 1e6);
        if (speech.size() != 2 || frames != 600LL * 16000)
            std::fprintf(stderr, "unexpected: %lld frames, %lld channels (%s)\n", static_cast<long long>(frames),
                         static_cast<long long>(speech.size()), qPrintable(error));
    }
    std::printf("file, 10 min 16 kHz stereo WAV: decoding %.0f ms, decoding + VAD %.0f ms (%.2fx); per hour %.0f ms\n",
                median(decodes), median(vads), median(vads) / median(decodes), median(vads) * 6);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each."), QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    runMemory(16000, runs);
    runMemory(8000, runs);
    runFile(runs);
    return 0;
}
