// A call's recording to its transcript with the offline back-end, on espeak-ng dialogues:
// a stereo call's channels give the parties exactly (the agent's channel requested or
// detected from who speaks first), a mono call's two voices are told apart, and each
// turn keeps its words with their times.
#include "espeakdialogue.h"

#include "transcribe/calltranscription.h"
#include "transcribe/pocketsphinxtranscriber.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using FirstSpeaker = TranscriptionSettings::FirstSpeaker;

namespace {

const QStringList Lines = {
    u"Thank you for calling Acme Dental, how can I help you today?"_s,
    u"Hi, I would like to move my appointment to next week."_s,
    u"Of course. Can I have your name and date of birth, please?"_s,
    u"It is John Smith, the third of March nineteen eighty."_s,
    u"Thank you. I see your appointment on Tuesday at ten."_s,
    u"Could we make it Thursday afternoon instead?"_s,
};

} // namespace

class TstCallTranscription : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stereoChannelsAreTheParties();
    void requestedChannelDecidesTheRoles();
    void callerSpeaksFirstSetting();
    void monoVoicesAreToldApart();
    void unreadableOrSilentRecordingFails();

private:
    CallTranscription::Result transcribe(const QString &path, std::optional<int> channel = std::nullopt,
                                         FirstSpeaker first = FirstSpeaker::MainAgent);
    // The turns' roles, "A" for the agent and "C" for the caller: "ACACAC".
    static QString roles(const Turns &turns);
    void compareTimes(const Turns &turns);

    QTemporaryDir m_dir;
    EspeakDialogue::Files m_dialogue;
    PocketSphinxTranscriber m_transcriber;
};

void TstCallTranscription::initTestCase()
{
    m_dialogue = EspeakDialogue::make(QDir(m_dir.path()), u"call"_s, Lines, {u"en-us"_s, u"en+f3"_s});
    QVERIFY2(!m_dialogue.stereo.isEmpty(), "espeak-ng and sox make the dialogue");
}

CallTranscription::Result TstCallTranscription::transcribe(const QString &path, std::optional<int> channel, FirstSpeaker first)
{
    return CallTranscription::run(path, channel, first, m_transcriber, {});
}

QString TstCallTranscription::roles(const Turns &turns)
{
    QString text;
    for (const Turn &turn : turns)
        text += turn.role == Turn::Role::MainAgent ? u'A' : u'C';
    return text;
}

void TstCallTranscription::compareTimes(const Turns &turns)
{
    QCOMPARE(turns.size(), m_dialogue.turns.size());
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const Turn &turn = turns[i];
        const SpeechRun &spoken = m_dialogue.turns[i];
        // A recogniser may miss a turn's quiet last word: its end is looser than its start.
        QVERIFY2(std::abs(turn.startTime - spoken.start) < 0.4 && std::abs(turn.endTime - spoken.end) < 0.7,
                 qPrintable(u"turn %1: %2-%3 s, spoken %4-%5 s"_s.arg(i).arg(turn.startTime).arg(turn.endTime)
                                .arg(spoken.start).arg(spoken.end)));
        QVERIFY(!turn.words.isEmpty());
        QCOMPARE(turn.words.first().startTime, turn.startTime);
        QVERIFY(!turn.content.isEmpty());
    }
}

void TstCallTranscription::stereoChannelsAreTheParties()
{
    const CallTranscription::Result result = transcribe(m_dialogue.stereo);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(roles(result.turns), u"ACACAC"_s);
    compareTimes(result.turns);
    // The left channel speaks first and the agent does (the default): the agent's channel.
    QCOMPARE(result.detectedChannel, std::optional<int>(0));
}

void TstCallTranscription::requestedChannelDecidesTheRoles()
{
    const CallTranscription::Result result = transcribe(m_dialogue.stereo, 1);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(roles(result.turns), u"CACACA"_s);
    QCOMPARE(result.detectedChannel, std::nullopt);
}

void TstCallTranscription::callerSpeaksFirstSetting()
{
    const CallTranscription::Result result = transcribe(m_dialogue.stereo, std::nullopt, FirstSpeaker::Caller);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(roles(result.turns), u"CACACA"_s);
    QCOMPARE(result.detectedChannel, std::optional<int>(1));
}

void TstCallTranscription::monoVoicesAreToldApart()
{
    CallTranscription::Result result = transcribe(m_dialogue.mono);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(roles(result.turns), u"ACACAC"_s);
    compareTimes(result.turns);
    QCOMPARE(result.detectedChannel, std::nullopt);

    result = transcribe(m_dialogue.mono, std::nullopt, FirstSpeaker::Caller);
    QCOMPARE(roles(result.turns), u"CACACA"_s);
}

void TstCallTranscription::unreadableOrSilentRecordingFails()
{
    const QString missing = m_dir.filePath(u"missing.wav"_s);
    CallTranscription::Result result = transcribe(missing);
    QVERIFY(result.failed());
    QVERIFY2(result.error.contains(u"missing.wav"_s), qPrintable(result.error));

    const QString silent = m_dir.filePath(u"silent.wav"_s);
    QVERIFY(EspeakDialogue::run(u"sox"_s, {u"-n"_s, u"-r"_s, u"16000"_s, u"-c"_s, u"2"_s, silent, u"trim"_s, u"0"_s, u"3"_s}));
    result = transcribe(silent);
    QVERIFY(result.failed());
    QCOMPARE(result.error, u"No speech was recognised in the recording."_s);
    QVERIFY(result.turns.isEmpty());
}

QTEST_GUILESS_MAIN(TstCallTranscription)
#include "tst_calltranscription.moc"
