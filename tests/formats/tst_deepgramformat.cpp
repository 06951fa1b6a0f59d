#include "formats/deepgramformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestDeepgramFormat : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidInput_data();
    void parsesValidInput();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void resemblance_data();
    void resemblance();
};

namespace {

const QByteArray kReferenceWords = R"([
 {"word":"hello","punctuated_word":"Hello,","start":0.1,"end":0.4,"confidence":0.99,"speaker":0},
 {"word":"acme","punctuated_word":"Acme.","start":0.4,"end":0.8,"confidence":0.97,"speaker":0},
 {"word":"hi","punctuated_word":"Hi.","start":1.5,"end":1.7,"confidence":0.98,"speaker":1}])";

} // namespace

void TestDeepgramFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("mainAgentChannelIndex");
    QTest::addColumn<QByteArray>("expected");

    // Each turn keeps its own words, punctuated as its content is.
    QTest::newRow("diarized words, speaker 0 is the agent by default") << kReferenceWords << -1
        << QByteArray(R"([{"role":"Main Agent","content":"Hello, Acme.","start_time":0.1,"end_time":0.8,
                           "words":[{"word":"Hello,","start":0.1,"end":0.4},{"word":"Acme.","start":0.4,"end":0.8}]},
                         {"role":"Testing Agent","content":"Hi.","start_time":1.5,"end_time":1.7,"words":[{"word":"Hi.","start":1.5,"end":1.7}]}])");
    QTest::newRow("mainAgentChannelIndex 1 swaps the roles") << kReferenceWords << 1
        << QByteArray(R"([{"role":"Testing Agent","content":"Hello, Acme.","start_time":0.1,"end_time":0.8,
                           "words":[{"word":"Hello,","start":0.1,"end":0.4},{"word":"Acme.","start":0.4,"end":0.8}]},
                         {"role":"Main Agent","content":"Hi.","start_time":1.5,"end_time":1.7,"words":[{"word":"Hi.","start":1.5,"end":1.7}]}])");
    QTest::newRow("words without punctuation or speaker")
        << QByteArray(R"([{"word":"yes","start":0,"end":0.3},{"word":"please","start":0.3,"end":0.7}])") << -1
        << QByteArray(R"([{"role":"Main Agent","content":"yes please","start_time":0,"end_time":0.7,
                           "words":[{"word":"yes","start":0,"end":0.3},{"word":"please","start":0.3,"end":0.7}]}])");
    QTest::newRow("a speaker returning starts a new turn")
        << QByteArray(R"([{"word":"a","start":0,"end":1,"speaker":0},{"word":"b","start":1,"end":2,"speaker":1},{"word":"c","start":2,"end":3,"speaker":0}])")
        << -1
        << QByteArray(R"([{"role":"Main Agent","content":"a","start_time":0,"end_time":1,"words":[{"word":"a","start":0,"end":1}]},
                         {"role":"Testing Agent","content":"b","start_time":1,"end_time":2,"words":[{"word":"b","start":1,"end":2}]},
                         {"role":"Main Agent","content":"c","start_time":2,"end_time":3,"words":[{"word":"c","start":2,"end":3}]}])");
    QTest::newRow("full response with utterances")
        << QByteArray(R"({"metadata":{"channels":1},"results":{"channels":[{"alternatives":[{"transcript":"x","words":[]}]}],
              "utterances":[{"start":0.2,"end":1.1,"confidence":0.9,"channel":0,"transcript":"Good morning.","words":[],"speaker":0,"id":"u1"},
                            {"start":1.6,"end":2.4,"confidence":0.9,"channel":0,"transcript":"Morning!","words":[],"speaker":1,"id":"u2"}]}})")
        << -1
        << QByteArray(R"([{"role":"Main Agent","content":"Good morning.","start_time":0.2,"end_time":1.1},
                         {"role":"Testing Agent","content":"Morning!","start_time":1.6,"end_time":2.4}])");
    // Utterance words were never checked: a bad one drops that utterance's words, not the call.
    QTest::newRow("utterances with words")
        << QByteArray(R"({"results":{"utterances":[
              {"start":0.2,"end":1.1,"channel":0,"transcript":"Good morning.","speaker":0,
               "words":[{"word":"good","punctuated_word":"Good","start":0.2,"end":0.6},{"word":"morning","punctuated_word":"morning.","start":0.6,"end":1.1}]},
              {"start":1.6,"end":2.4,"channel":0,"transcript":"Morning!","speaker":1,"words":[{"word":"morning","start":"1.6","end":2.4}]}]}})")
        << -1
        << QByteArray(R"([{"role":"Main Agent","content":"Good morning.","start_time":0.2,"end_time":1.1,
                           "words":[{"word":"Good","start":0.2,"end":0.6},{"word":"morning.","start":0.6,"end":1.1}]},
                         {"role":"Testing Agent","content":"Morning!","start_time":1.6,"end_time":2.4}])");
    QTest::newRow("multichannel response: the channel names the speaker")
        << QByteArray(R"({"results":{"channels":[
              {"alternatives":[{"transcript":"Hi. Bye.","words":[{"word":"hi","punctuated_word":"Hi.","start":0,"end":0.5,"speaker":0},
                                                                  {"word":"bye","punctuated_word":"Bye.","start":3,"end":3.4,"speaker":0}]}]},
              {"alternatives":[{"transcript":"Hello.","words":[{"word":"hello","punctuated_word":"Hello.","start":1,"end":1.6,"speaker":0}]}]}]}})")
        << 1
        << QByteArray(R"([{"role":"Testing Agent","content":"Hi.","start_time":0,"end_time":0.5,"words":[{"word":"Hi.","start":0,"end":0.5}]},
                         {"role":"Main Agent","content":"Hello.","start_time":1,"end_time":1.6,"words":[{"word":"Hello.","start":1,"end":1.6}]},
                         {"role":"Testing Agent","content":"Bye.","start_time":3,"end_time":3.4,"words":[{"word":"Bye.","start":3,"end":3.4}]}])");
    QTest::newRow("results object alone, one diarized channel")
        << QByteArray(R"({"channels":[{"alternatives":[{"words":[{"word":"a","start":0,"end":1,"speaker":1},{"word":"b","start":1,"end":2,"speaker":0}]}]}]})")
        << -1
        << QByteArray(R"([{"role":"Testing Agent","content":"a","start_time":0,"end_time":1,"words":[{"word":"a","start":0,"end":1}]},
                         {"role":"Main Agent","content":"b","start_time":1,"end_time":2,"words":[{"word":"b","start":1,"end":2}]}])");
}

void TestDeepgramFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(int, mainAgentChannelIndex);
    QFETCH(QByteArray, expected);

    TranscriptParseOptions options;
    if (mainAgentChannelIndex >= 0)
        options.mainAgentChannelIndex = mainAgentChannelIndex;
    FieldErrors errors;
    const Turns turns = DeepgramFormat().parse(json(input), options, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestDeepgramFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("object without results") << QByteArray(R"({"metadata":{}})") << "" << "Expected a list of Deepgram words";
    QTest::newRow("word not an object") << QByteArray(R"(["hello"])") << "[0]" << "must be an object";
    QTest::newRow("word without text") << QByteArray(R"([{"start":0,"end":1}])") << "[0].word" << "required";
    QTest::newRow("start as a string") << QByteArray(R"([{"word":"a","start":"0","end":1}])") << "[0].start" << "Must be a number of seconds";
    QTest::newRow("end before start") << QByteArray(R"([{"word":"a","start":2,"end":1}])") << "[0].end" << "before start";
    QTest::newRow("fractional speaker") << QByteArray(R"([{"word":"a","start":0,"end":1,"speaker":0.5}])") << "[0].speaker" << "integer";
    QTest::newRow("utterance without transcript")
        << QByteArray(R"({"results":{"utterances":[{"start":0,"end":1,"speaker":0}]}})") << "results.utterances[0].transcript" << "required";
    QTest::newRow("channel word without end")
        << QByteArray(R"({"results":{"channels":[{"alternatives":[{"words":[{"word":"a","start":0}]}]}]}})")
        << "results.channels[0].alternatives[0].words[0].end" << "required";
}

void TestDeepgramFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = DeepgramFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestDeepgramFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("words") << kReferenceWords << 100;
    QTest::newRow("response") << QByteArray(R"({"results":{"channels":[]}})") << 100;
    QTest::newRow("retell utterances") << QByteArray(R"([{"role":"agent","content":"Hi","words":[]}])") << 0;
}

void TestDeepgramFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(DeepgramFormat().resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestDeepgramFormat)
#include "tst_deepgramformat.moc"
