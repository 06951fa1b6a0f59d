// Replaying a logged provider webhook through the running listener: the replay is signed
// again with the secret of the agent the provider mapping resolves to, the lookup the
// listener verifies with. The Listener panel once derived the agent itself from the
// observe body only, so a non-final event (which has none) went out unsigned and was
// refused, and nothing said why.
#include "httptestclient.h"
#include "testlistener.h"

#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "listener/requestreplayer.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

const QByteArray kKey = "replay-key-0123456789";
const QString kAgent = QStringLiteral("agent:21");

QByteArray finalEvent(const QByteArray &callId)
{
    return R"({"event":"call_analyzed","call":{"call_id":")" + callId
           + R"(","agent_id":"21","transcript_object":[{"role":"agent","content":"Hello there",)"
             R"("words":[{"word":"Hello","start":0.1,"end":0.4},{"word":"there","start":0.5,"end":0.9}]}]}})";
}

// A non-final event names its agent only in the payload; there is no observe body.
const QByteArray kStartedEvent = R"({"event":"call_started","call":{"call_id":"r-started","agent_id":"21"}})";

} // namespace

class TestRequestReplayer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void replaysAreSignedForTheMappedAgent_data();
    void replaysAreSignedForTheMappedAgent();
    void editedBodyIsSignedAgain();
    void changedSecretSignsTheReplay();
    void buildDropsConnectionAndSecretHeaders();
    void refusedWithoutSendingWhenItCannotBeReplayed();

private:
    void setSecret(const QString &secret);
    // Posts `body` to the Retell route signed with `secret`; the entry the log keeps.
    RequestLogEntry postSigned(const QByteArray &body, const QString &secret, int expectedStatus);
    // Replays `entry` (with `body` when given); the status of the listener's answer.
    int replay(const RequestLogEntry &entry, const std::optional<QByteArray> &body = std::nullopt);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<Listener> m_listener;
    const ProviderWebhook *m_retell = nullptr;
};

void TestRequestReplayer::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_retell = ProviderWebhooks::find(QStringLiteral("retell"));
    QVERIFY(m_retell);
    m_dir = std::make_unique<QTemporaryDir>();
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(kKey);
    const QString error =
        startTestListener(m_dir->filePath(QStringLiteral("replay.db")), config, m_store, m_pipeline, m_listener);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    setSecret(QStringLiteral("retell-secret"));
}

void TestRequestReplayer::cleanup()
{
    QVERIFY(m_listener->stopAndWait(5000));
    m_listener.reset();
    m_pipeline.reset();
    m_store.reset();
    m_dir.reset();
}

void TestRequestReplayer::setSecret(const QString &secret)
{
    AgentSettings settings;
    settings.agentKey = AgentKey::parse(kAgent);
    settings.webhookSecret = secret;
    QVERIFY(m_store->setAgentSettings(settings).result());
}

RequestLogEntry TestRequestReplayer::postSigned(const QByteArray &body, const QString &secret, int expectedStatus)
{
    QSignalSpy logged(m_listener.get(), &Listener::requestLogged);
    QList<QPair<QByteArray, QByteArray>> headers{{"Connection", "keep-alive"}};
    const WebhookHeaders signature = m_retell->sign(body, secret, QDateTime::currentDateTimeUtc());
    for (auto it = signature.begin(); it != signature.end(); ++it)
        headers.append({it.key().toLatin1(), it.value().toLatin1()});
    const RawResponse response = sendRaw(m_listener->port(), buildRequest("POST", "/observability/v1/retell/observe/", body,
                                                                          "application/json", headers));
    if (response.status != expectedStatus)
        qWarning("posted: %d %s", response.status, response.body.constData());
    if (!QTest::qWaitFor([&] { return logged.size() == 1; }, 5000))
        return {};
    const auto entry = logged.first().first().value<RequestLogEntry>();
    return entry.status == expectedStatus ? entry : RequestLogEntry();
}

int TestRequestReplayer::replay(const RequestLogEntry &entry, const std::optional<QByteArray> &body)
{
    RequestReplayer replayer(m_listener.get());
    QSignalSpy finished(&replayer, &RequestReplayer::finished);
    QSignalSpy logged(m_listener.get(), &Listener::requestLogged);
    replayer.replay(entry, body);
    if (!finished.wait(10000))
        return -1;
    // The listener logs the replay after answering it: wait, so that the entry does not
    // turn up in the next postSigned()'s spy.
    if (finished.first().at(1).toInt() > 0 && !QTest::qWaitFor([&] { return !logged.isEmpty(); }, 5000))
        return -3;
    if (finished.first().at(1).toInt() == 0)
        qWarning("replay failed: %s", qPrintable(finished.first().at(2).toString()));
    if (finished.first().at(0).toLongLong() != entry.id)
        return -2;   // reported for another entry
    return finished.first().at(1).toInt();
}

void TestRequestReplayer::replaysAreSignedForTheMappedAgent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("final event") << finalEvent("r-final");
    QTest::newRow("non-final event") << kStartedEvent;
}

