#include "formats/livekitformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestLivekitFormat : public QObject
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

void TestLivekitFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("reference turns")
        << QByteArray(R"([{"role":"assistant","content":"Welcome to Acme.","timestamp":0},{"role":"user","content":"Where is my parcel?","timestamp":3},
                         {"role":"assistant","content":"Checking now.","timestamp":6}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Welcome to Acme.","start_time":0,"end_time":3},
                         {"role":"Testing Agent","content":"Where is my parcel?","start_time":3,"end_time":6},
                         {"role":"Main Agent","content":"Checking now.","start_time":6,"end_time":6}])");
    QTest::newRow("content as a list of strings, system dropped")
        << QByteArray(R"([{"role":"system","content":["Be nice."],"timestamp":0},{"role":"assistant","content":["Hello,","how can I help?"],"timestamp":0.5},
                         {"role":"user","content":["Hi",{"type":"image_content","image":"x"}],"timestamp":2}])")
        << QByteArray(R"([{"role":"Main Agent","content":"Hello, how can I help?","start_time":0.5,"end_time":2},
                         {"role":"Testing Agent","content":"Hi","start_time":2,"end_time":2}])");
    QTest::newRow("ChatContext items with epoch created_at and tools")
        << QByteArray(R"({"items":[
            {"id":"i0","type":"message","role":"assistant","content":["Hi there."],"interrupted":false,"created_at":1767000000.25},
            {"id":"i1","type":"message","role":"user","content":["Track order 12."],"interrupted":false,"created_at":1767000002.5},
            {"id":"i2","type":"function_call","call_id":"fc1","name":"track","arguments":"{\"order\":12}","created_at":1767000003.0},
            {"id":"i3","type":"function_call_output","call_id":"fc1","name":"track","output":"in transit","is_error":false,"created_at":1767000003.5},
            {"id":"i4","type":"agent_handoff","old_agent_id":null,"new_agent_id":"a","created_at":1767000003.6},
            {"id":"i5","type":"message","role":"assistant","content":["It is in transit."],"created_at":1767000004.0}]})")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi there.","start_time":0,"end_time":2.25},
                         {"role":"Testing Agent","content":"Track order 12.","start_time":2.25,"end_time":2.75},
                         {"role":"Function Call","content":"","start_time":2.75,"end_time":2.75,"data":{"id":"fc1","name":"track","arguments":"{\"order\":12}"}},
                         {"role":"Function Call Result","start_time":3.25,"end_time":3.25,"data":{"id":"fc1","name":"track","result":"in transit"}},
                         {"role":"Main Agent","content":"It is in transit.","start_time":3.75,"end_time":3.75}])");
    QTest::newRow("missing timestamp inherits the previous turn")
        << QByteArray(R"([{"role":"assistant","content":"A","timestamp":1},{"role":"user","content":"B"}])")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":1},
                         {"role":"Testing Agent","content":"B","start_time":1,"end_time":1}])");
}

void TestLivekitFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    FieldErrors errors;
    const Turns turns = LivekitFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestLivekitFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("object without items") << QByteArray(R"({"room":"r"})") << "" << "Expected a list of {role, content, timestamp}";
    QTest::newRow("unknown role") << QByteArray(R"([{"role":"bot","content":"x","timestamp":0}])") << "[0].role" << "not a LiveKit role";
    QTest::newRow("missing role") << QByteArray(R"([{"content":"x","timestamp":0}])") << "[0].role" << "required";
    QTest::newRow("timestamp as a string") << QByteArray(R"([{"role":"user","content":"x","timestamp":"3"}])") << "[0].timestamp" << "Must be a number";
    QTest::newRow("content a number") << QByteArray(R"([{"role":"user","content":3,"timestamp":0}])") << "[0].content" << "string or a list of strings";
    QTest::newRow("missing content") << QByteArray(R"([{"role":"user","timestamp":0}])") << "[0].content" << "required";
    QTest::newRow("epoch before the first entry")
        << QByteArray(R"({"items":[{"type":"message","role":"user","content":["a"],"created_at":1767000005},
                                  {"type":"message","role":"assistant","content":["b"],"created_at":1767000001}]})")
        << "items[1].created_at" << "earlier than the first";
    QTest::newRow("function output with unknown call and no name")
        << QByteArray(R"({"items":[{"type":"function_call_output","call_id":"x","output":"ok","created_at":1}]})")
        << "items[0].name" << "no earlier function_call";
}

void TestLivekitFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = LivekitFormat().parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestLivekitFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("turns") << QByteArray(R"([{"role":"assistant","content":"Hi","timestamp":0}])") << 100;
    QTest::newRow("chat history") << QByteArray(R"({"items":[{"type":"message","role":"user","content":["a"],"created_at":1}]})") << 100;
    QTest::newRow("pipecat messages") << QByteArray(R"([{"role":"assistant","content":"Hi","start_time":0}])") << 0;
    QTest::newRow("cekura turns") << QByteArray(R"([{"role":"Main Agent","content":"Hi","start_time":0}])") << 0;
}

void TestLivekitFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(LivekitFormat().resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestLivekitFormat)
#include "tst_livekitformat.moc"
