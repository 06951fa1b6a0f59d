#include "formats/retellformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestRetellFormat : public QObject
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
 {"role":"agent","content":"Hi, this is Sam.","words":[{"word":"Hi, ","start":0.2,"end":0.5},{"word":"this is Sam.","start":0.5,"end":1.2}]},
 {"role":"user","content":"Cancel my order.","words":[{"word":"Cancel ","start":2.0,"end":2.4},{"word":"my order.","start":2.4,"end":2.9}]},
 {"role":"tool_call_invocation","tool_call_id":"a1b2","name":"cancel_order","arguments":"{}"},
 {"role":"tool_call_result","tool_call_id":"a1b2","content":"cancelled"}])";

// A word keeps its times; its text loses the space Retell leaves after it.
const QByteArray kReferenceTurns = R"([
 {"role":"Main Agent","content":"Hi, this is Sam.","start_time":0.2,"end_time":1.2,
  "words":[{"word":"Hi,","start":0.2,"end":0.5},{"word":"this is Sam.","start":0.5,"end":1.2}]},
 {"role":"Testing Agent","content":"Cancel my order.","start_time":2.0,"end_time":2.9,
  "words":[{"word":"Cancel","start":2.0,"end":2.4},{"word":"my order.","start":2.4,"end":2.9}]},
 {"role":"Function Call","content":"","start_time":2.9,"end_time":2.9,"data":{"id":"a1b2","name":"cancel_order","arguments":"{}"}},
 {"role":"Function Call Result","start_time":2.9,"end_time":2.9,"data":{"id":"a1b2","name":"cancel_order","result":"cancelled"}}])";

} // namespace

void TestRetellFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("transcript_with_tool_calls") << kReferenceTranscript << kReferenceTurns;
    QTest::newRow("call_analyzed webhook body")
        << R"({"event":"call_analyzed","call":{"call_id":"c","transcript_with_tool_calls":)" + kReferenceTranscript + "}}"
        << kReferenceTurns;
    QTest::newRow("call object prefers transcript_with_tool_calls")
        << R"({"call_id":"c","transcript_object":[{"role":"agent","content":"x","words":[]}],"transcript_with_tool_calls":)"
               + kReferenceTranscript + "}"
        << kReferenceTurns;
    QTest::newRow("call object with transcript_object only")
        << QByteArray(R"({"call_id":"c","transcript_object":[{"role":"user","content":"Hello?","words":[{"word":"Hello?","start":1,"end":1.5}]}]})")
        << QByteArray(R"([{"role":"Testing Agent","content":"Hello?","start_time":1,"end_time":1.5,"words":[{"word":"Hello?","start":1,"end":1.5}]}])");
    QTest::newRow("node_transition, dtmf, sms and injected are skipped")
        << QByteArray(R"([{"role":"agent","content":"Press one.","words":[{"word":"Press one.","start":0,"end":1}]},
                         {"role":"dtmf","digit":"1"},
                         {"role":"node_transition","former_node_id":"a","new_node_id":"b","time_sec":1.2},
                         {"role":"sms","content":"hi"},{"role":"injected","content":"x"},
                         {"role":"user","content":"Done.","words":[{"word":"Done.","start":2,"end":2.5}]}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Press one.","start_time":0,"end_time":1,"words":[{"word":"Press one.","start":0,"end":1}]},
                         {"role":"Testing Agent","content":"Done.","start_time":2,"end_time":2.5,"words":[{"word":"Done.","start":2,"end":2.5}]}])");
    QTest::newRow("utterance without words inherits the previous end")
        << QByteArray(R"([{"role":"agent","content":"Hi","words":[{"word":"Hi","start":0.5,"end":0.9}]},{"role":"user","content":"Hm"}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi","start_time":0.5,"end_time":0.9,"words":[{"word":"Hi","start":0.5,"end":0.9}]},
                         {"role":"Testing Agent","content":"Hm","start_time":0.9,"end_time":0.9}])");
    QTest::newRow("overlapping words are sorted by start; a word without text still times the utterance")
        << QByteArray(R"([{"role":"agent","content":"one two","words":[{"word":"one ","start":0.1,"end":0.6},{"start":0.6,"end":0.7},
                                                                       {"word":"two","start":0.5,"end":0.9}]}])")
        << QByteArray(R"([{"role":"Main Agent","content":"one two","start_time":0.1,"end_time":0.9,
                          "words":[{"word":"one","start":0.1,"end":0.6},{"word":"two","start":0.5,"end":0.9}]}])");
    QTest::newRow("object arguments and result")
        << QByteArray(R"([{"role":"tool_call_invocation","tool_call_id":"t","name":"f","arguments":{"a":1}},
                         {"role":"tool_call_result","tool_call_id":"t","content":{"ok":true},"successful":true}])")
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"t","name":"f","arguments":"{\"a\":1}"}},
                         {"role":"Function Call Result","start_time":0,"end_time":0,"data":{"id":"t","name":"f","result":"{\"ok\":true}"}}])");
}

void TestRetellFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    FieldErrors errors;
    const Turns turns = RetellFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestRetellFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("a number") << QByteArray("42") << "" << "Expected Retell's transcript_with_tool_calls";
    QTest::newRow("call_started body without transcript")
        << QByteArray(R"({"event":"call_started","call":{"call_id":"c"}})") << "" << "Expected Retell's";
    QTest::newRow("unknown role") << QByteArray(R"([{"role":"bot","content":"x"}])") << "[0].role" << "not a Retell role";
    QTest::newRow("missing content") << QByteArray(R"([{"role":"agent","words":[]}])") << "[0].content" << "required";
    QTest::newRow("words not a list") << QByteArray(R"([{"role":"agent","content":"x","words":{}}])") << "[0].words" << "Must be a list";
    QTest::newRow("word start as a string")
        << QByteArray(R"([{"role":"agent","content":"x","words":[{"word":"x","start":"0.1","end":0.2}]}])")
        << "[0].words[0].start" << "Must be a number of seconds";
    QTest::newRow("word without end")
        << QByteArray(R"([{"role":"user","content":"x","words":[{"word":"x","start":0.1}]}])") << "[0].words[0].end" << "required";
    QTest::newRow("word ends before it starts")
        << QByteArray(R"([{"role":"user","content":"x","words":[{"word":"x","start":2,"end":1}]}])") << "[0].words[0].end" << "before start";
    QTest::newRow("invocation without name")
        << QByteArray(R"([{"role":"tool_call_invocation","tool_call_id":"t","arguments":"{}"}])") << "[0].name" << "required";
    QTest::newRow("invocation without id")
        << QByteArray(R"([{"role":"tool_call_invocation","name":"f"}])") << "[0].tool_call_id" << "required";
    QTest::newRow("result without invocation")
        << QByteArray(R"([{"role":"tool_call_result","tool_call_id":"t","content":"ok"}])") << "[0].tool_call_id" << "No earlier tool_call_invocation";
    QTest::newRow("path inside the webhook body")
        << QByteArray(R"({"event":"call_analyzed","call":{"transcript_with_tool_calls":[{"role":"agent"}]}})")
        << "call.transcript_with_tool_calls[0].content" << "required";
}

void TestRetellFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = RetellFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestRetellFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("transcript") << kReferenceTranscript << 100;
    QTest::newRow("webhook body") << QByteArray(R"({"event":"call_analyzed","call":{"transcript_object":[]}})") << 100;
    QTest::newRow("vapi messages") << QByteArray(R"([{"role":"bot","message":"Hi","secondsFromStart":0}])") << 0;
    QTest::newRow("pipecat messages") << QByteArray(R"([{"role":"assistant","content":"Hi","start_time":0}])") << 0;
    QTest::newRow("vapi webhook body") << QByteArray(R"({"message":{"type":"end-of-call-report"}})") << 0;
}

void TestRetellFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(RetellFormat().resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestRetellFormat)
#include "tst_retellformat.moc"
