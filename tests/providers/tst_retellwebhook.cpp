#include "providers/retellwebhook.h"

#include "webhooktestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace WebhookTestSupport;

class TestRetellWebhook : public QObject
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

namespace {

const QByteArray kBody = R"({"event":"call_analyzed","call":{"call_id":"c1"}})";
const QString kSecret = QStringLiteral("key_webhook_123");

// HMAC-SHA256(kSecret, kBody + "1767000000000"), computed independently with openssl.
const QByteArray kDigest = "3d1054af3ecf8bd972c90c476dbb00a955f7a2f1e50152b5eff58181d8b81ebb";

} // namespace

void TestRetellWebhook::verify_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");

    QTest::newRow("valid") << R"({"x-retell-signature":"v=1767000000000,d=)" + kDigest + R"("})" << kSecret << true << "";
    QTest::newRow("upper-case hex digest")
        << R"({"x-retell-signature":"v=1767000000000,d=)" + kDigest.toUpper() + R"("})" << kSecret << true << "";
    QTest::newRow("4 minutes old passes the age check")
        << QByteArray(R"({"x-retell-signature":"v=1766999760000,d=00"})") << kSecret << false << "signature does not match";
    QTest::newRow("12 minutes old")
        << QByteArray(R"({"x-retell-signature":"v=1766999280000,d=00"})") << kSecret << false << "signature timestamp is 12 minutes old";
    QTest::newRow("6 minutes in the future")
        << QByteArray(R"({"x-retell-signature":"v=1767000360001,d=00"})") << kSecret << false << "6 minutes in the future";
    QTest::newRow("wrong secret") << R"({"x-retell-signature":"v=1767000000000,d=)" + kDigest + R"("})" << "other" << false
                                  << "signature does not match";
    QTest::newRow("missing header") << QByteArray("{}") << kSecret << false << "missing x-retell-signature header";
    QTest::newRow("malformed header") << QByteArray(R"({"x-retell-signature":"sha256=abc"})") << kSecret << false << "malformed";
    QTest::newRow("PEM key") << QByteArray("{}") << "-----BEGIN PUBLIC KEY-----" << false << "not supported";
    QTest::newRow("no secret configured") << QByteArray("{}") << "" << true << "not checked";
}

void TestRetellWebhook::verify()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, secret);
    QFETCH(bool, ok);
    QFETCH(QString, reason);

    const WebhookVerification result = RetellWebhook().verify(WebhookTestSupport::headers(headers), kBody, secret, now());
    QCOMPARE(result.ok, ok);
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
}

void TestRetellWebhook::signedRequestVerifies()
{
    const RetellWebhook webhook;
    const WebhookHeaders signature = webhook.sign(kBody, kSecret, now());
    QCOMPARE(signature.value(QStringLiteral("x-retell-signature")), QStringLiteral("v=1767000000000,d=") + QString::fromLatin1(kDigest));
    QCOMPARE(webhook.verify(signature, kBody, kSecret, now().addSecs(120)).ok, true);
    QCOMPARE(webhook.verify(signature, kBody + " ", kSecret, now()).reason, QStringLiteral("signature does not match"));
}

