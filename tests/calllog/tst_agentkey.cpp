// One agent id must give one key on every path: the command line and ?agent_id= go
// through fromId(), observe bodies through CallLog::agentKey(), provider payloads through
// ProviderWebhook's mapping. "007" used to become agent:007, assistant:007 or agent:7.
#include "calllog/agentkey.h"
#include "calllog/calllog.h"
#include "ingest/observerequest.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"

#include <QJsonObject>
#include <QTest>

class TestAgentKey : public QObject
{
    Q_OBJECT

private slots:
    void fromId_data();
    void fromId();
    void parseRoundTrip();
    void samePathIndependentKey_data();
    void samePathIndependentKey();
};

void TestAgentKey::fromId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::newRow("agent") << QStringLiteral("7") << QStringLiteral("agent:7");
    QTest::newRow("leading zeros") << QStringLiteral("007") << QStringLiteral("agent:7");
    QTest::newRow("spaces") << QStringLiteral(" 12 ") << QStringLiteral("agent:12");
    QTest::newRow("assistant") << QStringLiteral("asst_1") << QStringLiteral("assistant:asst_1");
    QTest::newRow("zero is no agent id") << QStringLiteral("0") << QStringLiteral("assistant:0");
    QTest::newRow("empty") << QString() << QString();
}

void TestAgentKey::fromId()
{
    QFETCH(QString, id);
    QFETCH(QString, key);
    QCOMPARE(AgentKey::fromId(id).toString(), key);
}

void TestAgentKey::parseRoundTrip()
{
    for (const AgentKey &key : {AgentKey::ofAgent(7), AgentKey::ofAssistant(QStringLiteral("asst_1"))})
        QCOMPARE(AgentKey::parse(key.toString()), key);
    QCOMPARE(AgentKey::parse(QStringLiteral("agent:007")), AgentKey::ofAgent(7));
    QVERIFY(AgentKey::parse(QStringLiteral("agent:x")).isNull());
    QVERIFY(AgentKey::parse(QStringLiteral("7")).isNull());
}

void TestAgentKey::samePathIndependentKey_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("007") << QStringLiteral("007");
    QTest::newRow("7") << QStringLiteral("7");
    QTest::newRow("asst_1") << QStringLiteral("asst_1");
}

void TestAgentKey::samePathIndependentKey()
{
    QFETCH(QString, id);
    const QString expected = AgentKey::fromId(id).toString();

    // A final provider event: the mapping writes the agent into the observe body.
    const ProviderWebhook *vapi = ProviderWebhooks::find(QStringLiteral("vapi"));
    QVERIFY(vapi);
    const QByteArray report = R"({"message":{"type":"end-of-call-report","call":{"id":"c1"},"artifact":{"messages":[]}}})";
    const WebhookMapping mapping = vapi->map(report, id);
    QCOMPARE(ObserveRequest::agentKeyOf(mapping.observeBody), expected);

    // An observe body that names the same agent.
    CallLog call;
    const AgentKey key = AgentKey::fromId(id);
    call.agent = key.agent();
    call.assistantId = key.assistantId();
    QCOMPARE(call.agentKey(), expected);
}

QTEST_GUILESS_MAIN(TestAgentKey)
#include "tst_agentkey.moc"
