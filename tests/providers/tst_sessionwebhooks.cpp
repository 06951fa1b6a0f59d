#include "providers/livekitwebhook.h"
#include "providers/pipecatwebhook.h"
#include "providers/providerwebhooks.h"

#include "webhooktestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace WebhookTestSupport;

// LivekitWebhook and PipecatWebhook read Callscope's own session body
// (SessionWebhookBody), since neither provider documents a post-call webhook; these
// cases pin that documented shape, once for each, with their own event and id names.
class TestSessionWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void map_data();
    void map();
    void mappedCallPassesTheValidator_data();
    void mappedCallPassesTheValidator();
};

namespace {

struct Provider
{
    const char *name;
    const ProviderWebhook *webhook;
    const char *idField;
    const char *finalEvent;
    const char *startEvent;
    QByteArray session;
};

QList<Provider> providers()
{
    static const LivekitWebhook livekit;
    static const PipecatWebhook pipecat;
    const QByteArray common = R"("agent_id":"7","started_at":1767000000,
      "recording_url":"https://x.example/mono.wav","stereo_recording_url":"https://x.example/stereo.wav","ended_reason":"user_hangup",
      "customer_number":"+15550001111","duration_seconds":2.5,"metadata":{"campaign":"winter"})";
    return {
        {"livekit", &livekit, "session_id", "session_ended", "session_started",
         R"({"event":"session_ended","session_id":"s-1","egress_s3_key":"egress/s-1.ogg","room_name":"call-s-1",
           "history":{"items":[{"type":"message","role":"assistant","content":["Hi!"],"created_at":1767000000.5},{"type":"message","role":"user","content":["Hello."],"created_at":1767000002.0}]},)"
             + common + "}"},
        {"pipecat", &pipecat, "call_id", "call_ended", "call_started",
         R"({"event":"call_ended","call_id":"s-1",
           "transcript":[{"role":"assistant","content":"Hi!","start_time":0.3,"end_time":1.1},{"role":"user","content":"Hello.","start_time":1.5,"end_time":2.0}],)"
             + common + "}"},
    };
}

QString rowName(const Provider &provider, const char *what)
{
    return QLatin1String(provider.name) + QLatin1String(": ") + QLatin1String(what);
}

} // namespace

void TestSessionWebhooks::verify_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");

    for (const Provider &p : providers()) {
        const QString name = QLatin1String(p.name);
        QTest::newRow(qPrintable(rowName(p, "x-callscope-secret"))) << name << QByteArray(R"({"x-callscope-secret":"pw"})") << true << "";
        QTest::newRow(qPrintable(rowName(p, "bearer token"))) << name << QByteArray(R"({"authorization":"Bearer pw"})") << true << "";
        QTest::newRow(qPrintable(rowName(p, "wrong secret"))) << name << QByteArray(R"({"x-callscope-secret":"pw2"})") << false
                                                             << "does not match";
        QTest::newRow(qPrintable(rowName(p, "no credentials")))
            << name << QByteArray("{}") << false << "missing x-callscope-secret or authorization header";
    }
}

void TestSessionWebhooks::verify()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, headers);
    QFETCH(bool, ok);
    QFETCH(QString, reason);

    for (const Provider &p : providers()) {
        if (provider != QLatin1String(p.name))
            continue;
        const ProviderWebhook &webhook = *p.webhook;
        const WebhookVerification result = webhook.verify(WebhookTestSupport::headers(headers), p.session, QStringLiteral("pw"), now());
        QCOMPARE(result.ok, ok);
        QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
        QCOMPARE(webhook.verify(webhook.sign(p.session, QStringLiteral("pw"), now()), p.session, QStringLiteral("pw"), now()).ok, true);
    }
}

void TestSessionWebhooks::map_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("final");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("errorFields");

    for (const Provider &p : providers()) {
        const QString name = QLatin1String(p.name);
        const QByteArray id = p.idField;
        QTest::newRow(qPrintable(rowName(p, "final event"))) << name << p.session << true << p.finalEvent << "";
        QTest::newRow(qPrintable(rowName(p, "no event counts as final")))
            << name << QByteArray(R"({")" + id + R"(":"s","agent_id":"a"})") << true << p.finalEvent << "";
        QTest::newRow(qPrintable(rowName(p, "other event is not final")))
            << name << QByteArray(R"({"event":")" + QByteArray(p.startEvent) + R"(",")" + id + R"(":"s"})") << false << p.startEvent << "";
        QTest::newRow(qPrintable(rowName(p, "missing id"))) << name << QByteArray(R"({"agent_id":"a"})") << true << p.finalEvent
                                                           << QString::fromLatin1(id);
        QTest::newRow(qPrintable(rowName(p, "missing agent"))) << name << QByteArray(R"({")" + id + R"(":"s"})") << true
                                                              << p.finalEvent << "agent_id";
        QTest::newRow(qPrintable(rowName(p, "agent_id 1e300"))) << name << QByteArray(R"({")" + id + R"(":"s","agent_id":1e300})")
                                                               << true << p.finalEvent << "agent_id";
        QTest::newRow(qPrintable(rowName(p, "started_at 1e20")))
            << name << QByteArray(R"({")" + id + R"(":"s","agent_id":"a","started_at":1e20})") << true << p.finalEvent << "started_at";
    }
}

void TestSessionWebhooks::map()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, body);
    QFETCH(bool, final);
    QFETCH(QString, event);
    QFETCH(QString, errorFields);

    const WebhookMapping mapping = ProviderWebhooks::find(provider)->map(body, QString());
    QCOMPARE(mapping.isFinalEvent, final);
    QCOMPARE(mapping.eventName, event);
    QCOMPARE(mapping.errors.fields().join(u','), errorFields);
}

void TestSessionWebhooks::mappedCallPassesTheValidator_data()
{
    QTest::addColumn<QString>("provider");
    for (const Provider &p : providers())
        QTest::newRow(p.name) << QString::fromLatin1(p.name);
}

void TestSessionWebhooks::mappedCallPassesTheValidator()
{
    QFETCH(QString, provider);
    for (const Provider &p : providers()) {
        if (provider != QLatin1String(p.name))
            continue;
        const WebhookMapping mapping = p.webhook->map(p.session, QString());
        QCOMPARE(mapping.errors.summary(), QString());
        const QJsonObject &body = mapping.observeBody;
        QCOMPARE(body.value(QStringLiteral("call_id")).toString(), QStringLiteral("s-1"));
        QCOMPARE(body.value(QStringLiteral("agent")).toInteger(), 7);
        QCOMPARE(body.value(QStringLiteral("transcript_type")).toString(), provider);
        QCOMPARE(body.value(QStringLiteral("voice_recording_url")).toString(), QStringLiteral("https://x.example/stereo.wav"));
        QCOMPARE(body.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2025-12-29T09:20:00.000Z"));
        const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("campaign")).toString(), QStringLiteral("winter"));
        QCOMPARE(metadata.value(QStringLiteral("provider")).toString(), provider);
        QCOMPARE(metadata.value(QStringLiteral("duration_seconds")).toDouble(), 2.5);
        const ObserveRequest request = ObserveRequest::parse(body);
        QCOMPARE(request.errors().summary(), QString());
        QCOMPARE(request.call().turns.size(), 2);
    }
}

QTEST_GUILESS_MAIN(TestSessionWebhooks)
#include "tst_sessionwebhooks.moc"
