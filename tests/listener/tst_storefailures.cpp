// A store that fails is not a call that is missing: every route that reads the store
// answers 500 "The call store could not be read." (and logs why) when a query fails,
// and 404 only when the call is known not to exist. Before, a failed read came back as
// "no such call": GET and PATCH answered 404, a provider webhook asked for the API key
// as if the agent had no secret, and an observe body was checked without the agent's
// settings. The store is made to fail by dropping a table under the running listener
// (DELETE, which reads no agent, still knows a missing row is missing).
#include "httptestclient.h"
#include "testlistener.h"

#include "../store/storebreaker.h"

#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

const QByteArray kKey = "store-failure-key-0123456789";
const QString kUnreadable = QStringLiteral("The call store could not be read.");

QByteArray callBody(const QString &callId, int agent)
{
    const QJsonObject body{
        {QStringLiteral("call_id"), callId},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("transcript_json"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("Main Agent")},
                                {QStringLiteral("content"), QStringLiteral("Hello.")},
                                {QStringLiteral("start_time"), 0.0},
                                {QStringLiteral("end_time"), 1.0}}}},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestStoreFailures : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void readerTellsFailureFromAbsence();
    void callLogRoutes_data();
    void callLogRoutes();
    void listPage();
    void evaluationRoutes();
    void providerWebhookDoesNotFallBackToTheApiKey();
    void observeDoesNotGuessTheAgentsSettings();

private:
    RawResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                     const QByteArray &key = kKey);
    qint64 postCall(const QString &callId, int agent);
    void breakTable(const QString &table);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<Listener> m_listener;
};

void TestStoreFailures::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(kKey);
    const QString error =
        startTestListener(m_dir->filePath(QStringLiteral("failing.db")), config, m_store, m_pipeline, m_listener);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestStoreFailures::cleanup()
{
    QVERIFY(m_listener->stopAndWait(5000));
    m_listener.reset();
    m_pipeline.reset();
    m_store.reset();
    m_dir.reset();
}

RawResponse TestStoreFailures::send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                    const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"X-CEKURA-API-KEY", key});
    return sendRaw(m_listener->port(), buildRequest(method, target, body, "application/json", headers));
}

qint64 TestStoreFailures::postCall(const QString &callId, int agent)
{
    const RawResponse response = send("POST", "/observability/v1/observe/", callBody(callId, agent));
    if (response.status != 201)
        qWarning("observe answered %d: %s", response.status, response.body.constData());
    return response.json()[QStringLiteral("id")].toInteger();
}

void TestStoreFailures::breakTable(const QString &table)
{
    const QString error = StoreBreaker::dropTable(m_store->databasePath(), table);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestStoreFailures::readerTellsFailureFromAbsence()
{
    const qint64 id = postCall(QStringLiteral("reader-1"), 3);
    QVERIFY(id > 0);
    CallReader reader(m_store->databasePath());
    QVERIFY(reader.callById(id).isFound());
    QVERIFY(reader.callById(id + 1000).isNotFound());
    QVERIFY(reader.agentSettings(QStringLiteral("agent:99")).isNotFound());

    breakTable(QStringLiteral("review_events"));
    const StoreLookup<CallLog> existing = reader.callById(id);
    QVERIFY(existing.isFailed());
    QVERIFY2(existing.error().contains(QLatin1String("review_events")), qPrintable(existing.error()));
    QVERIFY(!existing);
    QVERIFY(reader.callById(id + 1000).isNotFound());
    QVERIFY(reader.callByCallId(QStringLiteral("reader-1")).isFailed());

    breakTable(QStringLiteral("agents"));
    QVERIFY(reader.callById(id + 1000).isFailed());
    QVERIFY(reader.callByCallId(QStringLiteral("nobody")).isFailed());
    QVERIFY(reader.agentSettings(QStringLiteral("agent:99")).isFailed());
    // Lists have no lookup result; their failure shows in the count of failed queries.
    const quint64 failures = reader.failureCount();
    QVERIFY(reader.list(CallQuery()).isEmpty());
    QVERIFY(reader.failureCount() > failures);
}

void TestStoreFailures::callLogRoutes_data()
{
    QTest::addColumn<QString>("brokenTable");   // empty: the store works
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("existing");         // the call exists, or the id names none
    QTest::addColumn<int>("status");

    const QByteArrayList methods{"GET", "PATCH", "DELETE"};
    for (const QByteArray &method : methods) {
        const int success = method == "DELETE" ? 204 : 200;
        QTest::addRow("%s, store works, call exists", method.constData()) << QString() << method << true << success;
        QTest::addRow("%s, store works, no such call", method.constData()) << QString() << method << false << 404;
        QTest::addRow("%s, turns unreadable, call exists", method.constData())
            << QStringLiteral("turns") << method << true << 500;
        // The call's own row is read and missing: that is known, whatever its turns
        // (DELETE fails: it clears the search index from the turns before it looks).
        QTest::addRow("%s, turns unreadable, no such call", method.constData())
            << QStringLiteral("turns") << method << false << (method == "DELETE" ? 500 : 404);
        QTest::addRow("%s, calls unreadable, no such call", method.constData())
            << QStringLiteral("agents") << method << false << (method == "DELETE" ? 404 : 500);
    }
}

void TestStoreFailures::callLogRoutes()
{
    QFETCH(QString, brokenTable);
    QFETCH(QByteArray, method);
    QFETCH(bool, existing);
    QFETCH(int, status);

    const qint64 id = postCall(QStringLiteral("routes-1"), 4);
    QVERIFY(id > 0);
    if (!brokenTable.isEmpty())
        breakTable(brokenTable);
    if (status == 500)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store (read|write) failed: .+")));

    const QByteArray target = "/observability/v1/call-logs/" + QByteArray::number(existing ? id : id + 1000) + '/';
    const RawResponse response =
        send(method, target, method == "PATCH" ? QByteArray(R"({"feedback":"checked"})") : QByteArray());
    QCOMPARE(response.status, status);
    if (status == 500) {
        const QString detail = response.json()[QStringLiteral("detail")].toString();
        QVERIFY2(detail == kUnreadable || detail == QLatin1String("The call could not be stored."), qPrintable(detail));
        QVERIFY2(!response.body.contains("turns") && !response.body.contains("agents"), response.body.constData());
    } else if (status == 404) {
        QCOMPARE(response.json()[QStringLiteral("detail")].toString(), QStringLiteral("Not found."));
    }
}

// The page's calls are read after they were counted: a failure there was a 200 with an
// empty page.
void TestStoreFailures::listPage()
{
    QVERIFY(postCall(QStringLiteral("list-1"), 6) > 0);
    RawResponse response = send("GET", "/observability/v1/call-logs/");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("results")].toArray().size(), 1);

    breakTable(QStringLiteral("turns"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store read failed: .*turns")));
    response = send("GET", "/observability/v1/call-logs/");
    QCOMPARE(response.status, 500);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), kUnreadable);
}

