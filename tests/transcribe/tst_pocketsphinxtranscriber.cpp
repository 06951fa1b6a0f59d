#include "librivoxclips.h"
#include "worderrorrate.h"

#include "transcribe/pocketsphinxtranscriber.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using LibriVoxClips::Clip;

// PocketSphinxTranscriber on real speech (pocketsphinx-testdata's LibriVox clips), at 16 kHz
// and as a phone line carries it (8 kHz, 300–3400 Hz), against pocketsphinx_continuous with
// its defaults on the same files: no worse word error rate, at most twice the time. Also the
// word times of long audio, cancelling, and a missing model.
class TstPocketSphinxTranscriber : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void asGoodAndAsFastAsPocketsphinxContinuous_data();
    void asGoodAndAsFastAsPocketsphinxContinuous();
    void longAudioHasOrderedAbsoluteWordTimes();
    void cancelReturnsPromptly();
    void missingModelIsNamed_data();
    void missingModelIsNamed();

private:
    QTemporaryDir m_scratch;
    QList<Clip> m_wideband;
    QList<Clip> m_telephone;
    QString m_whyNoSpeech;   // set when the clips or the baseline program are missing
};

namespace {

QString textOf(const TimedWords &words)
{
    QStringList texts;
    for (const TimedWord &word : words)
        texts.append(word.text);
    return texts.join(QLatin1Char(' '));
}

// The clips one after another, `pause` seconds of a quiet room (−60 dBFS noise, not digital
// silence) between them; `starts`, when given, receives where each begins.
MonoAudio concatenated(const QList<MonoAudio> &clips, double pause, std::vector<double> *starts)
{
    MonoAudio audio;
    audio.sampleRate = clips.first().sampleRate;
    QRandomGenerator noise(5);
    for (const MonoAudio &clip : clips) {
        if (!audio.samples.empty()) {
            for (auto i = qint64(pause * audio.sampleRate); i > 0; --i)
                audio.samples.push_back(float((noise.generateDouble() * 2 - 1) * 0.001));
        }
        if (starts)
            starts->push_back(audio.durationSeconds());
        audio.samples.insert(audio.samples.end(), clip.samples.begin(), clip.samples.end());
    }
    return audio;
}

} // namespace

void TstPocketSphinxTranscriber::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    m_wideband = LibriVoxClips::wideband(&m_whyNoSpeech);
    if (m_whyNoSpeech.isEmpty() && LibriVoxClips::baselineProgram().isEmpty())
        m_whyNoSpeech = QStringLiteral("pocketsphinx_continuous is not installed (package pocketsphinx).");
    if (m_whyNoSpeech.isEmpty()) {
        m_telephone = LibriVoxClips::telephoneBand(m_wideband, m_scratch.path());
        QVERIFY2(!m_telephone.isEmpty(), "sox could not make the 8 kHz copies of the clips.");
    }
}

void TstPocketSphinxTranscriber::asGoodAndAsFastAsPocketsphinxContinuous_data()
{
    QTest::addColumn<int>("sampleRate");
    QTest::newRow("16 kHz") << 16000;
    QTest::newRow("8 kHz telephone band") << 8000;
}

