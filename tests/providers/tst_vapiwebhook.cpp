#include "providers/vapiwebhook.h"

#include "webhooktestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace WebhookTestSupport;

class TestVapiWebhook : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void signedRequestVerifies();
    void map_data();
    void map();
    void mappedCallPassesTheValidator();
};

void TestVapiWebhook::verify_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");

    QTest::newRow("x-vapi-secret") << QByteArray(R"({"x-vapi-secret":"s3cret"})") << true << "";
    QTest::newRow("bearer token") << QByteArray(R"({"authorization":"Bearer s3cret"})") << true << "";
    QTest::newRow("token without Bearer prefix") << QByteArray(R"({"authorization":"s3cret"})") << true << "";
    QTest::newRow("wrong x-vapi-secret") << QByteArray(R"({"x-vapi-secret":"s3cre"})") << false << "x-vapi-secret header does not match";
    QTest::newRow("wrong bearer token") << QByteArray(R"({"authorization":"Bearer x"})") << false << "bearer token does not match";
    QTest::newRow("no credentials") << QByteArray(R"({"content-type":"application/json"})") << false
                                    << "missing x-vapi-secret or authorization header";
}

void TestVapiWebhook::verify()
{
    QFETCH(QByteArray, headers);
    QFETCH(bool, ok);
    QFETCH(QString, reason);

    const WebhookVerification result = VapiWebhook().verify(WebhookTestSupport::headers(headers), "{}", QStringLiteral("s3cret"), now());
    QCOMPARE(result.ok, ok);
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
}

void TestVapiWebhook::signedRequestVerifies()
{
    const VapiWebhook webhook;
    const WebhookHeaders signature = webhook.sign("{}", QStringLiteral("abc"), now());
    QCOMPARE(webhook.verify(signature, "{}", QStringLiteral("abc"), now()).ok, true);
    QCOMPARE(webhook.verify(signature, "{}", QStringLiteral("abd"), now()).ok, false);
    QCOMPARE(webhook.verify({}, "{}", QString(), now()).ok, true);
}

void TestVapiWebhook::map_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<bool>("final");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("errorFields");
    QTest::addColumn<QByteArray>("expectedBody");

    QTest::newRow("status-update is not final")
        << QByteArray(R"({"message":{"type":"status-update","status":"in-progress","call":{"id":"c"}}})") << "" << false << "status-update" << ""
        << QByteArray("{}");
    QTest::newRow("transcript is not final")
        << QByteArray(R"({"message":{"type":"transcript","role":"user","transcript":"hi"}})") << "" << false << "transcript" << "" << QByteArray("{}");
    QTest::newRow("report with mono recording and string agent id")
        << QByteArray(R"({"message":{"type":"end-of-call-report","call":{"id":"c5","assistantId":"asst_1"},"endedReason":"assistant-ended-call",
                        "startedAt":"2026-01-05T10:00:00Z","endedAt":"2026-01-05T10:01:30Z","artifact":{"recordingUrl":"https://v.example/m.wav","messages":[]}}})")
        << "asst_override" << true << "end-of-call-report" << ""
        << QByteArray(R"({"call_id":"c5","assistant_id":"asst_override","voice_recording_url":"https://v.example/m.wav","transcript_type":"vapi",
                         "transcript_json":[],"call_ended_reason":"assistant-ended-call","timestamp":"2026-01-05T10:00:00.000Z",
                         "metadata":{"provider":"vapi","duration_seconds":90}})");
    QTest::newRow("long endedReason is cut to 100 characters")
        << QByteArray(R"({"message":{"type":"end-of-call-report","call":{"id":"c"},"endedReason":")") + QByteArray(150, 'x') + R"("}})"
        << "1" << true << "end-of-call-report" << ""
        << R"({"call_id":"c","agent":1,"call_ended_reason":")" + QByteArray(100, 'x') + R"(","metadata":{"provider":"vapi"}})";
    QTest::newRow("report without call id") << QByteArray(R"({"message":{"type":"end-of-call-report","call":{}}})") << "7" << true
                                            << "end-of-call-report" << "message.call.id" << QByteArray();
    QTest::newRow("not a server message") << QByteArray(R"({"type":"end-of-call-report"})") << "" << false << "" << "message" << QByteArray();
}

void TestVapiWebhook::map()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, agentId);
    QFETCH(bool, final);
    QFETCH(QString, event);
    QFETCH(QString, errorFields);
    QFETCH(QByteArray, expectedBody);

    const WebhookMapping mapping = VapiWebhook().map(body, agentId);
    QCOMPARE(mapping.isFinalEvent, final);
    QCOMPARE(mapping.eventName, event);
    QCOMPARE(mapping.errors.fields().join(u','), errorFields);
    if (!expectedBody.isNull())
        QCOMPARE(QJsonDocument(mapping.observeBody).toJson(), QJsonDocument::fromJson(expectedBody).toJson());
}

void TestVapiWebhook::mappedCallPassesTheValidator()
{
    const WebhookMapping mapping = VapiWebhook().map(sample(QStringLiteral("formats/vapi/end_of_call_report.json")), QString());
    QCOMPARE(mapping.errors.summary(), QString());
    const QJsonObject &body = mapping.observeBody;
    QCOMPARE(body.value(QStringLiteral("voice_recording_url")).toString(), QStringLiteral("https://storage.vapi.ai/rec-stereo.wav"));
    QCOMPARE(body.value(QStringLiteral("assistant_id")).toString(), QStringLiteral("asst_acme"));
    QCOMPARE(body.value(QStringLiteral("customer_number")).toString(), QStringLiteral("+15551230000"));
    QCOMPARE(body.value(QStringLiteral("call_ended_reason")).toString(), QStringLiteral("customer-ended-call"));
    QCOMPARE(body.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("analysis")).toObject().value(QStringLiteral("summary")).toString(),
             QStringLiteral("Caller cancelled tomorrow's appointment."));
    const ObserveRequest request = ObserveRequest::parse(body);
    QCOMPARE(request.errors().summary(), QString());
    QCOMPARE(request.call().turns.size(), 6);
}

QTEST_GUILESS_MAIN(TestVapiWebhook)
#include "tst_vapiwebhook.moc"
