#include "formats/cekuraformat.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestCekuraFormat : public QObject
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

const QByteArray kReferenceTurns = R"([
 {"role":"Main Agent","content":"Pine Street Dental, how can I help?","start_time":0.4,"end_time":2.9},
 {"role":"Testing Agent","content":"Can I move my cleaning to Friday?","start_time":3.6,"end_time":5.8},
 {"role":"Function Call","content":"","start_time":6.2,"end_time":6.2,"data":{"id":"tc_1","name":"reschedule","arguments":"{\"day\":\"fri\"}"}},
 {"role":"Function Call Result","start_time":6.9,"end_time":6.9,"data":{"id":"tc_1","name":"reschedule","result":"ok"}},
 {"role":"Main Agent","content":"Done, Friday at 10am.","start_time":7.3,"end_time":9.0}])";

} // namespace

void TestCekuraFormat::parsesValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("lenientRoles");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("reference turns") << kReferenceTurns << false << kReferenceTurns;
    QTest::newRow("one timestamp: end is the next start, own start when last")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1},{"role":"Testing Agent","content":"B","start_time":3}])") << false
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":3},{"role":"Testing Agent","content":"B","start_time":3,"end_time":3}])");
    QTest::newRow("tool without times takes the previous end")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":2},{"role":"Function Call","content":"","data":{"id":"x","name":"f","arguments":"{}"}}])")
        << false
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":2},
                         {"role":"Function Call","content":"","start_time":2,"end_time":2,"data":{"id":"x","name":"f","arguments":"{}"}}])");
    // Found by bench/fuzz: an inherited start must not land after the turn's own end.
    QTest::newRow("end only, earlier than the previous end")
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":0,"end_time":5},{"role":"Testing Agent","content":"B","end_time":3}])")
        << false
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":0,"end_time":5},{"role":"Testing Agent","content":"B","start_time":3,"end_time":3}])");
    QTest::newRow("object arguments become JSON text")
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"x","name":"f","arguments":{"a":1}}}])") << false
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"x","name":"f","arguments":"{\"a\":1}"}}])");
    QTest::newRow("lenient aliases agent, assistant, bot, user, customer")
        << QByteArray(R"([{"role":"agent","content":"a","start_time":0,"end_time":1},{"role":"user","content":"b","start_time":1,"end_time":2},
                         {"role":"assistant","content":"c","start_time":2,"end_time":3},{"role":"customer","content":"d","start_time":3,"end_time":4},
                         {"role":"bot","content":"e","start_time":4,"end_time":5}])")
        << true
        << QByteArray(R"([{"role":"Main Agent","content":"a","start_time":0,"end_time":1},{"role":"Testing Agent","content":"b","start_time":1,"end_time":2},
                         {"role":"Main Agent","content":"c","start_time":2,"end_time":3},{"role":"Testing Agent","content":"d","start_time":3,"end_time":4},
                         {"role":"Main Agent","content":"e","start_time":4,"end_time":5}])");
    QTest::newRow("unsorted input is sorted by start")
        << QByteArray(R"([{"role":"Testing Agent","content":"B","start_time":3,"end_time":4},{"role":"Main Agent","content":"A","start_time":1,"end_time":2}])")
        << false
        << QByteArray(R"([{"role":"Main Agent","content":"A","start_time":1,"end_time":2},{"role":"Testing Agent","content":"B","start_time":3,"end_time":4}])");
    // The Callscope extension Turn::toJson() writes: an exported call keeps its words.
    QTest::newRow("words read back, sorted by start")
        << QByteArray(R"([{"role":"Main Agent","content":"Hi there","start_time":0.5,"end_time":1.4,
                           "words":[{"word":"there","start":0.9,"end":1.4},{"word":"Hi","start":0.5,"end":0.8}]}])")
        << false
        << QByteArray(R"([{"role":"Main Agent","content":"Hi there","start_time":0.5,"end_time":1.4,
                           "words":[{"word":"Hi","start":0.5,"end":0.8},{"word":"there","start":0.9,"end":1.4}]}])");
    QTest::newRow("empty or null words are no words")
        << QByteArray(R"([{"role":"Main Agent","content":"a","start_time":0,"end_time":1,"words":[]},
                          {"role":"Testing Agent","content":"b","start_time":1,"end_time":2,"words":null}])")
        << false
        << QByteArray(R"([{"role":"Main Agent","content":"a","start_time":0,"end_time":1},{"role":"Testing Agent","content":"b","start_time":1,"end_time":2}])");
    QTest::newRow("a tool turn's words are ignored")
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"x","name":"f","arguments":"{}"},"words":"any"}])")
        << false
        << QByteArray(R"([{"role":"Function Call","content":"","start_time":0,"end_time":0,"data":{"id":"x","name":"f","arguments":"{}"}}])");
}

void TestCekuraFormat::parsesValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, lenientRoles);
    QFETCH(QByteArray, expected);

    TranscriptParseOptions options;
    options.lenientRoles = lenientRoles;
    FieldErrors errors;
    const Turns turns = CekuraFormat(QStringLiteral("cekura")).parse(json(input), options, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, json(expected).toArray()), QString());
}

