#include "audio/audiodecoder.h"
#include "audio/speakerclustering.h"
#include "audio/voiceactivity.h"
#include "transcribe/transcriber.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// Dialogues spoken by espeak-ng and mixed by sox into one channel, as a `none-mono` call
// is recorded: two clearly different voices taking ten turns (every turn the right
// speaker, from the known turn times and from VoiceActivity's runs, also on an 8 kHz
// telephone-band copy), and the same lines in one voice (one speaker).
class TstSpeakerClustering : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void labelsEachTurn_data();
    void labelsEachTurn();
    void labelsVoiceActivityRuns_data();
    void labelsVoiceActivityRuns();
    void oneVoiceIsOneSpeaker();
    void earliestSegmentIsSpeakerZeroInAnyOrder();
    void shortSegmentTakesItsNeighboursSpeaker();
    void noSegmentsOrOne();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool dialogue(const QString &name, const QStringList &voices);

    QTemporaryDir m_dir;
    SpeechRuns m_turns;   // of the two-voice dialogue (and its telephone copy)
    QList<int> m_speakers;
    SpeechRuns m_oneVoiceTurns;   // a voice speaks at its own pace: other times
};

namespace {

const QStringList Lines = {
    QStringLiteral("Thank you for calling, how can I help you today?"),
    QStringLiteral("Hi, I would like to move my appointment to next week."),
    QStringLiteral("Of course. Can I have your name and date of birth, please?"),
    QStringLiteral("It is John Smith, the third of March nineteen eighty."),
    QStringLiteral("Thank you. I see your appointment on Tuesday at ten."),
    QStringLiteral("Could we make it Thursday afternoon instead?"),
    QStringLiteral("Thursday at three is free. Shall I book that for you?"),
    QStringLiteral("Yes please, that would be perfect."),
    QStringLiteral("Done. You will get a confirmation message shortly."),
    QStringLiteral("Great, thanks a lot for your help. Goodbye."),
};
constexpr double LeadSeconds = 0.5;
constexpr double PauseSeconds = 0.7;

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

MonoAudio decoded(const QString &path)
{
    MonoAudio audio;
    AudioDecoder::Format format;
    QString error;
    AudioDecoder::decode(
        path,
        [&](const float *interleaved, qint64 frames) {
            for (qint64 frame = 0; frame < frames; ++frame)
                audio.samples.push_back(interleaved[frame * format.channels]);
            return true;
        },
        &format, &error);
    audio.sampleRate = format.sampleRate;
    return audio;
}

} // namespace

// Turn i in voices[i % 2], each followed by a pause; records the turn times.
bool TstSpeakerClustering::dialogue(const QString &name, const QStringList &voices)
{
    SpeechRuns turns;
    QStringList padded;
    double start = LeadSeconds;
    for (qsizetype i = 0; i < Lines.size(); ++i) {
        const QString turn = path(QStringLiteral("%1-%2.wav").arg(name).arg(i));
        if (!run(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), voices[i % 2], QStringLiteral("-w"), turn, Lines[i]}))
            return false;
        const double seconds = decoded(turn).durationSeconds();
        turns.append({start, start + seconds});
        start += seconds + PauseSeconds;
        padded.append(path(QStringLiteral("%1-%2-padded.wav").arg(name).arg(i)));
        const QStringList pad = {QStringLiteral("pad"), QStringLiteral("0"), QString::number(PauseSeconds)};
        if (!run(QStringLiteral("sox"), QStringList{turn, padded.last()} + pad))
            return false;
    }
    const QString body = path(name + QStringLiteral("-body.wav"));
    const QStringList lead = {QStringLiteral("pad"), QString::number(LeadSeconds), QStringLiteral("0")};
    if (!run(QStringLiteral("sox"), padded + QStringList{body})
        || !run(QStringLiteral("sox"), QStringList{body, path(name + QStringLiteral(".wav"))} + lead))
        return false;
    (voices[0] == voices[1] ? m_oneVoiceTurns : m_turns) = turns;
    return true;
}

