// The one validator of observe bodies: every rule of the reference, valid and invalid.

#include "ingest/observerequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject body(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// A minimal valid body with `extra` fields merged in (a JSON object's members text).
QJsonObject valid(const char *extra = "")
{
    QByteArray text = R"({"call_id":"c-1","agent":7,"transcript_json":[
        {"role":"Main Agent","content":"Hello, Pine Street Dental.","start_time":0.4,"end_time":2.9},
        {"role":"Testing Agent","content":"Can I move my cleaning?","start_time":3.6,"end_time":5.8}])";
    if (*extra)
        text += QByteArray(",") + extra;
    text += "}";
    return body(text.constData());
}

} // namespace

class TestObserveRequest : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBadFields_data();
    void rejectsBadFields();
    void acceptsValidBodies_data();
    void acceptsValidBodies();
    void badIdentifiersSayWhatIsWrong();
    void outOfRangeIntegersNameTheRange_data();
    void outOfRangeIntegersNameTheRange();
    void readsEveryField();
    void readsAnnotations();
    void negativeTurnIndexSaysSo();
    void functionCallsKeepTheirData();
    void missingTimesFollowTheGeneralRules();
    void formEncodingDecodesStrings();
    void lenientRolesAreOptIn();
    void defaultFormatErrorNamesTheTurn();
    void audioOnlyCallsNeedARecording_data();
    void audioOnlyCallsNeedARecording();
};

