#pragma once

// Dialogues spoken by espeak-ng and mixed by sox, as a phone platform records a call: in
// one channel (mono, `none-mono`) or one party per channel (stereo, the first voice on
// the left), with every turn's time known.

#include "audio/speechrun.h"

#include <QDir>
#include <QProcess>
#include <QStringList>

namespace EspeakDialogue {

inline bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

inline double secondsOf(const QString &wav)
{
    QProcess soxi;
    soxi.start(QStringLiteral("soxi"), {QStringLiteral("-D"), wav});
    soxi.waitForFinished(10000);
    return soxi.readAllStandardOutput().trimmed().toDouble();
}

struct Files
{
    QString mono;
    QString stereo;
    SpeechRuns turns;   // line i spoken by voices[i % 2]
};

// Lines in turn, voices[i % 2] speaking line i, `pause` seconds between turns after a lead
// of `lead` seconds; files named `name`… in `dir`. Empty paths when espeak-ng or sox failed.
inline Files make(const QDir &dir, const QString &name, const QStringList &lines, const QStringList &voices,
                  double lead = 0.5, double pause = 1.0)
{
    Files files;
    const QString rate = QStringLiteral("16000");
    const auto file = [&](const QString &part) { return dir.filePath(name + part + QStringLiteral(".wav")); };
    const auto silence = [&](const QString &path, double seconds) {
        return run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), rate, QStringLiteral("-c"), QStringLiteral("1"),
                                           QStringLiteral("-b"), QStringLiteral("16"), path, QStringLiteral("trim"),
                                           QStringLiteral("0"), QString::number(seconds)});
    };
    QStringList mono;
    QStringList channels[2];
    const QString leadFile = file(QStringLiteral("-lead"));
    if (!silence(leadFile, lead))
        return {};
    mono << leadFile;
    channels[0] << leadFile;
    channels[1] << leadFile;
    double start = lead;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString spoken = file(QStringLiteral("-%1-voice").arg(i));
        const QString turn = file(QStringLiteral("-%1").arg(i));
        const QString quiet = file(QStringLiteral("-%1-quiet").arg(i));
        // Each turn at 16 kHz mono, followed by the pause.
        if (!run(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), voices[i % 2], QStringLiteral("-w"), spoken, lines[i]})
            || !run(QStringLiteral("sox"), {spoken, QStringLiteral("-r"), rate, QStringLiteral("-b"), QStringLiteral("16"), turn,
                                            QStringLiteral("pad"), QStringLiteral("0"), QString::number(pause)}))
            return {};
        const double seconds = secondsOf(turn);
        if (!silence(quiet, seconds))
            return {};
        files.turns.append({start, start + seconds - pause});
        start += seconds;
        mono << turn;
        channels[i % 2] << turn;
        channels[1 - i % 2] << quiet;
    }
    const QString left = file(QStringLiteral("-left"));
    const QString right = file(QStringLiteral("-right"));
    files.mono = file(QStringLiteral("-mono"));
    files.stereo = file(QStringLiteral("-stereo"));
    if (!run(QStringLiteral("sox"), mono + QStringList{files.mono}) || !run(QStringLiteral("sox"), channels[0] + QStringList{left})
        || !run(QStringLiteral("sox"), channels[1] + QStringList{right})
        || !run(QStringLiteral("sox"), {QStringLiteral("-M"), left, right, files.stereo}))
        return {};
    return files;
}

} // namespace EspeakDialogue
