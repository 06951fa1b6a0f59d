#pragma once

// The LibriVox clips that pocketsphinx-testdata installs, with their reference text, and
// the baseline a transcription back-end is measured against on them: pocketsphinx_continuous
// with its defaults on the same file and model. Shared by the transcription tests and
// bench_transcribe.

#include "audio/audiodecoder.h"
#include "transcribe/pocketsphinxtranscriber.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace LibriVoxClips {

struct Clip
{
    QString id;
    QString reference;   // without the <s> </s> marks
    QString path;        // a WAV file
};

inline QString directory()
{
    return QStringLiteral("/usr/share/pocketsphinx/test/data/librivox");
}

inline QString baselineProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("pocketsphinx_continuous"));
}

// The 16 kHz clips listed in the reference file ("<s> text </s> (fileid)" lines); empty,
// with `whyNot` said, when the test data is not installed.
inline QList<Clip> wideband(QString *whyNot)
{
    QFile transcription(QDir(directory()).filePath(QStringLiteral("transcription")));
    if (!transcription.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *whyNot = QStringLiteral("%1 cannot be read: install pocketsphinx-testdata.").arg(transcription.fileName());
        return {};
    }
    static const QRegularExpression line(QStringLiteral(R"(^(.*)\(([^()\s]+)\)\s*$)"));
    QList<Clip> clips;
    while (!transcription.atEnd()) {
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(transcription.readLine()));
        if (!match.hasMatch())
            continue;
        QString text = match.captured(1);
        text.remove(QStringLiteral("<s>")).remove(QStringLiteral("</s>"));
        const QString id = match.captured(2);
        clips.append({id, text.simplified(), QDir(directory()).filePath(id + QStringLiteral(".wav"))});
    }
    if (clips.isEmpty())
        *whyNot = QStringLiteral("%1 lists no clips.").arg(transcription.fileName());
    return clips;
}

inline bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    const bool ran = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput());
    return ran;
}

// Copies of `clips` as a phone line carries them: band-passed to 300–3400 Hz at 8 kHz (sox,
// its dither repeatable so every run measures the same samples), written to `scratch`.
// Empty when sox fails.
inline QList<Clip> telephoneBand(const QList<Clip> &clips, const QString &scratch)
{
    QList<Clip> copies;
    for (const Clip &clip : clips) {
        Clip copy = clip;
        copy.path = QDir(scratch).filePath(clip.id + QStringLiteral("-8k.wav"));
        const QStringList arguments = {QStringLiteral("-R"), clip.path, QStringLiteral("-r"), QStringLiteral("8000"),
                                       copy.path, QStringLiteral("sinc"), QStringLiteral("300-3400")};
        if (!run(QStringLiteral("sox"), arguments))
            return {};
        copies.append(copy);
    }
    return copies;
}

// The first channel of a file, decoded by the project's AudioDecoder.
inline MonoAudio readMono(const QString &path, QString *error)
{
    MonoAudio audio;
    AudioDecoder::Format format;
    AudioDecoder::decode(
        path,
        [&](const float *interleaved, qint64 frames) {
            for (qint64 frame = 0; frame < frames; ++frame)
                audio.samples.push_back(interleaved[frame * format.channels]);
            return true;
        },
        &format, error);
    audio.sampleRate = format.sampleRate;
    return audio;
}

struct BaselineRun
{
    QString text;
    double seconds = 0;
    bool ran = false;
};

// pocketsphinx_continuous with its defaults on the default model. An 8 kHz file also needs
// -samprate 8000 and -nfft 256 (a 25.6 ms window is 205 samples), and the model's feat.params
// with its filter bank's top, 6800 Hz, brought under the 4 kHz Nyquist frequency: the program
// refuses the file otherwise, and the file's -featparams overrides the command line's
// -upperf. 3500 Hz is where CMU's own 8 kHz models end theirs. That copy is made in `scratch`.
inline BaselineRun runPocketsphinxContinuous(const QString &path, int sampleRate, const QString &scratch)
{
    const QDir model(PocketSphinxTranscriber::defaultModelDirectory());
    QStringList arguments = {QStringLiteral("-infile"), path,
                             QStringLiteral("-hmm"), model.filePath(QStringLiteral("en-us")),
                             QStringLiteral("-lm"), model.filePath(QStringLiteral("en-us.lm.bin")),
                             QStringLiteral("-dict"), model.filePath(QStringLiteral("cmudict-en-us.dict")),
                             QStringLiteral("-logfn"), QStringLiteral("/dev/null")};
    if (sampleRate == 8000) {
        const QString narrowband = QDir(scratch).filePath(QStringLiteral("feat-8k.params"));
        if (!QFileInfo::exists(narrowband)) {
            QFile original(model.filePath(QStringLiteral("en-us/feat.params")));
            QFile copy(narrowband);
            if (!original.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly))
                return {};
            static const QRegularExpression upper(QStringLiteral(R"(^-upperf .*$)"), QRegularExpression::MultilineOption);
            copy.write(QString::fromUtf8(original.readAll()).replace(upper, QStringLiteral("-upperf 3500")).toUtf8());
        }
        arguments << QStringLiteral("-samprate") << QStringLiteral("8000") << QStringLiteral("-nfft") << QStringLiteral("256")
                  << QStringLiteral("-featparams") << narrowband;
    }
    BaselineRun result;
    QElapsedTimer timer;
    timer.start();
    result.ran = run(baselineProgram(), arguments, &result.text);
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.text = result.text.simplified();
    return result;
}

} // namespace LibriVoxClips