void TestObserveRequest::rejectsBadFields_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");

    QTest::newRow("call_id missing") << body(R"({"agent":1})") << "call_id";
    QTest::newRow("call_id blank") << body(R"({"call_id":"  ","agent":1})") << "call_id";
    QTest::newRow("call_id not a string") << body(R"({"call_id":12,"agent":1})") << "call_id";
    QTest::newRow("call_id 101 chars") << body(QByteArray(R"({"agent":1,"call_id":")" + QByteArray(101, 'x') + R"("})").constData())
                                       << "call_id";
    // Identifiers must be text every reader decodes and that prints as itself.
    QTest::newRow("call_id lone high surrogate") << body(R"({"call_id":"\ud800","agent":1})") << "call_id";
    QTest::newRow("call_id lone low surrogate") << body(R"({"call_id":"a\udc00b","agent":1})") << "call_id";
    QTest::newRow("call_id NUL") << body(R"({"call_id":"a\u0000b","agent":1})") << "call_id";
    QTest::newRow("call_id escape") << body(R"({"call_id":"\u001b[31mc","agent":1})") << "call_id";
    QTest::newRow("call_id C1 control") << body(R"({"call_id":"c\u0085","agent":1})") << "call_id";
    QTest::newRow("assistant_id NUL") << body(R"({"call_id":"c","assistant_id":"asst\u0000"})") << "assistant_id";
    QTest::newRow("customer_number newline") << valid(R"("customer_number":"+1415\n5550100")") << "customer_number";
    QTest::newRow("call_ended_reason tab") << valid(R"("call_ended_reason":"hangup\t")") << "call_ended_reason";
    QTest::newRow("trace_id trailing newline") << valid(R"("trace_id":"0123456789abcdef0123456789abcdef\n")") << "trace_id";
    QTest::newRow("voice_recording NUL") << valid(R"("voice_recording":"a.wav\u0000.txt")") << "voice_recording";
    QTest::newRow("agent out of range") << body(R"({"call_id":"c","agent":1e20})") << "agent";
    QTest::newRow("agent and assistant_id missing") << body(R"({"call_id":"c"})") << "agent";
    QTest::newRow("agent not a number") << body(R"({"call_id":"c","agent":"seven"})") << "agent";
    QTest::newRow("agent numeric string in JSON") << body(R"({"call_id":"c","agent":"7"})") << "agent";
    QTest::newRow("agent fractional") << body(R"({"call_id":"c","agent":1.5})") << "agent";
    QTest::newRow("agent zero") << body(R"({"call_id":"c","agent":0})") << "agent";
    QTest::newRow("trace_id short") << valid(R"("trace_id":"abc")") << "trace_id";
    QTest::newRow("trace_id not hex") << valid(R"("trace_id":"zz000000000000000000000000000000")") << "trace_id";
    QTest::newRow("timestamp not ISO") << valid(R"("timestamp":"25/11/2026 10:00")") << "timestamp";
    QTest::newRow("timestamp number") << valid(R"("timestamp":1767000000)") << "timestamp";
    QTest::newRow("transcript_type unknown") << valid(R"("transcript_type":"bland")") << "transcript_type";
    QTest::newRow("redact_fields unknown") << valid(R"("redact_fields":["person_name","shoe_size"])") << "redact_fields[1]";
    QTest::newRow("redact_fields not a list") << valid(R"("redact_fields":"ssn")") << "redact_fields";
    QTest::newRow("metric_ids words") << valid(R"("metric_ids":"1,two,3")") << "metric_ids";
    QTest::newRow("metric_ids negative") << valid(R"("metric_ids":"1,-2")") << "metric_ids";
    QTest::newRow("channel 2") << valid(R"("main_agent_channel_index":2)") << "main_agent_channel_index";
    QTest::newRow("channel string") << valid(R"("main_agent_channel_index":"1")") << "main_agent_channel_index";
    QTest::newRow("metadata list") << valid(R"("metadata":[1,2])") << "metadata";
    QTest::newRow("dynamic_variables number") << valid(R"("dynamic_variables":3)") << "dynamic_variables";
    QTest::newRow("call_ended_reason too long")
        << valid(QByteArray(R"("call_ended_reason":")" + QByteArray(101, 'r') + '"').constData()) << "call_ended_reason";
    QTest::newRow("customer_number number") << valid(R"("customer_number":4155550100)") << "customer_number";
    QTest::newRow("voice_recording_url ftp") << valid(R"("voice_recording_url":"ftp://host/a.wav")") << "voice_recording_url";
    QTest::newRow("voice_recording_url no host") << valid(R"("voice_recording_url":"https://")") << "voice_recording_url";
    QTest::newRow("status unknown") << valid(R"("status":"evaluating")") << "status";
    QTest::newRow("transcript not a list") << body(R"({"call_id":"c","agent":1,"transcript_json":{"role":"Main Agent"}})")
                                           << "transcript_json";
    QTest::newRow("transcript JSON text broken") << body(R"({"call_id":"c","agent":1,"transcript_json":"[{"})")
                                                 << "transcript_json";
    QTest::newRow("role user") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":"a","start_time":0,"end_time":1},
        {"role":"user","content":"b","start_time":1,"end_time":2}]})") << "transcript_json[1].role";
    QTest::newRow("role missing") << body(R"({"call_id":"c","agent":1,"transcript_json":[{"content":"a"}]})")
                                  << "transcript_json[0].role";
    QTest::newRow("content number") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":5,"start_time":0,"end_time":1}]})") << "transcript_json[0].content";
    QTest::newRow("start_time string") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":"a","start_time":"0.5","end_time":1}]})") << "transcript_json[0].start_time";
    QTest::newRow("end before start") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":"a","start_time":3,"end_time":1}]})") << "transcript_json[0].end_time";
    QTest::newRow("negative time") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":"a","start_time":-1,"end_time":1}]})") << "transcript_json[0].start_time";
    QTest::newRow("function call without data") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Function Call","content":"","start_time":1,"end_time":1}]})") << "transcript_json[0].data";
    QTest::newRow("function call without name") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Function Call","content":"","start_time":1,"end_time":1,"data":{"id":"t1","arguments":"{}"}}]})")
                                                << "transcript_json[0].data.name";
    QTest::newRow("function result without result") << body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Function Call Result","start_time":1,"end_time":1,"data":{"id":"t1","name":"x"}}]})")
                                                    << "transcript_json[0].data.result";
    QTest::newRow("turn not an object") << body(R"({"call_id":"c","agent":1,"transcript_json":["hello"]})")
                                        << "transcript_json[0]";
    // annotations: the turn labels of an exported call (a Callscope extension).
    QTest::newRow("annotations not a list") << valid(R"("annotations":{"turn_index":0})") << "annotations";
    QTest::newRow("annotation not an object") << valid(R"("annotations":[3])") << "annotations[0]";
    QTest::newRow("annotation negative turn")
        << valid(R"("annotations":[{"turn_index":0,"label":"good"},{"turn_index":1,"label":"good"},{"turn_index":-1,"label":"x"}])")
        << "annotations[2].turn_index";
    QTest::newRow("annotation fractional turn") << valid(R"("annotations":[{"turn_index":1.5,"label":"x"}])")
                                                << "annotations[0].turn_index";
    QTest::newRow("annotation turn missing") << valid(R"("annotations":[{"label":"x"}])") << "annotations[0].turn_index";
    QTest::newRow("annotation past the last turn") << valid(R"("annotations":[{"turn_index":2,"label":"x"}])")
                                                   << "annotations[0].turn_index";
    QTest::newRow("annotation label blank") << valid(R"("annotations":[{"turn_index":0,"label":" "}])")
                                            << "annotations[0].label";
    QTest::newRow("annotation label missing") << valid(R"("annotations":[{"turn_index":0}])") << "annotations[0].label";
    QTest::newRow("annotation note not text") << valid(R"("annotations":[{"turn_index":0,"label":"x","note":5}])")
                                              << "annotations[0].note";
    QTest::newRow("annotation bad time") << valid(R"("annotations":[{"turn_index":0,"label":"x","created_at":"yesterday"}])")
                                         << "annotations[0].created_at";
}

