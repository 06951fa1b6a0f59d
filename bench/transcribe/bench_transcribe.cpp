// Local transcription (issue 12): the real-time factor (processing seconds / audio seconds)
// of each back-end on pocketsphinx-testdata's LibriVox clips at 16 kHz and on an 8 kHz
// telephone-band copy of them (sox), medians of --runs runs, against pocketsphinx_continuous
// with its defaults on the same files, and the word error rate of each:
//   cold   a transcriber made for each clip, its model loaded each time, as each
//          pocketsphinx_continuous run loads it; the ratio to the baseline is of these;
//   warm   one transcriber for all the clips, as a transcription queue keeps one.
// --openai-url measures an OpenAI-compatible server too (a local whisper.cpp server, say).
// Audio is decoded before the clock starts. Run: build/bench/transcribe/bench_transcribe

#include "librivoxclips.h"
#include "worderrorrate.h"

#include "transcribe/openaitranscriber.h"
#include "transcribe/pocketsphinxtranscriber.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using LibriVoxClips::Clip;

namespace {

// A back-end to measure.
struct Backend
{
    QString label;
    std::function<std::unique_ptr<Transcriber>()> make;
};

// PocketSphinx, and an OpenAI-compatible server (a local whisper.cpp, say) when --openai-url names one.
QList<Backend> backends(const OpenAiTranscriber::Options &server)
{
    QList<Backend> all{{QStringLiteral("PocketSphinxTranscriber"), [] { return std::make_unique<PocketSphinxTranscriber>(); }}};
    if (!server.baseUrl.isEmpty())
        all.append({QStringLiteral("OpenAiTranscriber"), [server] { return std::make_unique<OpenAiTranscriber>(server); }});
    return all;
}

struct Corpus
{
    QString label;
    int sampleRate = 0;
    QList<Clip> clips;
    QList<MonoAudio> audio;
    double seconds = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

QString textOf(const TimedWords &words)
{
    QStringList texts;
    for (const TimedWord &word : words)
        texts.append(word.text);
    return texts.join(QLatin1Char(' '));
}

bool load(Corpus &corpus)
{
    for (const Clip &clip : std::as_const(corpus.clips)) {
        QString error;
        corpus.audio.append(LibriVoxClips::readMono(clip.path, &error));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        corpus.seconds += corpus.audio.last().durationSeconds();
    }
    return true;
}

double runBaseline(const Corpus &corpus, int runs, const QString &scratch)
{
    std::vector<double> factors;
    WordErrors errors;
    for (int run = 0; run < runs; ++run) {
        double seconds = 0;
        errors = {};
        for (const Clip &clip : corpus.clips) {
            const LibriVoxClips::BaselineRun result =
                LibriVoxClips::runPocketsphinxContinuous(clip.path, corpus.sampleRate, scratch);
            if (!result.ran)
                std::fprintf(stderr, "pocketsphinx_continuous failed on %s\n", qPrintable(clip.path));
            seconds += result.seconds;
            errors += wordErrors(clip.reference, result.text);
        }
        factors.push_back(seconds / corpus.seconds);
    }
    std::printf("  %-26s RTF %.3f %35s WER %.3f\n", "pocketsphinx_continuous", median(factors), "", errors.rate());
    return median(factors);
}

// Seconds to transcribe the corpus, with a transcriber per clip (`cold`) or one for all.
double timeBackend(const Backend &backend, const Corpus &corpus, bool cold, WordErrors *errors)
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Transcriber> shared = cold ? nullptr : backend.make();
    *errors = {};
    for (qsizetype i = 0; i < corpus.clips.size(); ++i) {
        const std::unique_ptr<Transcriber> own = cold ? backend.make() : nullptr;
        Transcriber &transcriber = cold ? *own : *shared;
        const TranscriptionResult result = transcriber.transcribe(corpus.audio[i], {});
        if (result.failed())
            std::fprintf(stderr, "%s: %s\n", qPrintable(backend.label), qPrintable(result.error));
        *errors += wordErrors(corpus.clips[i].reference, textOf(result.words));
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

void runBackend(const Backend &backend, const Corpus &corpus, int runs, double baselineFactor)
{
    std::vector<double> cold, warm;
    WordErrors errors;
    for (int run = 0; run < runs; ++run) {
        cold.push_back(timeBackend(backend, corpus, true, &errors) / corpus.seconds);
        warm.push_back(timeBackend(backend, corpus, false, &errors) / corpus.seconds);
    }
    std::printf("  %-26s RTF %.3f cold (%.2fx baseline), %.3f warm   WER %.3f\n", qPrintable(backend.label), median(cold),
                median(cold) / baselineFactor, median(warm), errors.rate());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each."), QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("openai-url"), QStringLiteral("Also measure this OpenAI-compatible server."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("openai-model"), QStringLiteral("Its model."), QStringLiteral("name"),
                      QStringLiteral("whisper-1")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    OpenAiTranscriber::Options server;
    server.baseUrl = QUrl(parser.value(QStringLiteral("openai-url")));
    server.model = parser.value(QStringLiteral("openai-model"));

    QString whyNot;
    const QList<Clip> wideband = LibriVoxClips::wideband(&whyNot);
    if (wideband.isEmpty() || LibriVoxClips::baselineProgram().isEmpty()) {
        std::printf("skipped: %s\n", whyNot.isEmpty() ? "pocketsphinx_continuous is not installed" : qPrintable(whyNot));
        return 0;
    }
    QTemporaryDir scratch;
    const QList<Clip> telephone = LibriVoxClips::telephoneBand(wideband, scratch.path());
    if (telephone.isEmpty()) {
        std::printf("skipped: sox could not make the 8 kHz copies\n");
        return 0;
    }
    QList<Corpus> corpora = {{QStringLiteral("16 kHz"), 16000, wideband, {}, 0},
                             {QStringLiteral("8 kHz telephone band"), 8000, telephone, {}, 0}};
    for (Corpus &corpus : corpora) {
        if (!load(corpus))
            return 1;
        std::printf("%s, %lld clips, %.1f s of audio, median of %d runs:\n", qPrintable(corpus.label),
                    static_cast<long long>(corpus.clips.size()), corpus.seconds, runs);
        const double baseline = runBaseline(corpus, runs, scratch.path());
        for (const Backend &backend : backends(server))
            runBackend(backend, corpus, runs, baseline);
    }
    return 0;
}
