#include "formats/vapiformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestVapiFormat : public QObject
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

const QByteArray kReferenceMessages = R"([
 {"role":"system","message":"You are a receptionist.","time":1767000000000,"secondsFromStart":0},
 {"role":"bot","message":"Acme Clinic, hello!","time":1767000000500,"endTime":1767000002100,"secondsFromStart":0.5,"duration":1600,"source":""},
 {"role":"user","message":"I need to cancel.","time":1767000003000,"endTime":1767000004400,"secondsFromStart":3.0,"duration":1400},
 {"role":"tool_calls","message":"","toolCalls":[{"id":"tc_9","type":"function","function":{"name":"cancel","arguments":"{}"}}],"time":1767000005000,"secondsFromStart":5.0},
 {"role":"tool_call_result","name":"cancel","result":"Success.","toolCallId":"tc_9","time":1767000005600,"secondsFromStart":5.6}])";

const QByteArray kReferenceTurns = R"([
 {"role":"Main Agent","content":"Acme Clinic, hello!","start_time":0.5,"end_time":2.1},
 {"role":"Testing Agent","content":"I need to cancel.","start_time":3.0,"end_time":4.4},
 {"role":"Function Call","content":"","start_time":5.0,"end_time":5.0,"data":{"id":"tc_9","name":"cancel","arguments":"{}"}},
 {"role":"Function Call Result","start_time":5.6,"end_time":5.6,"data":{"id":"tc_9","name":"cancel","result":"Success."}}])";

} // namespace

void TestVapiFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("messages list with tools, system dropped") << kReferenceMessages << kReferenceTurns;
    QTest::newRow("end-of-call-report webhook body")
        << R"({"message":{"type":"end-of-call-report","endedReason":"customer-ended-call","artifact":{"messages":)"
               + kReferenceMessages + "}}}"
        << kReferenceTurns;
    QTest::newRow("end-of-call-report message object")
        << R"({"type":"end-of-call-report","artifact":{"messages":)" + kReferenceMessages + "}}" << kReferenceTurns;
    QTest::newRow("call object with messages") << R"({"id":"c1","messages":)" + kReferenceMessages + "}" << kReferenceTurns;
    QTest::newRow("call object with artifact.messages")
        << R"({"id":"c1","artifact":{"messages":)" + kReferenceMessages + "}}" << kReferenceTurns;
    QTest::newRow("simplified form, relative seconds, agent alias")
        << QByteArray(R"([{"role":"bot","message":"Hi","time":0.0},{"role":"user","message":"Yo","time":2.5},
                         {"role":"agent","message":"Bye","time":4}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi","start_time":0,"end_time":2.5},
                         {"role":"Testing Agent","content":"Yo","start_time":2.5,"end_time":4},
                         {"role":"Main Agent","content":"Bye","start_time":4,"end_time":4}])");
    QTest::newRow("epoch ms without secondsFromStart counts from the first entry")
        << QByteArray(R"([{"role":"system","message":"x","time":1767000000000},
                         {"role":"assistant","message":"Hello","time":1767000000500,"endTime":1767000002000},
                         {"role":"user","message":"Hi","time":1767000003000}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hello","start_time":0.5,"end_time":2.0},
                         {"role":"Testing Agent","content":"Hi","start_time":3.0,"end_time":3.0}])");
    QTest::newRow("several toolCalls, object arguments, result without name")
        << QByteArray(R"([{"role":"tool_calls","secondsFromStart":1,"toolCalls":[
                           {"id":"a","type":"function","function":{"name":"lookup","arguments":{"q":"x"}}},
                           {"id":"b","type":"function","function":{"name":"book"}}]},
                         {"role":"tool_call_result","toolCallId":"b","result":{"ok":true},"secondsFromStart":2}])")
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":1,"end_time":1,"data":{"id":"a","name":"lookup","arguments":"{\"q\":\"x\"}"}},
                         {"role":"Function Call","content":"","start_time":1,"end_time":1,"data":{"id":"b","name":"book","arguments":"{}"}},
                         {"role":"Function Call Result","start_time":2,"end_time":2,"data":{"id":"b","name":"book","result":"{\"ok\":true}"}}])");
    QTest::newRow("duration in ms gives the end when endTime is missing")
        << QByteArray(R"([{"role":"bot","message":"Hi","secondsFromStart":1.0,"duration":1500}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi","start_time":1.0,"end_time":2.5}])");
    // Ends are filled in list order (the next entry, not the next in time), then sorted.
    QTest::newRow("entries out of order are sorted")
        << QByteArray(R"([{"role":"user","message":"B","secondsFromStart":3},{"role":"bot","message":"A","secondsFromStart":1}])")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":1},
                         {"role":"Testing Agent","content":"B","start_time":3,"end_time":3}])");
    QTest::newRow("tool entry without time inherits the previous end")
        << QByteArray(R"([{"role":"bot","message":"One moment","secondsFromStart":1,"time":1767000001000,"endTime":1767000002000},
                         {"role":"tool_calls","toolCalls":[{"id":"t","function":{"name":"f","arguments":"{}"}}]}])")
        << QByteArray(R"([{"role":"Main Agent","content":"One moment","start_time":1,"end_time":2},
                         {"role":"Function Call","content":"","start_time":2,"end_time":2,"data":{"id":"t","name":"f","arguments":"{}"}}])");
    QTest::newRow("empty list") << QByteArray("[]") << QByteArray("[]");
}

void TestVapiFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    FieldErrors errors;
    const Turns turns = VapiFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestVapiFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("a string") << QByteArray(R"("hello")") << "" << "Expected the Vapi messages list";
    QTest::newRow("object without messages") << QByteArray(R"({"id":"c1"})") << "" << "Expected the Vapi messages list";
    QTest::newRow("status-update message")
        << QByteArray(R"({"message":{"type":"status-update","status":"ended"}})") << "" << "\"status-update\" message carries no transcript";
    QTest::newRow("entry not an object") << QByteArray(R"([{"role":"bot","message":"a"},7])") << "[1]" << "must be an object";
    QTest::newRow("missing role") << QByteArray(R"([{"message":"hi"}])") << "[0].role" << "required";
    QTest::newRow("unknown role") << QByteArray(R"([{"role":"customer","message":"hi"}])") << "[0].role" << "not a Vapi role";
    QTest::newRow("cekura role") << QByteArray(R"([{"role":"Main Agent","message":"hi"}])") << "[0].role" << "expected system, user, bot";
    QTest::newRow("time as a string") << QByteArray(R"([{"role":"bot","message":"a","time":"0.5"}])") << "[0].time" << "Must be a number";
    QTest::newRow("secondsFromStart as a string")
        << QByteArray(R"([{"role":"bot","message":"a","secondsFromStart":"1"}])") << "[0].secondsFromStart" << "Must be a number of seconds";
    QTest::newRow("negative secondsFromStart")
        << QByteArray(R"([{"role":"bot","message":"a","secondsFromStart":-1}])") << "[0].secondsFromStart" << "negative";
    QTest::newRow("endTime before time")
        << QByteArray(R"([{"role":"bot","message":"a","time":1767000002000,"endTime":1767000001000}])") << "[0].endTime" << "before time";
    QTest::newRow("epoch time before the first entry")
        << QByteArray(R"([{"role":"bot","message":"a","time":1767000005000},{"role":"user","message":"b","time":1767000000000}])")
        << "[1].time" << "earlier than the first";
    QTest::newRow("bot without message") << QByteArray(R"([{"role":"bot","secondsFromStart":0}])") << "[0].message" << "required";
    QTest::newRow("message not a string") << QByteArray(R"([{"role":"user","message":5}])") << "[0].message" << "Must be a string";
    QTest::newRow("tool_calls without toolCalls") << QByteArray(R"([{"role":"tool_calls","message":""}])") << "[0].toolCalls" << "required";
    QTest::newRow("tool call without function name")
        << QByteArray(R"([{"role":"tool_calls","toolCalls":[{"id":"a","function":{"arguments":"{}"}}]}])")
        << "[0].toolCalls[0].function.name" << "required";
    QTest::newRow("tool call without id")
        << QByteArray(R"([{"role":"tool_calls","toolCalls":[{"function":{"name":"f"}}]}])") << "[0].toolCalls[0].id" << "required";
    QTest::newRow("result without toolCallId")
        << QByteArray(R"([{"role":"tool_call_result","name":"f","result":"ok"}])") << "[0].toolCallId" << "required";
    QTest::newRow("result without result") << QByteArray(R"([{"role":"tool_call_result","name":"f","toolCallId":"a"}])") << "[0].result" << "required";
    QTest::newRow("result without name nor matching call")
        << QByteArray(R"([{"role":"tool_call_result","toolCallId":"zz","result":"ok"}])") << "[0].name" << "no earlier tool call has the id \"zz\"";
    QTest::newRow("path inside the webhook body")
        << QByteArray(R"({"message":{"type":"end-of-call-report","artifact":{"messages":[{"role":"bot","message":5}]}}})")
        << "message.artifact.messages[0].message" << "Must be a string";
}

void TestVapiFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = VapiFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestVapiFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("maximum");

    QTest::newRow("messages list") << kReferenceMessages << 100 << 100;
    QTest::newRow("webhook body") << QByteArray(R"({"message":{"type":"end-of-call-report","artifact":{"messages":[]}}})") << 100 << 100;
    QTest::newRow("simplified form") << QByteArray(R"([{"role":"bot","message":"Hi","time":0}])") << 100 << 100;
    QTest::newRow("cekura turns") << QByteArray(R"([{"role":"Main Agent","content":"Hi","start_time":0,"end_time":1}])") << 0 << 0;
    QTest::newRow("elevenlabs entries") << QByteArray(R"([{"role":"agent","message":"Hi","time_in_call_secs":0}])") << 0 << 0;
    QTest::newRow("livekit turns") << QByteArray(R"([{"role":"assistant","content":"Hi","timestamp":0}])") << 0 << 0;
}

void TestVapiFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, minimum);
    QFETCH(int, maximum);

    const int score = VapiFormat().resemblance(json(input));
    QVERIFY2(score >= minimum && score <= maximum, qPrintable(QString::number(score)));
}

QTEST_GUILESS_MAIN(TestVapiFormat)
#include "tst_vapiformat.moc"