void TestRetellWebhook::map_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<bool>("final");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("errorFields");
    QTest::addColumn<QByteArray>("expectedBody");

    QTest::newRow("call_started is not final") << QByteArray(R"({"event":"call_started","call":{"call_id":"c"}})") << "" << false
                                               << "call_started" << "" << QByteArray("{}");
    QTest::newRow("call_ended is not final") << QByteArray(R"({"event":"call_ended","call":{"call_id":"c"}})") << "" << false
                                             << "call_ended" << "" << QByteArray("{}");
    QTest::newRow("transcript_updated is not final") << QByteArray(R"({"event":"transcript_updated","call":{}})") << "" << false
                                                     << "transcript_updated" << "" << QByteArray("{}");
    QTest::newRow("outbound call, numeric agent from query, mono recording only")
        << QByteArray(R"({"event":"call_analyzed","call":{"call_id":"c9","agent_id":"agent_x","direction":"outbound","from_number":"+1000",
                        "to_number":"+1999","recording_url":"https://r.example/m.wav","transcript_object":[],"start_timestamp":1767000000000,
                        "end_timestamp":1767000004500}})")
        << "12" << true << "call_analyzed" << ""
        << QByteArray(R"({"call_id":"c9","agent":12,"customer_number":"+1999","voice_recording_url":"https://r.example/m.wav",
                         "transcript_type":"retell","transcript_json":[],"timestamp":"2025-12-29T09:20:00.000Z",
                         "metadata":{"provider":"retell","duration_seconds":4.5}})");
    QTest::newRow("start_timestamp out of range") << QByteArray(R"({"event":"call_analyzed","call":{"call_id":"c","start_timestamp":1.767e20}})")
                                                  << "7" << true << "call_analyzed" << "call.start_timestamp" << QByteArray();
    QTest::newRow("start_timestamp not finite in seconds") << QByteArray(R"({"event":"call_analyzed","call":{"call_id":"c","start_timestamp":1e300}})")
                                                           << "7" << true << "call_analyzed" << "call.start_timestamp" << QByteArray();
    QTest::newRow("missing call_id") << QByteArray(R"({"event":"call_analyzed","call":{"agent_id":"a"}})") << "" << true
                                     << "call_analyzed" << "call.call_id" << QByteArray();
    QTest::newRow("no agent anywhere") << QByteArray(R"({"event":"call_analyzed","call":{"call_id":"c"}})") << "" << true
                                       << "call_analyzed" << "agent_id" << QByteArray();
    QTest::newRow("missing event") << QByteArray(R"({"call":{"call_id":"c"}})") << "" << false << "" << "event" << QByteArray();
    QTest::newRow("not JSON") << QByteArray("{nope") << "" << false << "" << "" << QByteArray();
}

void TestRetellWebhook::map()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, agentId);
    QFETCH(bool, final);
    QFETCH(QString, event);
    QFETCH(QString, errorFields);
    QFETCH(QByteArray, expectedBody);

    const WebhookMapping mapping = RetellWebhook().map(body, agentId);
    QCOMPARE(mapping.isFinalEvent, final);
    QCOMPARE(mapping.eventName, event);
    if (body.startsWith("{nope")) {
        QCOMPARE(mapping.errors.fields(), QStringList{QString()});
        return;
    }
    QCOMPARE(mapping.errors.fields().join(u','), errorFields);
    if (!expectedBody.isNull())
        QCOMPARE(QJsonDocument(mapping.observeBody).toJson(), QJsonDocument::fromJson(expectedBody).toJson());
}

void TestRetellWebhook::mappedCallPassesTheValidator()
{
    const WebhookMapping mapping = RetellWebhook().map(sample(QStringLiteral("formats/retell/call_analyzed_webhook.json")), QString());
    QCOMPARE(mapping.errors.summary(), QString());
    QCOMPARE(mapping.observeBody.value(QStringLiteral("voice_recording_url")).toString(),
             QStringLiteral("https://retellai.s3.us-west-2.amazonaws.com/r/recording_multichannel.wav"));
    QCOMPARE(mapping.observeBody.value(QStringLiteral("call_ended_reason")).toString(), QStringLiteral("user_hangup"));
    QCOMPARE(mapping.observeBody.value(QStringLiteral("customer_number")).toString(), QStringLiteral("+12137771234"));
    QCOMPARE(mapping.observeBody.value(QStringLiteral("assistant_id")).toString(), QStringLiteral("oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"));
    const ObserveRequest request = ObserveRequest::parse(mapping.observeBody);
    QCOMPARE(request.errors().summary(), QString());
    QCOMPARE(request.call().turns.size(), 5);
    QCOMPARE(request.call().metadata.value(QStringLiteral("analysis")).toObject().value(QStringLiteral("call_successful")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestRetellWebhook)
#include "tst_retellwebhook.moc"