void TstSpeakerClustering::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // An American man's voice for the agent, a female variant for the caller.
    QVERIFY(dialogue(QStringLiteral("two"), {QStringLiteral("en-us"), QStringLiteral("en+f3")}));
    QVERIFY(dialogue(QStringLiteral("one"), {QStringLiteral("en-us"), QStringLiteral("en-us")}));
    // A telephone's band (300 to 3400 Hz) at its rate.
    QVERIFY(run(QStringLiteral("sox"), {path(QStringLiteral("two.wav")), QStringLiteral("-r"), QStringLiteral("8000"),
                                        path(QStringLiteral("phone.wav")), QStringLiteral("sinc"), QStringLiteral("300-3400")}));
    for (qsizetype i = 0; i < m_turns.size(); ++i)
        m_speakers.append(int(i % 2));
}

void TstSpeakerClustering::labelsEachTurn_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("wideband") << QStringLiteral("two.wav");
    QTest::newRow("telephone band, 8 kHz") << QStringLiteral("phone.wav");
}

void TstSpeakerClustering::labelsEachTurn()
{
    QFETCH(QString, file);
    const MonoAudio audio = decoded(path(file));
    QVERIFY(!audio.samples.empty());
    QCOMPARE(SpeakerClustering().speakers(audio, m_turns), m_speakers);
}

void TstSpeakerClustering::labelsVoiceActivityRuns_data()
{
    labelsEachTurn_data();
}

// VoiceActivity splits some turns at their commas and full stops: each piece still goes
// to the turn's speaker.
void TstSpeakerClustering::labelsVoiceActivityRuns()
{
    QFETCH(QString, file);
    QString error;
    const QList<SpeechRuns> channels = VoiceActivity::ofFile(path(file), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(channels.size(), 1);
    const SpeechRuns &runs = channels.first();
    QVERIFY(runs.size() >= m_turns.size());
    QList<int> expected;
    for (const SpeechRun &speech : runs) {
        const double middle = (speech.start + speech.end) / 2;
        const auto turn = std::find_if(m_turns.begin(), m_turns.end(), [&](const SpeechRun &turn) {
            return middle >= turn.start - 0.1 && middle <= turn.end + 0.1;
        });
        QVERIFY2(turn != m_turns.end(), qPrintable(QStringLiteral("a run at %1 s in no turn").arg(speech.start)));
        expected.append(m_speakers[turn - m_turns.begin()]);
    }
    QCOMPARE(SpeakerClustering().speakers(decoded(path(file)), runs), expected);
}

void TstSpeakerClustering::oneVoiceIsOneSpeaker()
{
    const MonoAudio audio = decoded(path(QStringLiteral("one.wav")));
    QCOMPARE(SpeakerClustering().speakers(audio, m_oneVoiceTurns), QList<int>(m_oneVoiceTurns.size(), 0));
}

void TstSpeakerClustering::earliestSegmentIsSpeakerZeroInAnyOrder()
{
    SpeechRuns reversed = m_turns;
    std::reverse(reversed.begin(), reversed.end());
    QList<int> expected = m_speakers;
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(SpeakerClustering().speakers(decoded(path(QStringLiteral("two.wav"))), reversed), expected);
}

// The caller's first 0.2 s is too short to tell a voice by; it goes with the rest of the
// caller's turn it adjoins, not with the agent's turn before it.
void TstSpeakerClustering::shortSegmentTakesItsNeighboursSpeaker()
{
    SpeechRuns segments = m_turns;
    QList<int> expected = m_speakers;
    const double split = segments[1].start + 0.2;
    segments.insert(1, {segments[1].start, split});
    segments[2].start = split + 0.05;
    expected.insert(1, 1);
    QCOMPARE(SpeakerClustering().speakers(decoded(path(QStringLiteral("two.wav"))), segments), expected);
}

void TstSpeakerClustering::noSegmentsOrOne()
{
    const MonoAudio audio = decoded(path(QStringLiteral("two.wav")));
    const SpeakerClustering clustering;
    QVERIFY(clustering.speakers(audio, {}).isEmpty());
    QCOMPARE(clustering.speakers(audio, {m_turns[1]}), QList<int>{0});
    // No audio to hear a voice in: everyone is the first speaker.
    QCOMPARE(clustering.speakers(MonoAudio{}, m_turns), QList<int>(m_turns.size(), 0));
}

QTEST_GUILESS_MAIN(TstSpeakerClustering)
#include "tst_speakerclustering.moc"