void TestCekuraFormat::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("an object") << QByteArray(R"({"role":"Main Agent"})") << "" << "Expected a list of turns";
    QTest::newRow("turn not an object") << QByteArray(R"(["hi"])") << "[0]" << "must be an object";
    QTest::newRow("missing role") << QByteArray(R"([{"content":"x","start_time":0}])") << "[0].role" << "required";
    QTest::newRow("role not a string") << QByteArray(R"([{"role":1,"content":"x"}])") << "[0].role" << "Must be a string";
    QTest::newRow("agent is not a cekura role") << QByteArray(R"([{"role":"agent","content":"x"}])") << "[0].role" << "\"agent\" is not a valid role";
    QTest::newRow("user is not a cekura role") << QByteArray(R"([{"role":"user","content":"x"}])") << "[0].role" << "use \"Main Agent\"";
    QTest::newRow("lower-case main agent") << QByteArray(R"([{"role":"main agent","content":"x"}])") << "[0].role" << "not a valid role";
    QTest::newRow("start_time as a string")
        << QByteArray(R"([{"role":"Main Agent","content":"x","start_time":"0.4"}])") << "[0].start_time" << "Must be a number of seconds";
    QTest::newRow("end_time as a string")
        << QByteArray(R"([{"role":"Main Agent","content":"x","start_time":0,"end_time":"1"}])") << "[0].end_time" << "Must be a number";
    QTest::newRow("negative start") << QByteArray(R"([{"role":"Main Agent","content":"x","start_time":-1}])") << "[0].start_time" << "negative";
    QTest::newRow("end before start")
        << QByteArray(R"([{"role":"Main Agent","content":"x","start_time":2,"end_time":1}])") << "[0].end_time" << "before start_time";
    QTest::newRow("speech without content") << QByteArray(R"([{"role":"Testing Agent","start_time":0}])") << "[0].content" << "required";
    QTest::newRow("content not a string") << QByteArray(R"([{"role":"Testing Agent","content":5}])") << "[0].content" << "Must be a string";
    QTest::newRow("function call without data") << QByteArray(R"([{"role":"Function Call","content":""}])") << "[0].data" << "needs a data object";
    QTest::newRow("function call data without name")
        << QByteArray(R"([{"role":"Function Call","content":"","data":{"id":"x"}}])") << "[0].data.name" << "required";
    QTest::newRow("result without result")
        << QByteArray(R"([{"role":"Function Call Result","data":{"id":"x","name":"f"}}])") << "[0].data.result" << "required";
    QTest::newRow("words not a list")
        << QByteArray(R"([{"role":"Main Agent","content":"x","words":{}}])") << "[0].words" << "Must be a list";
    QTest::newRow("word not an object")
        << QByteArray(R"([{"role":"Main Agent","content":"x","words":["x"]}])") << "[0].words[0]" << "must be an object";
    QTest::newRow("word without text")
        << QByteArray(R"([{"role":"Main Agent","content":"x","words":[{"start":0,"end":1}]}])") << "[0].words[0].word" << "required";
    QTest::newRow("word text not a string")
        << QByteArray(R"([{"role":"Main Agent","content":"x","words":[{"word":1,"start":0,"end":1}]}])") << "[0].words[0].word" << "Must be a string";
    QTest::newRow("word start as a string")
        << QByteArray(R"([{"role":"Main Agent","content":"x y","words":[{"word":"x","start":0,"end":1},{"word":"y","start":"1","end":2}]}])")
        << "[0].words[1].start" << "Must be a number of seconds";
    QTest::newRow("word without end")
        << QByteArray(R"([{"role":"Testing Agent","content":"x","words":[{"word":"x","start":0}]}])") << "[0].words[0].end" << "required";
    QTest::newRow("negative word start")
        << QByteArray(R"([{"role":"Testing Agent","content":"x","words":[{"word":"x","start":-1,"end":0}]}])") << "[0].words[0].start" << "negative";
    QTest::newRow("word ends before it starts")
        << QByteArray(R"([{"role":"Testing Agent","content":"x","words":[{"word":"x","start":2,"end":1}]}])") << "[0].words[0].end" << "before start";
}

void TestCekuraFormat::rejectsInvalidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, message);

    FieldErrors errors;
    const Turns turns = CekuraFormat(QStringLiteral("cekura")).parse(json(input), {}, errors);
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY2(errors.messages(field).join(u' ').contains(message, Qt::CaseInsensitive), qPrintable(errors.summary()));
    QCOMPARE(turns.size(), 0);
}

void TestCekuraFormat::resemblance_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("cekura turns") << kReferenceTurns << 100;
    QTest::newRow("half cekura roles") << QByteArray(R"([{"role":"Main Agent"},{"role":"agent"}])") << 50;
    QTest::newRow("vapi webhook body") << QByteArray(R"({"message":{"type":"end-of-call-report"}})") << 0;
}

void TestCekuraFormat::resemblance()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);

    QCOMPARE(CekuraFormat(QStringLiteral("cekura")).resemblance(json(input)), expected);
}

QTEST_GUILESS_MAIN(TestCekuraFormat)
#include "tst_cekuraformat.moc"
