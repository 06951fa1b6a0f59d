#include "formats/elevenlabsformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestElevenLabsFormat : public QObject
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

const QByteArray kReferenceTranscript = R"([
 {"role":"agent","message":"Acme support, hi.","time_in_call_secs":0,"tool_calls":[],"tool_results":[]},
 {"role":"user","message":"My router keeps dropping.","time_in_call_secs":3,"tool_calls":[],"tool_results":[]},
 {"role":"agent","message":null,"time_in_call_secs":8,"tool_calls":[{"type":"webhook","request_id":"r1","tool_name":"check_line","params_as_json":"{}","tool_has_been_called":true}],"tool_results":[]},
 {"role":"agent","message":null,"time_in_call_secs":9,"tool_calls":[],"tool_results":[{"request_id":"r1","tool_name":"check_line","result_value":"ok","is_error":false}]}])";

const QByteArray kReferenceTurns = R"([
 {"role":"Main Agent","content":"Acme support, hi.","start_time":0,"end_time":3},
 {"role":"Testing Agent","content":"My router keeps dropping.","start_time":3,"end_time":8},
 {"role":"Function Call","content":"","start_time":8,"end_time":8,"data":{"id":"r1","name":"check_line","arguments":"{}"}},
 {"role":"Function Call Result","start_time":9,"end_time":9,"data":{"id":"r1","name":"check_line","result":"ok"}}])";

} // namespace

void TestElevenLabsFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("transcript with tools, null messages") << kReferenceTranscript << kReferenceTurns;
    QTest::newRow("post_call_transcription webhook body")
        << R"({"type":"post_call_transcription","event_timestamp":1767000100,"data":{"conversation_id":"x","transcript":)"
               + kReferenceTranscript + "}}"
        << kReferenceTurns;
    QTest::newRow("data object") << R"({"agent_id":"a","conversation_id":"x","transcript":)" + kReferenceTranscript + "}"
                                 << kReferenceTurns;
    QTest::newRow("end is the next later entry, own start when last")
        << QByteArray(R"([{"role":"agent","message":"A","time_in_call_secs":1},{"role":"user","message":"B","time_in_call_secs":1},
                         {"role":"agent","message":"C","time_in_call_secs":4.5}])")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":4.5},
                         {"role":"Testing Agent","content":"B","start_time":1,"end_time":4.5},
                         {"role":"Main Agent","content":"C","start_time":4.5,"end_time":4.5}])");
    QTest::newRow("missing tool lists and object params")
        << QByteArray(R"([{"role":"user","message":"Hi","time_in_call_secs":0},
                         {"role":"agent","message":"Checking.","time_in_call_secs":2,"tool_calls":[{"request_id":"q","tool_name":"look","params_as_json":{"id":7}}]}])")
        << QByteArray(R"([{"role":"Testing Agent","content":"Hi","start_time":0,"end_time":2},
                         {"role":"Main Agent","content":"Checking.","start_time":2,"end_time":2},
                         {"role":"Function Call","content":"","start_time":2,"end_time":2,"data":{"id":"q","name":"look","arguments":"{\"id\":7}"}}])");
}

void TestElevenLabsFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    FieldErrors errors;
    const Turns turns = ElevenLabsFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestElevenLabsFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("null") << QByteArray("null") << "" << "Expected the ElevenLabs transcript list";
    QTest::newRow("post_call_audio body")
        << QByteArray(R"({"type":"post_call_audio","data":{"conversation_id":"x","full_audio":"AAA"}})") << "" << "carries no transcript";
    QTest::newRow("unknown role") << QByteArray(R"([{"role":"assistant","message":"x","time_in_call_secs":0}])") << "[0].role" << "not an ElevenLabs role";
    QTest::newRow("missing time") << QByteArray(R"([{"role":"agent","message":"x"}])") << "[0].time_in_call_secs" << "required";
    QTest::newRow("time as a string")
        << QByteArray(R"([{"role":"agent","message":"x","time_in_call_secs":0},{"role":"user","message":"y","time_in_call_secs":"3"}])")
        << "[1].time_in_call_secs" << "Must be a number of seconds";
    QTest::newRow("negative time") << QByteArray(R"([{"role":"agent","message":"x","time_in_call_secs":-2}])") << "[0].time_in_call_secs" << "negative";
    QTest::newRow("message not a string") << QByteArray(R"([{"role":"agent","message":3,"time_in_call_secs":0}])") << "[0].message" << "Must be a string";
    QTest::newRow("tool_calls not a list")
        << QByteArray(R"([{"role":"agent","message":null,"time_in_call_secs":0,"tool_calls":{}}])") << "[0].tool_calls" << "Must be a list";
    QTest::newRow("tool call without tool_name")
        << QByteArray(R"([{"role":"agent","message":null,"time_in_call_secs":0,"tool_calls":[{"request_id":"r"}]}])")
        << "[0].tool_calls[0].tool_name" << "required";
    QTest::newRow("tool result without request_id")
        << QByteArray(R"([{"role":"agent","message":null,"time_in_call_secs":0,"tool_results":[{"tool_name":"f","result_value":"x"}]}])")
        << "[0].tool_results[0].request_id" << "required";
    QTest::newRow("path inside the webhook body")
        << QByteArray(R"({"type":"post_call_transcription","data":{"transcript":[{"role":"agent","message":"x"}]}})")
        << "data.transcript[0].time_in_call_secs" << "required";
}

void TestElevenLabsFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = ElevenLabsFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestElevenLabsFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("transcript") << kReferenceTranscript << 100;
    QTest::newRow("webhook body") << QByteArray(R"({"type":"post_call_transcription","data":{"transcript":[]}})") << 100;
    QTest::newRow("vapi simplified form") << QByteArray(R"([{"role":"bot","message":"Hi","time":0}])") << 0;
    QTest::newRow("retell utterances") << QByteArray(R"([{"role":"agent","content":"Hi","words":[]}])") << 0;
}

void TestElevenLabsFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(ElevenLabsFormat().resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestElevenLabsFormat)
#include "tst_elevenlabsformat.moc"