void TestStoreFailures::evaluationRoutes()
{
    const qint64 id = postCall(QStringLiteral("eval-1"), 5);
    QVERIFY(id > 0);
    const QByteArray evaluate =
        QJsonDocument(QJsonObject{{QStringLiteral("agent_id"), 5}, {QStringLiteral("call_logs"), QJsonArray{id}},
                                  {QStringLiteral("metrics"), QJsonArray{1}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray missing =
        QJsonDocument(QJsonObject{{QStringLiteral("agent_id"), 5}, {QStringLiteral("call_logs"), QJsonArray{id + 1000}},
                                  {QStringLiteral("metrics"), QJsonArray{1}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray rerunAll = R"({"agent_id":5,"call_logs":"all"})";
    QCOMPARE(send("POST", "/observability/v1/call-logs/evaluate_metrics/", evaluate).status, 200);
    QCOMPARE(send("POST", "/observability/v1/call-logs/evaluate_metrics/", missing).status, 400);

    breakTable(QStringLiteral("agents"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store read failed: ")));
    RawResponse response = send("POST", "/observability/v1/call-logs/evaluate_metrics/", missing);
    QCOMPARE(response.status, 500);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), kUnreadable);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store read failed: ")));
    response = send("POST", "/observability/v1/call-logs/rerun_evaluation/", rerunAll);
    QCOMPARE(response.status, 500);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), kUnreadable);
}

// Unreadable agent settings are not "no secret configured": answering 401 "no valid API
// key" would be wrong, and accepting the API key instead of a configured signature worse.
void TestStoreFailures::providerWebhookDoesNotFallBackToTheApiKey()
{
    const QByteArray update = R"({"message":{"type":"status-update","status":"in-progress"}})";
    const QByteArray target = "/observability/v1/vapi/observe/?agent_id=6";
    QCOMPARE(send("POST", target, update).status, 200);

    breakTable(QStringLiteral("agents"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store read failed: .*agents")));
    const RawResponse response = send("POST", target, update);
    QCOMPARE(response.status, 500);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), kUnreadable);
}

// The agent's settings decide how roles are read; a body must not be refused (400) for
// roles its agent accepts only because the settings could not be read.
void TestStoreFailures::observeDoesNotGuessTheAgentsSettings()
{
    breakTable(QStringLiteral("agents"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^call store read failed: .*agents")));
    const RawResponse response = send("POST", "/observability/v1/observe/", callBody(QStringLiteral("observe-1"), 8));
    QCOMPARE(response.status, 500);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), kUnreadable);
}

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "tst_storefailures.moc"