void TestObserveRequest::rejectsBadFields()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    const ObserveRequest request = ObserveRequest::parse(input);
    QVERIFY(!request.isValid());
    QVERIFY2(request.errors().contains(field), qPrintable(request.errors().summary()));
    QVERIFY(!request.errors().messages(field).constFirst().isEmpty());
    // Nothing of a rejected body is handed on.
    QVERIFY(request.call().callId.isEmpty());
}

void TestObserveRequest::badIdentifiersSayWhatIsWrong()
{
    const ObserveRequest surrogate = ObserveRequest::parse(body(R"({"call_id":"x\ud800","agent":1})"));
    QCOMPARE(surrogate.errors().messages(u"call_id"_s),
             QStringList(u"Must be valid Unicode text; found a lone surrogate U+D800 at position 1."_s));
    const ObserveRequest nul = ObserveRequest::parse(body(R"({"call_id":"ab\u0000","agent":1})"));
    QCOMPARE(nul.errors().messages(u"call_id"_s),
             QStringList(u"Must not contain control characters; found U+0000 at position 2."_s));
}

// Numbers past what a qint64 holds used to reach qint64(number), which is undefined
// behaviour; they now get the field's range in the error, in JSON and in form bodies.
void TestObserveRequest::outOfRangeIntegersNameTheRange_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<bool>("form");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString agentRange = u"Must be a whole number from 1 to 9007199254740992."_s;
    QTest::newRow("agent 1e20") << body(R"({"call_id":"c","agent":1e20})") << false << "agent" << agentRange;
    QTest::newRow("agent 2^63") << body(R"({"call_id":"c","agent":9223372036854775808})") << false << "agent" << agentRange;
    QTest::newRow("agent -1e300") << body(R"({"call_id":"c","agent":-1e300})") << false << "agent" << agentRange;
    QTest::newRow("agent 0") << body(R"({"call_id":"c","agent":0})") << false << "agent" << agentRange;
    QTest::newRow("form agent past qint64") << body(R"({"call_id":"c","agent":"99999999999999999999"})") << true
                                            << "agent" << agentRange;
    QTest::newRow("channel 1e19") << valid(R"("main_agent_channel_index":1e19)") << false << "main_agent_channel_index"
                                  << u"Must be a whole number from 0 to 1."_s;
}

void TestObserveRequest::outOfRangeIntegersNameTheRange()
{
    QFETCH(QJsonObject, input);
    QFETCH(bool, form);
    QFETCH(QString, field);
    QFETCH(QString, message);
    ObserveRequest::Options options;
    options.encoding = form ? ObserveRequest::Encoding::Form : ObserveRequest::Encoding::Json;
    const ObserveRequest request = ObserveRequest::parse(input, options);
    QCOMPARE(request.errors().messages(field), QStringList(message));
}