void TstPocketSphinxTranscriber::asGoodAndAsFastAsPocketsphinxContinuous()
{
    if (!m_whyNoSpeech.isEmpty())
        QSKIP(qPrintable(m_whyNoSpeech));
    QFETCH(int, sampleRate);
    WordErrors ours, baseline;
    double ourSeconds = 0, baselineSeconds = 0;
    // Like for like: each clip read from its file and transcribed by a transcriber loading
    // its model afresh, as each pocketsphinx_continuous run does. Run in turn, so that the
    // load other processes put on the machine falls on both alike.
    for (const Clip &clip : sampleRate == 16000 ? m_wideband : m_telephone) {
        const LibriVoxClips::BaselineRun reference =
            LibriVoxClips::runPocketsphinxContinuous(clip.path, sampleRate, m_scratch.path());
        QVERIFY2(reference.ran, qPrintable(clip.path));
        baseline += wordErrors(clip.reference, reference.text);
        baselineSeconds += reference.seconds;

        QElapsedTimer timer;
        timer.start();
        QString error;
        const MonoAudio audio = LibriVoxClips::readMono(clip.path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(audio.sampleRate, sampleRate);
        PocketSphinxTranscriber transcriber;
        const TranscriptionResult result = transcriber.transcribe(audio, {});
        ourSeconds += double(timer.nsecsElapsed()) / 1e9;
        QVERIFY2(!result.failed(), qPrintable(result.error));
        ours += wordErrors(clip.reference, textOf(result.words));
    }
    qInfo("%s: WER %.3f, pocketsphinx_continuous %.3f; %.2f s, pocketsphinx_continuous %.2f s (%.2fx)",
          QTest::currentDataTag(), ours.rate(), baseline.rate(), ourSeconds, baselineSeconds, ourSeconds / baselineSeconds);
    QVERIFY2(ours.rate() <= baseline.rate() + 0.05,
             qPrintable(QStringLiteral("WER %1 against %2").arg(ours.rate()).arg(baseline.rate())));
    QVERIFY2(ourSeconds <= 2 * baselineSeconds,
             qPrintable(QStringLiteral("%1 s against %2 s").arg(ourSeconds).arg(baselineSeconds)));
}

void TstPocketSphinxTranscriber::longAudioHasOrderedAbsoluteWordTimes()
{
    // All the clips with pauses between: longer than an utterance may be, with pauses for
    // the decoder to end utterances at.
    if (!m_whyNoSpeech.isEmpty())
        QSKIP(qPrintable(m_whyNoSpeech));
    QList<MonoAudio> clips;
    QString reference;
    for (const Clip &clip : std::as_const(m_wideband)) {
        QString error;
        clips.append(LibriVoxClips::readMono(clip.path, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        reference += clip.reference + QLatin1Char(' ');
    }
    constexpr double Pause = 1.5;
    std::vector<double> starts;
    const MonoAudio audio = concatenated(clips, Pause, &starts);
    QVERIFY(audio.durationSeconds() > PocketSphinxTranscriber::MaxUtteranceSeconds);

    std::vector<double> shares;
    PocketSphinxTranscriber transcriber;
    const TranscriptionResult result = transcriber.transcribe(audio, [&shares](double done) {
        shares.push_back(done);
        return true;
    });
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QVERIFY(!shares.empty());
    QVERIFY(std::is_sorted(shares.begin(), shares.end()));
    QCOMPARE(shares.back(), 1.0);

    const TimedWords &words = result.words;
    QVERIFY(words.size() > 50);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const TimedWord &word = words[i];
        QVERIFY2(word.endTime > word.startTime, qPrintable(word.text));
        QVERIFY2(word.startTime >= 0 && word.endTime <= audio.durationSeconds(), qPrintable(word.text));
        if (i > 0)
            QVERIFY2(word.startTime >= words[i - 1].endTime,
                     qPrintable(QStringLiteral("%1 at %2").arg(word.text).arg(word.startTime)));
        QVERIFY2(!word.text.contains(QLatin1Char('(')) && !word.text.startsWith(QLatin1Char('<'))
                     && !word.text.startsWith(QLatin1Char('[')),
                 qPrintable(word.text));
    }
    // Times are from the audio's start: nothing heard in a pause, the last clip's words in it.
    for (std::size_t clip = 1; clip < starts.size(); ++clip) {
        const double pauseStart = starts[clip] - Pause;
        for (const TimedWord &word : words)
            QVERIFY2(word.endTime <= pauseStart + 0.3 || word.startTime >= starts[clip] - 0.3,
                     qPrintable(QStringLiteral("%1 at %2, in the pause before clip %3")
                                    .arg(word.text).arg(word.startTime).arg(clip)));
    }
    QVERIFY(words.last().startTime > starts.back());
    const WordErrors errors = wordErrors(reference, textOf(words));
    qInfo("%.1f s of speech and pauses: WER %.3f, %lld words", audio.durationSeconds(), errors.rate(),
          static_cast<long long>(words.size()));
    QVERIFY2(errors.rate() < 0.4, qPrintable(QString::number(errors.rate())));
}

void TstPocketSphinxTranscriber::cancelReturnsPromptly()
{
    if (!m_whyNoSpeech.isEmpty())
        QSKIP(qPrintable(m_whyNoSpeech));
    QString error;
    const MonoAudio clip = LibriVoxClips::readMono(m_wideband.first().path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const MonoAudio audio = concatenated({clip, clip, clip}, 1.0, nullptr);

    PocketSphinxTranscriber transcriber;
    QElapsedTimer sinceCancel;
    const TranscriptionResult result = transcriber.transcribe(audio, [&sinceCancel](double done) {
        if (done < 0.2)
            return true;
        sinceCancel.start();
        return false;
    });
    QVERIFY(sinceCancel.isValid());
    QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
    QCOMPARE(result.error, QStringLiteral("Transcription was cancelled."));
    QVERIFY(result.words.isEmpty());

    // The decoder is usable again after a cancelled run.
    const TranscriptionResult again = transcriber.transcribe(clip, {});
    QVERIFY2(!again.failed(), qPrintable(again.error));
    QVERIFY(!again.words.isEmpty());
}

void TstPocketSphinxTranscriber::missingModelIsNamed_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("named");
    const QString nowhere = QStringLiteral("/nonexistent/pocketsphinx/model");
    QTest::newRow("no directory") << nowhere << nowhere;
    QTest::newRow("no language model") << QString() << QStringLiteral("en-us.lm.bin");
}

void TstPocketSphinxTranscriber::missingModelIsNamed()
{
    QFETCH(QString, directory);
    QFETCH(QString, named);
    QTemporaryDir incomplete;
    if (directory.isEmpty()) {
        directory = incomplete.path();   // an acoustic model and nothing else
        QVERIFY(QDir(directory).mkdir(QStringLiteral("en-us")));
    }
    PocketSphinxTranscriber transcriber(directory);
    QCOMPARE(transcriber.name(), QStringLiteral("pocketsphinx"));
    MonoAudio audio;
    audio.sampleRate = 8000;
    audio.samples.assign(8000, 0.0f);
    const TranscriptionResult result = transcriber.transcribe(audio, {});
    QVERIFY(result.failed());
    QVERIFY2(result.error.contains(named), qPrintable(result.error));
    QVERIFY(result.error.endsWith(QLatin1Char('.')));
}

QTEST_GUILESS_MAIN(TstPocketSphinxTranscriber)
#include "tst_pocketsphinxtranscriber.moc"
