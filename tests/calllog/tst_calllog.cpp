// CallLog's JSON out: the API's response shape, and observe bodies that parse back.

#include "calllog/calllog.h"
#include "calllog/calllogjsonwriter.h"
#include "ingest/observerequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestCallLog : public QObject
{
    Q_OBJECT

private slots:
    void formatsDuration_data();
    void formatsDuration();
    void derivesSuccessAndReviewFromStatus_data();
    void derivesSuccessAndReviewFromStatus();
    void responseHasEveryField();
    void writerKeepsTextAndNumbers();
    void observeJsonRoundTrips();
};

void TestCallLog::formatsDuration_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "00:00";
    QTest::newRow("rounds") << 59.6 << "01:00";
    QTest::newRow("minutes") << 754.0 << "12:34";
    QTest::newRow("over an hour stays MM:SS") << 3723.0 << "62:03";
    QTest::newRow("negative clamps") << -4.0 << "00:00";
}

void TestCallLog::formatsDuration()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(CallLog::formatDuration(seconds), text);
}

void TestCallLog::derivesSuccessAndReviewFromStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QJsonValue>("success");
    QTest::addColumn<bool>("reviewed");
    QTest::newRow("none") << QString() << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("success") << "success" << QJsonValue(true) << false;
    QTest::newRow("failure") << "failure" << QJsonValue(false) << false;
    QTest::newRow("reviewed_success") << "reviewed_success" << QJsonValue(true) << true;
    QTest::newRow("reviewed_failure") << "reviewed_failure" << QJsonValue(false) << true;
}

void TestCallLog::derivesSuccessAndReviewFromStatus()
{
    QFETCH(QString, status);
    QFETCH(QJsonValue, success);
    QFETCH(bool, reviewed);
    CallLog call;
    call.status = ReviewStatuses::fromName(status);
    const QJsonObject json = call.toResponseJson();
    QCOMPARE(json.value(QStringLiteral("success")), success);
    QCOMPARE(json.value(QStringLiteral("is_reviewed")).toBool(), reviewed);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), status);
}

void TestCallLog::responseHasEveryField()
{
    CallLog call;
    call.id = 42;
    call.callId = QStringLiteral("c-9");
    call.agent = 5;
    call.durationSeconds = 75;
    call.turns = {Turn{Turn::Role::MainAgent, QStringLiteral("Hi there"), 1.2, 2.0, {}, {}, {}},
                  Turn{Turn::Role::TestingAgent, QStringLiteral("Hello"), 65.0, 66.0, {}, {}, {}}};
    const QJsonObject json = call.toResponseJson();
    for (const char *field : {"id", "call_id", "duration", "success", "is_reviewed", "status", "feedback", "metrics",
                              "call_ended_reason", "customer_number", "agent", "agent_name", "trace_id", "timestamp",
                              "error_message", "dropoff_point", "topic", "created_at", "updated_at", "transcript",
                              "transcript_object", "evaluation"})
        QVERIFY2(json.contains(QLatin1String(field)), field);
    QCOMPARE(json.value(QStringLiteral("id")).toInteger(), 42);
    QCOMPARE(json.value(QStringLiteral("duration")).toString(), QStringLiteral("01:15"));
    QCOMPARE(json.value(QStringLiteral("transcript")).toString(),
             QStringLiteral("[00:01] Main Agent: Hi there\n[01:05] Testing Agent: Hello"));
    QCOMPARE(json.value(QStringLiteral("transcript_object")).toArray().size(), 2);
    QCOMPARE(json.value(QStringLiteral("transcript_object")).toArray().at(0).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("Main Agent"));

    const QJsonObject detail = call.toDetailJson();
    QCOMPARE(detail.value(QStringLiteral("agent_id")).toString(), QStringLiteral("5"));
    QVERIFY(detail.contains(QStringLiteral("metadata")));
    QVERIFY(detail.contains(QStringLiteral("voice_recording_url")));
}