void TestObserveRequest::acceptsValidBodies_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<int>("turns");

    QTest::newRow("minimal, only call_id and agent") << body(R"({"call_id":"c","agent":3})") << 0;
    QTest::newRow("assistant_id instead of agent") << body(R"({"call_id":"c","assistant_id":"asst_1"})") << 0;
    QTest::newRow("two turns") << valid() << 2;
    QTest::newRow("vocera alias") << valid(R"("transcript_type":"vocera")") << 2;
    QTest::newRow("explicit cekura") << valid(R"("transcript_type":"cekura")") << 2;
    QTest::newRow("call_id with an emoji (a surrogate pair)") << body(R"({"call_id":"c-\ud83d\ude00","agent":1})") << 0;
    QTest::newRow("call_id 100 chars") << body(QByteArray(R"({"agent":1,"call_id":")" + QByteArray(100, 'x') + R"("})").constData())
                                       << 0;
    QTest::newRow("trace_id empty") << valid(R"("trace_id":"")") << 2;
    QTest::newRow("timestamp with offset") << valid(R"("timestamp":"2026-11-25T10:00:00+01:00")") << 2;
    QTest::newRow("timestamp with ms and Z") << valid(R"("timestamp":"2026-11-25T10:00:00.250Z")") << 2;
    QTest::newRow("nulls are absent") << valid(R"("voice_recording_url":null,"feedback":null,"customer_number":null)") << 2;
    QTest::newRow("metric_ids list") << valid(R"("metric_ids":[1,2])") << 2;
    QTest::newRow("channel 0") << valid(R"("main_agent_channel_index":0)") << 2;
    QTest::newRow("transcript as JSON text") << body(R"({"call_id":"c","agent":1,
        "transcript_json":"[{\"role\":\"Main Agent\",\"content\":\"Hi\",\"start_time\":0,\"end_time\":1}]"})") << 1;
    QTest::newRow("unknown fields ignored") << valid(R"("shoe_size":44)") << 2;
}

void TestObserveRequest::acceptsValidBodies()
{
    QFETCH(QJsonObject, input);
    QFETCH(int, turns);
    const ObserveRequest request = ObserveRequest::parse(input);
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    QCOMPARE(request.call().turns.size(), turns);
}

