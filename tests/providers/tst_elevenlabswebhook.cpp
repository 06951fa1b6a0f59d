#include "providers/elevenlabswebhook.h"

#include "webhooktestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace WebhookTestSupport;

class TestElevenLabsWebhook : public QObject
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

const QByteArray kBody = R"({"type":"post_call_transcription","data":{"conversation_id":"x"}})";
const QString kSecret = QStringLiteral("wsec_abc");

// HMAC-SHA256(kSecret, "1767000000." + kBody), computed independently with openssl.
const QByteArray kDigest = "a726884c06f89b15180e43424a6d86ae3c6f50f9a6a9f8e14895644f1f6d9b9e";

} // namespace

void TestElevenLabsWebhook::verify_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");

    QTest::newRow("valid") << R"({"elevenlabs-signature":"t=1767000000,v0=)" + kDigest + R"("})" << kSecret << true << "";
    QTest::newRow("29 minutes old passes the age check")
        << QByteArray(R"({"elevenlabs-signature":"t=1766998260,v0=00"})") << kSecret << false << "signature does not match";
    QTest::newRow("45 minutes old")
        << QByteArray(R"({"elevenlabs-signature":"t=1766997300,v0=00"})") << kSecret << false << "signature timestamp is 45 minutes old";
    QTest::newRow("wrong secret") << R"({"elevenlabs-signature":"t=1767000000,v0=)" + kDigest + R"("})" << "nope" << false
                                  << "signature does not match";
    QTest::newRow("missing header") << QByteArray(R"({"x-retell-signature":"v=1,d=2"})") << kSecret << false
                                    << "missing elevenlabs-signature header";
    QTest::newRow("malformed header") << QByteArray(R"({"elevenlabs-signature":"v0=abc"})") << kSecret << false << "malformed";
    QTest::newRow("no secret configured") << QByteArray("{}") << "" << true << "not checked";
}

void TestElevenLabsWebhook::verify()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, secret);
    QFETCH(bool, ok);
    QFETCH(QString, reason);

    const WebhookVerification result = ElevenLabsWebhook().verify(WebhookTestSupport::headers(headers), kBody, secret, now());
    QCOMPARE(result.ok, ok);
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
}

void TestElevenLabsWebhook::signedRequestVerifies()
{
    const ElevenLabsWebhook webhook;
    const WebhookHeaders signature = webhook.sign(kBody, kSecret, now());
    QCOMPARE(signature.value(QStringLiteral("elevenlabs-signature")), QStringLiteral("t=1767000000,v0=") + QString::fromLatin1(kDigest));
    QCOMPARE(webhook.verify(signature, kBody, kSecret, now().addSecs(600)).ok, true);
}

void TestElevenLabsWebhook::map_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("final");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("errorFields");

    QTest::newRow("post_call_audio is not final")
        << QByteArray(R"({"type":"post_call_audio","data":{"conversation_id":"x","full_audio":"AAAA"}})") << false << "post_call_audio" << "";
    QTest::newRow("call_initiation_failure is not final")
        << QByteArray(R"({"type":"call_initiation_failure","data":{}})") << false << "call_initiation_failure" << "";
    QTest::newRow("missing conversation_id")
        << QByteArray(R"({"type":"post_call_transcription","data":{"agent_id":"a","transcript":[]}})") << true << "post_call_transcription"
        << "data.conversation_id";
    QTest::newRow("missing data") << QByteArray(R"({"type":"post_call_transcription"})") << true << "post_call_transcription" << "data";
    QTest::newRow("missing type") << QByteArray(R"({"data":{}})") << false << "" << "type";
}

void TestElevenLabsWebhook::map()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, final);
    QFETCH(QString, event);
    QFETCH(QString, errorFields);

    const WebhookMapping mapping = ElevenLabsWebhook().map(body, QString());
    QCOMPARE(mapping.isFinalEvent, final);
    QCOMPARE(mapping.eventName, event);
    QCOMPARE(mapping.errors.fields().join(u','), errorFields);
    if (!final)
        QCOMPARE(mapping.observeBody, QJsonObject());
}

void TestElevenLabsWebhook::mappedCallPassesTheValidator()
{
    const WebhookMapping mapping =
        ElevenLabsWebhook().map(sample(QStringLiteral("formats/elevenlabs/post_call_transcription.json")), QStringLiteral("42"));
    QCOMPARE(mapping.errors.summary(), QString());
    const QJsonObject &body = mapping.observeBody;
    QCOMPARE(body.value(QStringLiteral("call_id")).toString(), QStringLiteral("conv_5901k2xyz"));
    QCOMPARE(body.value(QStringLiteral("agent")).toInteger(), 42);
    QCOMPARE(body.value(QStringLiteral("customer_number")).toString(), QStringLiteral("+14155550123"));
    QCOMPARE(body.value(QStringLiteral("call_ended_reason")).toString(), QStringLiteral("end_call tool was called."));
    QCOMPARE(body.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2025-12-29T09:20:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("dynamic_variables")).toObject().value(QStringLiteral("customer_name")).toString(), QStringLiteral("Lee"));
    QCOMPARE(body.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("duration_seconds")).toInt(), 18);
    const ObserveRequest request = ObserveRequest::parse(body);
    QCOMPARE(request.errors().summary(), QString());
    QCOMPARE(request.call().turns.size(), 6);
}

QTEST_GUILESS_MAIN(TestElevenLabsWebhook)
#include "tst_elevenlabswebhook.moc"