void TestRequestReplayer::replaysAreSignedForTheMappedAgent()
{
    QFETCH(QByteArray, body);
    const RequestLogEntry entry = postSigned(body, QStringLiteral("retell-secret"), 200);
    QVERIFY(entry.id > 0);
    QSignalSpy logged(m_listener.get(), &Listener::requestLogged);
    QCOMPARE(replay(entry), 200);
    // The listener checked the signature: with a secret configured, the API key the
    // replay also carries is not enough.
    QTRY_COMPARE(logged.size(), 1);
    QCOMPARE(logged.first().first().value<RequestLogEntry>().status, 200);
    QCOMPARE(logged.first().first().value<RequestLogEntry>().headers.value(QStringLiteral("x-retell-signature")).toString(),
             QStringLiteral("***"));
}

void TestRequestReplayer::editedBodyIsSignedAgain()
{
    const RequestLogEntry entry = postSigned(finalEvent("r-original"), QStringLiteral("retell-secret"), 200);
    QVERIFY(entry.id > 0);
    QCOMPARE(replay(entry, finalEvent("r-edited")), 200);
    QVERIFY(CallReader(m_store->databasePath()).callByCallId(QStringLiteral("r-edited"), kAgent).isFound());
    // The edited non-final event is signed again as well.
    const RequestLogEntry started = postSigned(kStartedEvent, QStringLiteral("retell-secret"), 200);
    QByteArray edited = kStartedEvent;
    edited.replace("r-started", "r-started-edited");
    QCOMPARE(replay(started, edited), 200);
}

void TestRequestReplayer::changedSecretSignsTheReplay()
{
    const RequestLogEntry entry = postSigned(finalEvent("r-rotated"), QStringLiteral("retell-secret"), 200);
    QVERIFY(entry.id > 0);
    setSecret(QStringLiteral("rotated-secret"));
    // The old secret no longer passes, so a 200 means the replay carried the new one.
    QCOMPARE(postSigned(finalEvent("r-rotated"), QStringLiteral("retell-secret"), 401).status, 401);
    QCOMPARE(replay(entry), 200);

    const RequestReplayer::Request request = RequestReplayer::build(entry, finalEvent("r-rotated"),
                                                                    CallReader(m_store->databasePath()),
                                                                    QString::fromLatin1(kKey), QDateTime::currentDateTimeUtc());
    WebhookHeaders headers;
    for (const auto &[name, value] : request.headers)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromLatin1(value));
    QVERIFY(m_retell->verify(headers, request.body, QStringLiteral("rotated-secret"), QDateTime::currentDateTimeUtc()).ok);
    QVERIFY(!m_retell->verify(headers, request.body, QStringLiteral("retell-secret"), QDateTime::currentDateTimeUtc()).ok);
}

void TestRequestReplayer::buildDropsConnectionAndSecretHeaders()
{
    const RequestLogEntry entry = postSigned(kStartedEvent, QStringLiteral("retell-secret"), 200);
    QVERIFY(entry.id > 0);
    QVERIFY(entry.headers.contains(QStringLiteral("Connection")));
    const RequestReplayer::Request request = RequestReplayer::build(entry, kStartedEvent, CallReader(m_store->databasePath()),
                                                                    QString::fromLatin1(kKey), QDateTime::currentDateTimeUtc());
    QVERIFY2(request.error.isEmpty(), qPrintable(request.error));
    QCOMPARE(request.method, QStringLiteral("POST"));
    QCOMPARE(request.path, QStringLiteral("/observability/v1/retell/observe/"));
    QStringList names;
    for (const auto &[name, value] : request.headers) {
        names << QString::fromLatin1(name).toLower();
        QVERIFY2(!value.endsWith("***"), name.constData());
    }
    for (const char *gone : {"connection", "host", "content-length"})
        QVERIFY2(!names.contains(QLatin1String(gone)), gone);
    QCOMPARE(names.count(QStringLiteral("x-retell-signature")), 1);
    QCOMPARE(names.count(QStringLiteral("x-cekura-api-key")), 1);
    QVERIFY(names.contains(QStringLiteral("content-type")));
}

void TestRequestReplayer::refusedWithoutSendingWhenItCannotBeReplayed()
{
    RequestLogEntry truncated = postSigned(kStartedEvent, QStringLiteral("retell-secret"), 200);
    QVERIFY(truncated.id > 0);
    truncated.headers.insert(QStringLiteral("X-Callscope-Body-Truncated"), QStringLiteral("1024 of 4096 bytes kept"));
    QVERIFY(!RequestReplayer::notReplayable(truncated).isEmpty());
    QCOMPARE(replay(truncated), 0);

    // A refusal of garbage where the request line should be: there is no request to send.
    RequestLogEntry unparsed;
    unparsed.id = truncated.id;
    unparsed.status = 400;
    QVERIFY(!RequestReplayer::notReplayable(unparsed).isEmpty());
    QCOMPARE(replay(unparsed), 0);

    const RequestLogEntry entry = postSigned(kStartedEvent, QStringLiteral("retell-secret"), 200);
    QVERIFY(m_listener->stopAndWait(5000));
    RequestReplayer replayer(m_listener.get());
    QSignalSpy finished(&replayer, &RequestReplayer::finished);
    replayer.replay(entry);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(finished.first().at(2).toString(), QStringLiteral("The listener is not running."));
    ListenerConfig config = m_listener->config();
    QVERIFY(m_listener->start(config));   // cleanup() stops it
}

QTEST_GUILESS_MAIN(TestRequestReplayer)
#include "tst_requestreplayer.moc"
