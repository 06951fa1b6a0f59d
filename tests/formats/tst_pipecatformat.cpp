#include "formats/pipecatformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestPipecatFormat : public QObject
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

void TestPipecatFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("reference with tools inheriting times")
        << QByteArray(R"([{"role":"assistant","content":"Hi! Table for how many?","start_time":0.3,"end_time":1.4},
                         {"role":"user","content":"Two, tonight.","start_time":2.0,"end_time":2.9},
                         {"role":"tool_call","data":{"id":"c1","name":"book","arguments":"{\"size\":2}"}},
                         {"role":"tool_call_result","data":{"id":"c1","name":"book","result":"ok"}}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi! Table for how many?","start_time":0.3,"end_time":1.4},
                         {"role":"Testing Agent","content":"Two, tonight.","start_time":2.0,"end_time":2.9},
                         {"role":"Function Call","content":"","start_time":2.9,"end_time":2.9,"data":{"id":"c1","name":"book","arguments":"{\"size\":2}"}},
                         {"role":"Function Call Result","start_time":2.9,"end_time":2.9,"data":{"id":"c1","name":"book","result":"ok"}}])");
    QTest::newRow("without times, system dropped")
        << QByteArray(R"([{"role":"system","content":"You are a host."},{"role":"assistant","content":"Hello."},{"role":"user","content":"Hi."}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hello.","start_time":0,"end_time":0},
                         {"role":"Testing Agent","content":"Hi.","start_time":0,"end_time":0}])");
    QTest::newRow("start only: end is the next start")
        << QByteArray(R"([{"role":"assistant","content":"A","start_time":1},{"role":"user","content":"B","start_time":4}])")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":4},
                         {"role":"Testing Agent","content":"B","start_time":4,"end_time":4}])");
    QTest::newRow("OpenAI context: content parts, tool_calls, tool role, messages wrapper")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":"Book"},{"type":"text","text":"two."}],"start_time":0.5,"end_time":1.5},
                         {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"book","arguments":"{\"n\":2}"}}]},
                         {"role":"tool","tool_call_id":"call_1","content":"booked"},
                         {"role":"assistant","content":"Done.","start_time":2,"end_time":2.6}]})")
        << QByteArray(R"([{"role":"Testing Agent","content":"Book two.","start_time":0.5,"end_time":1.5},
                         {"role":"Function Call","content":"","start_time":1.5,"end_time":1.5,"data":{"id":"call_1","name":"book","arguments":"{\"n\":2}"}},
                         {"role":"Function Call Result","start_time":1.5,"end_time":1.5,"data":{"id":"call_1","name":"book","result":"booked"}},
                         {"role":"Main Agent","content":"Done.","start_time":2,"end_time":2.6}])");
    QTest::newRow("object arguments in data")
        << QByteArray(R"([{"role":"tool_call","data":{"id":"c","name":"f","arguments":{"x":1}}}])")
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"c","name":"f","arguments":"{\"x\":1}"}}])");
}

void TestPipecatFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    FieldErrors errors;
    const Turns turns = PipecatFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestPipecatFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("a string") << QByteArray(R"("hi")") << "" << "Expected a list of {role, content";
    QTest::newRow("unknown role") << QByteArray(R"([{"role":"bot","content":"x"}])") << "[0].role" << "not a Pipecat role";
    QTest::newRow("start_time as a string") << QByteArray(R"([{"role":"user","content":"x","start_time":"1"}])") << "[0].start_time" << "Must be a number";
    QTest::newRow("end before start")
        << QByteArray(R"([{"role":"user","content":"x","start_time":2,"end_time":1}])") << "[0].end_time" << "before start_time";
    QTest::newRow("missing content") << QByteArray(R"([{"role":"assistant"}])") << "[0].content" << "required";
    QTest::newRow("tool_call without data") << QByteArray(R"([{"role":"tool_call"}])") << "[0].data" << "required";
    QTest::newRow("tool_call without name") << QByteArray(R"([{"role":"tool_call","data":{"id":"c"}}])") << "[0].data.name" << "required";
    QTest::newRow("tool_call_result without result")
        << QByteArray(R"([{"role":"tool_call_result","data":{"id":"c","name":"f"}}])") << "[0].data.result" << "required";
    QTest::newRow("tool message for an unknown call")
        << QByteArray(R"([{"role":"tool","tool_call_id":"q","content":"x"}])") << "[0].tool_call_id" << "No earlier assistant tool_calls";
}

void TestPipecatFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = PipecatFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestPipecatFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("timed messages") << QByteArray(R"([{"role":"assistant","content":"Hi","start_time":0,"end_time":1}])") << 100;
    QTest::newRow("tool entries") << QByteArray(R"([{"role":"tool_call","data":{"name":"f"}}])") << 100;
    QTest::newRow("untimed OpenAI chat scores lower") << QByteArray(R"([{"role":"assistant","content":"Hi"}])") << 70;
    QTest::newRow("livekit turns") << QByteArray(R"([{"role":"assistant","content":"Hi","timestamp":0}])") << 0;
    QTest::newRow("vapi simplified form") << QByteArray(R"([{"role":"user","message":"Hi","time":0}])") << 0;
}

void TestPipecatFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(PipecatFormat().resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestPipecatFormat)
#include "tst_pipecatformat.moc"