void TestCallLog::writerKeepsTextAndNumbers()
{
    const QString awkward = QStringLiteral("She said \"no\" \\ then\n\tleft") + QChar(0) + QStringLiteral(" \u00e9 \U0001F600");
    CallLog call;
    call.id = 7;
    call.callId = awkward;
    call.assistantId = QStringLiteral("asst_1");
    call.mainAgentChannelIndex = 0;
    call.metadata = {{QStringLiteral("nested"), QJsonObject{{QStringLiteral("n"), 1.5}}}};
    MetricResult metric;
    metric.metricId = 3;
    metric.name = QStringLiteral("Politeness");
    metric.score = 0.75;
    call.metrics = {metric};
    call.turns = {Turn{Turn::Role::MainAgent, awkward, 3.0, 4.25, {}, {}, {}},
                  Turn{Turn::Role::FunctionCallResult, QString(), 5.0, qQNaN(),
                       {{QStringLiteral("name"), QStringLiteral("lookup")}, {QStringLiteral("result"), 2}}, {}, {}}};

    const QByteArray bytes = CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Detail);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(bytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QStringLiteral("call_id")).toString(), awkward);
    QVERIFY(bytes.contains(R"("start_time":3,"end_time":4.25)"));   // whole seconds as integers
    const QJsonArray turns = json.value(QStringLiteral("transcript_object")).toArray();
    QCOMPARE(turns.at(0).toObject().value(QStringLiteral("content")).toString(), awkward);
    const QJsonObject result = turns.at(1).toObject();
    QVERIFY(!result.contains(QStringLiteral("content")));
    QVERIFY(result.value(QStringLiteral("end_time")).isNull());   // JSON has no NaN
    QCOMPARE(result.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("metadata")).toObject(), call.metadata);
    QCOMPARE(json.value(QStringLiteral("metrics")).toArray().at(0).toObject().value(QStringLiteral("score")).toDouble(), 0.75);
    QCOMPARE(json.value(QStringLiteral("evaluation")).toObject().value(QStringLiteral("metrics")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("agent")), QJsonValue(QJsonValue::Null));
    QCOMPARE(json.value(QStringLiteral("agent_id")).toString(), QStringLiteral("asst_1"));
    QCOMPARE(json.value(QStringLiteral("testing_channel_index")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("transcript")).toString(),
             QStringLiteral("[00:03] Main Agent: ") + awkward + QStringLiteral("\n[00:05] Function Call Result: lookup -> 2"));
    // The response shape is the detail shape without the stored request fields.
    const QJsonObject response = QJsonDocument::fromJson(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Response)).object();
    QVERIFY(!response.contains(QStringLiteral("metadata")));
    for (auto it = response.begin(); it != response.end(); ++it)
        QCOMPARE(json.value(it.key()), it.value());
}

void TestCallLog::observeJsonRoundTrips()
{
    CallLog call;
    call.callId = QStringLiteral("round-trip");
    call.assistantId = QStringLiteral("asst_7");
    call.traceId = QStringLiteral("0123456789abcdef0123456789abcdef");
    call.callEndedReason = QStringLiteral("assistant-ended-call");
    call.customerNumber = QStringLiteral("+15550100");
    call.metadata = {{QStringLiteral("k"), 1}};
    call.timestamp = QDateTime(QDate(2026, 11, 20), QTime(9, 30, 0, 250), Qt::UTC);
    call.feedback = QStringLiteral("good");
    call.status = ReviewStatus::ReviewedSuccess;
    call.redactFields = {QStringLiteral("ssn")};
    call.mainAgentChannelIndex = 1;
    // Words ride along as the cekura turns' words extension.
    call.turns = {Turn{Turn::Role::MainAgent, QStringLiteral("Hi there"), 0.5, 1.5, {},
                       {{QStringLiteral("Hi"), 0.5, 0.8}, {QStringLiteral("there"), 0.8, 1.0 + 1.0 / 3.0}}, {}},
                  Turn{Turn::Role::FunctionCall, QString(), 2.0, 2.0,
                       {{QStringLiteral("id"), QStringLiteral("t")}, {QStringLiteral("name"), QStringLiteral("f")},
                        {QStringLiteral("arguments"), QStringLiteral("{}")}}, {}, {}}};
    call.durationSeconds = call.transcriptDuration();

    const ObserveRequest parsed = ObserveRequest::parse(call.toObserveJson());
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errors().summary()));
    const CallLog &back = parsed.call();
    QCOMPARE(back.callId, call.callId);
    QCOMPARE(back.agentKey(), call.agentKey());
    QCOMPARE(back.traceId, call.traceId);
    QCOMPARE(back.timestamp, call.timestamp);
    QCOMPARE(back.feedback, call.feedback);
    QCOMPARE(back.status, call.status);
    QCOMPARE(back.redactFields, call.redactFields);
    QCOMPARE(back.mainAgentChannelIndex, call.mainAgentChannelIndex);
    QCOMPARE(back.metadata, call.metadata);
    QCOMPARE(back.turns, call.turns);
}

QTEST_GUILESS_MAIN(TestCallLog)
#include "tst_calllog.moc"