void TestObserveRequest::readsEveryField()
{
    const ObserveRequest request = ObserveRequest::parse(valid(R"(
        "assistant_id":"asst_9", "trace_id":"0123456789ABCDEF0123456789abcdef",
        "voice_recording_url":"https://example.com/r.wav", "call_ended_reason":"customer-ended-call",
        "customer_number":"+14155550100", "metadata":{"team":"qa"}, "dynamic_variables":{"name":"Ana"},
        "timestamp":"2026-11-25T10:00:00Z", "feedback":"fine", "redact_fields":["ssn","email_address"],
        "metric_ids":"3, 4", "main_agent_channel_index":1, "status":"reviewed_failure")"));
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    const CallLog &call = request.call();
    QCOMPARE(call.callId, QStringLiteral("c-1"));
    QCOMPARE(call.agent, std::optional<qint64>(7));
    QCOMPARE(call.agentKey(), QStringLiteral("agent:7"));
    QCOMPARE(call.assistantId, QStringLiteral("asst_9"));
    QCOMPARE(call.traceId, QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(call.voiceRecordingUrl, QStringLiteral("https://example.com/r.wav"));
    QCOMPARE(call.callEndedReason, QStringLiteral("customer-ended-call"));
    QCOMPARE(call.customerNumber, QStringLiteral("+14155550100"));
    QCOMPARE(call.metadata.value(QStringLiteral("team")).toString(), QStringLiteral("qa"));
    QCOMPARE(call.dynamicVariables.value(QStringLiteral("name")).toString(), QStringLiteral("Ana"));
    QCOMPARE(call.timestamp, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
    QCOMPARE(call.feedback, std::optional<QString>(QStringLiteral("fine")));
    QCOMPARE(call.redactFields, (QStringList{QStringLiteral("ssn"), QStringLiteral("email_address")}));
    QCOMPARE(call.metricIds, (QList<qint64>{3, 4}));
    QCOMPARE(call.mainAgentChannelIndex, std::optional<int>(1));
    QCOMPARE(call.status, std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure));
    QCOMPARE(call.durationSeconds, 5.8);
}

void TestObserveRequest::readsAnnotations()
{
    const ObserveRequest request = ObserveRequest::parse(valid(R"("annotations":[
        {"turn_index":1,"label":"hallucination","note":"no such offer","created_at":"2026-11-25T10:01:02.500Z"},
        {"turn_index":0,"label":"good"}])"));
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    const QList<TurnLabel> labels = request.call().annotations.value();
    QCOMPARE(labels.size(), 2);
    QCOMPARE(labels[0].turnIndex, 1);
    QCOMPARE(labels[0].label, QStringLiteral("hallucination"));
    QCOMPARE(labels[0].note, QStringLiteral("no such offer"));
    QCOMPARE(labels[0].createdAt, QDateTime(QDate(2026, 11, 25), QTime(10, 1, 2, 500), Qt::UTC));
    QCOMPARE(labels[1].note, QString());
    QVERIFY(!labels[1].createdAt.isValid());
    QCOMPARE(TurnLabel::listToJson(labels).at(0).toObject().value(u"created_at"_s).toString(),
             QStringLiteral("2026-11-25T10:01:02.500Z"));
    // Without the field, nothing is said about labels (the stored ones stay).
    QVERIFY(!ObserveRequest::parse(valid()).call().annotations);
    const auto none = ObserveRequest::parse(valid(R"("annotations":[])")).call().annotations;
    QVERIFY(none && none->isEmpty());   // an empty list: the call has no labels
}

void TestObserveRequest::negativeTurnIndexSaysSo()
{
    const ObserveRequest request = ObserveRequest::parse(valid(R"("annotations":[{"turn_index":0,"label":"good"},
        {"turn_index":1,"label":"good"},{"turn_index":-1,"label":"x"}])"));
    QCOMPARE(request.errors().summary(), QStringLiteral("annotations[2].turn_index: Must be a non-negative integer."));
}

void TestObserveRequest::functionCallsKeepTheirData()
{
    const ObserveRequest request = ObserveRequest::parse(body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Function Call","content":"","start_time":6.2,"end_time":6.2,
         "data":{"id":"tc_1","name":"reschedule","arguments":{"day":"fri"}}},
        {"role":"Function Call Result","start_time":6.9,"end_time":6.9,"data":{"id":"tc_1","name":"reschedule","result":"ok"}}]})"));
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    const Turns &turns = request.call().turns;
    QCOMPARE(turns.size(), 2);
    QCOMPARE(turns.at(0).role, Turn::Role::FunctionCall);
    // An object passed as arguments is kept as the API's JSON string.
    QCOMPARE(turns.at(0).data.value(QStringLiteral("arguments")).toString(), QStringLiteral(R"({"day":"fri"})"));
    QCOMPARE(turns.at(1).role, Turn::Role::FunctionCallResult);
    QCOMPARE(turns.at(1).data.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(request.call().transcriptText(),
             QStringLiteral("[00:06] Function Call: reschedule({\"day\":\"fri\"})\n[00:07] Function Call Result: reschedule -> ok"));
}

void TestObserveRequest::missingTimesFollowTheGeneralRules()
{
    const ObserveRequest request = ObserveRequest::parse(body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Testing Agent","content":"Hi","start_time":2.0},
        {"role":"Main Agent","content":"Hello","start_time":0.5,"end_time":1.5},
        {"role":"Function Call","content":"","data":{"id":"t","name":"look","arguments":"{}"}},
        {"role":"Main Agent","content":"Done","start_time":4.0}]})"));
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    const Turns &turns = request.call().turns;
    QCOMPARE(turns.size(), 4);
    // Sorted by start; a missing end is the next start; a tool entry takes the previous end.
    QCOMPARE(turns.at(0).content, QStringLiteral("Hello"));
    QCOMPARE(turns.at(1).role, Turn::Role::FunctionCall);
    QCOMPARE(turns.at(1).startTime, 1.5);
    QCOMPARE(turns.at(1).endTime, 1.5);
    QCOMPARE(turns.at(2).content, QStringLiteral("Hi"));
    QCOMPARE(turns.at(2).endTime, 4.0);
    QCOMPARE(turns.at(3).endTime, 4.0);
}

