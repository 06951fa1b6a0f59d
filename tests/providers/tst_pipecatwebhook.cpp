#include "providers/pipecatwebhook.h"

#include "webhooktestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace WebhookTestSupport;

// PipecatWebhook reads Callscope's own session body (SessionWebhookBody), since Pipecat
// documents no webhook; these cases pin that documented shape.
class TestPipecatWebhook : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void map_data();
    void map();
    void mappedCallPassesTheValidator();
};

namespace {

const QByteArray kSession = R"({"event":"call_ended","call_id":"s-1","agent_id":"7","started_at":1767000000,
  "transcript":[{"role":"assistant","content":"Hi!","start_time":0.3,"end_time":1.1},{"role":"user","content":"Hello.","start_time":1.5,"end_time":2.0}],
  "recording_url":"https://x.example/mono.wav","stereo_recording_url":"https://x.example/stereo.wav","ended_reason":"user_hangup",
  "customer_number":"+15550001111","duration_seconds":2.5,"metadata":{"campaign":"winter"},"egress_s3_key":"egress/s-1.ogg","room_name":"call-s-1"})";

} // namespace

void TestPipecatWebhook::verify_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");

    QTest::newRow("x-callscope-secret") << QByteArray(R"({"x-callscope-secret":"pw"})") << true << "";
    QTest::newRow("bearer token") << QByteArray(R"({"authorization":"Bearer pw"})") << true << "";
    QTest::newRow("wrong secret") << QByteArray(R"({"x-callscope-secret":"pw2"})") << false << "does not match";
    QTest::newRow("no credentials") << QByteArray("{}") << false << "missing x-callscope-secret or authorization header";
}

void TestPipecatWebhook::verify()
{
    QFETCH(QByteArray, headers);
    QFETCH(bool, ok);
    QFETCH(QString, reason);

    const PipecatWebhook webhook;
    const WebhookVerification result = webhook.verify(WebhookTestSupport::headers(headers), kSession, QStringLiteral("pw"), now());
    QCOMPARE(result.ok, ok);
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
    QCOMPARE(webhook.verify(webhook.sign(kSession, QStringLiteral("pw"), now()), kSession, QStringLiteral("pw"), now()).ok, true);
}

void TestPipecatWebhook::map_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("final");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("errorFields");

    QTest::newRow("final event") << kSession << true << "call_ended" << "";
    QTest::newRow("no event counts as final") << QByteArray(R"({"call_id":"s","agent_id":"a"})") << true << "call_ended" << "";
    QTest::newRow("other event is not final") << QByteArray(R"({"event":"call_started","call_id":"s"})") << false << "call_started" << "";
    QTest::newRow("missing id") << QByteArray(R"({"agent_id":"a"})") << true << "call_ended" << "call_id";
    QTest::newRow("missing agent") << QByteArray(R"({"call_id":"s"})") << true << "call_ended" << "agent_id";
}

void TestPipecatWebhook::map()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, final);
    QFETCH(QString, event);
    QFETCH(QString, errorFields);

    const WebhookMapping mapping = PipecatWebhook().map(body, QString());
    QCOMPARE(mapping.isFinalEvent, final);
    QCOMPARE(mapping.eventName, event);
    QCOMPARE(mapping.errors.fields().join(u','), errorFields);
}

void TestPipecatWebhook::mappedCallPassesTheValidator()
{
    const WebhookMapping mapping = PipecatWebhook().map(kSession, QString());
    QCOMPARE(mapping.errors.summary(), QString());
    const QJsonObject &body = mapping.observeBody;
    QCOMPARE(body.value(QStringLiteral("call_id")).toString(), QStringLiteral("s-1"));
    QCOMPARE(body.value(QStringLiteral("agent")).toInteger(), 7);
    QCOMPARE(body.value(QStringLiteral("transcript_type")).toString(), QStringLiteral("pipecat"));
    QCOMPARE(body.value(QStringLiteral("voice_recording_url")).toString(), QStringLiteral("https://x.example/stereo.wav"));
    QCOMPARE(body.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2025-12-29T09:20:00.000Z"));
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("campaign")).toString(), QStringLiteral("winter"));
    QCOMPARE(metadata.value(QStringLiteral("provider")).toString(), QStringLiteral("pipecat"));
    QCOMPARE(metadata.value(QStringLiteral("duration_seconds")).toDouble(), 2.5);
    const ObserveRequest request = ObserveRequest::parse(body);
    QCOMPARE(request.errors().summary(), QString());
    QCOMPARE(request.call().turns.size(), 2);
}

QTEST_GUILESS_MAIN(TestPipecatWebhook)
#include "tst_pipecatwebhook.moc"