void TestObserveRequest::formEncodingDecodesStrings()
{
    ObserveRequest::Options options;
    options.encoding = ObserveRequest::Encoding::Form;
    const ObserveRequest request = ObserveRequest::parse(body(R"({"call_id":"c","agent":"12",
        "main_agent_channel_index":"0", "metadata":"{\"a\":1}", "redact_fields":"ssn,email_address",
        "transcript_json":"[{\"role\":\"Main Agent\",\"content\":\"Hi\",\"start_time\":0,\"end_time\":1}]"})"),
                                                         options);
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    QCOMPARE(request.call().agent, std::optional<qint64>(12));
    QCOMPARE(request.call().mainAgentChannelIndex, std::optional<int>(0));
    QCOMPARE(request.call().metadata.value(QStringLiteral("a")).toInt(), 1);
    QCOMPARE(request.call().redactFields.size(), 2);
    QCOMPARE(request.call().turns.size(), 1);

    const ObserveRequest bad = ObserveRequest::parse(body(R"({"call_id":"c","agent":"x12","metadata":"{oops"})"), options);
    QVERIFY(bad.errors().contains(QStringLiteral("agent")));
    QVERIFY(bad.errors().contains(QStringLiteral("metadata")));
}

void TestObserveRequest::lenientRolesAreOptIn()
{
    const QJsonObject input = body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"assistant","content":"Hi","start_time":0,"end_time":1},{"role":"user","content":"Yo","start_time":1,"end_time":2}]})");
    QVERIFY(!ObserveRequest::parse(input).isValid());
    ObserveRequest::Options options;
    options.lenientRoles = true;
    const ObserveRequest request = ObserveRequest::parse(input, options);
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    QCOMPARE(request.call().turns.at(0).role, Turn::Role::MainAgent);
    QCOMPARE(request.call().turns.at(1).role, Turn::Role::TestingAgent);
}

void TestObserveRequest::defaultFormatErrorNamesTheTurn()
{
    const ObserveRequest request = ObserveRequest::parse(body(R"({"call_id":"c","agent":1,"transcript_json":[
        {"role":"Main Agent","content":"a","start_time":0,"end_time":1},
        {"role":"Main Agent","content":"b","start_time":1,"end_time":2},
        {"role":"Main Agent","content":"c","start_time":2,"end_time":3},
        {"role":"agent","content":"d","start_time":3,"end_time":4}]})"));
    QCOMPARE(request.errors().fields(), QStringList{QStringLiteral("transcript_json[3].role")});
    QVERIFY(request.errors().messages(QStringLiteral("transcript_json[3].role")).constFirst().contains(QStringLiteral("Main Agent")));
    QCOMPARE(request.errors().toJson().value(QStringLiteral("transcript_json[3].role")).toArray().size(), 1);
}

void TestObserveRequest::audioOnlyCallsNeedARecording_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<bool>("uploaded");
    QTest::addColumn<QString>("errorField");

    QTest::newRow("url") << body(R"({"call_id":"a","agent":1,"transcript_type":"none-mono","voice_recording_url":"https://x.test/a.mp3"})")
                         << false << QString();
    QTest::newRow("file path") << body(R"({"call_id":"a","agent":1,"transcript_type":"none-mono","voice_recording":"a.wav"})")
                               << false << QString();
    QTest::newRow("upload") << body(R"({"call_id":"a","agent":1,"transcript_type":"none-mono"})") << true << QString();
    QTest::newRow("no audio") << body(R"({"call_id":"a","agent":1,"transcript_type":"none-mono"})") << false
                              << "voice_recording";
    QTest::newRow("with a transcript") << body(R"({"call_id":"a","agent":1,"transcript_type":"none-mono",
        "voice_recording_url":"https://x.test/a.mp3","transcript_json":[]})") << false << "transcript_json";
}

void TestObserveRequest::audioOnlyCallsNeedARecording()
{
    QFETCH(QJsonObject, input);
    QFETCH(bool, uploaded);
    QFETCH(QString, errorField);
    ObserveRequest::Options options;
    options.hasUploadedRecording = uploaded;
    const ObserveRequest request = ObserveRequest::parse(input, options);
    if (!errorField.isEmpty()) {
        QCOMPARE(request.errors().fields(), QStringList{errorField});
        return;
    }
    QVERIFY2(request.isValid(), qPrintable(request.errors().summary()));
    QVERIFY(request.call().turns.isEmpty());
    // Stored with an empty transcript, marked for the transcription that comes later.
    QCOMPARE(request.call().errorMessage, ObserveRequest::kTranscriptionPending);
    QCOMPARE(request.call().toResponseJson().value(QStringLiteral("error_message")).toString(),
             QStringLiteral("transcription pending"));
}

QTEST_GUILESS_MAIN(TestObserveRequest)
#include "tst_observerequest.moc"
