// The observe API end to end inside one process: a real CallStore and IngestPipeline on
// a temporary database, the Listener on 127.0.0.1 port 0, and raw HTTP requests (and
// curl as a real client). Covers every route and status code of the issue, re-posts,
// concurrent identical posts, the request log's masking, and provider webhooks.
#include "httptestclient.h"
#include "testlistener.h"

#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "listener/requestlogger.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace {

const QByteArray kKey = "test-key-0123456789";

QJsonObject callBody(const QString &callId, int agent = 7)
{
    return QJsonObject{
        {QStringLiteral("call_id"), callId},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("timestamp"), QStringLiteral("2026-11-01T10:00:00Z")},
        {QStringLiteral("customer_number"), QStringLiteral("+15550100")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("team"), QStringLiteral("blue")}}},
        {QStringLiteral("transcript_json"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("Main Agent")},
                                {QStringLiteral("content"), QStringLiteral("Hello, Acme.")},
                                {QStringLiteral("start_time"), 0.2},
                                {QStringLiteral("end_time"), 1.5}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("Testing Agent")},
                                {QStringLiteral("content"), QStringLiteral("Hi, I need help.")},
                                {QStringLiteral("start_time"), 2.0},
                                {QStringLiteral("end_time"), 3.0}}}},
    };
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestObserveApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void health();
    void healthRefusesBodies();
    void authentication();
    void observeJson();
    void observeValidationErrors();
    void observeForms();
    void formFieldsMustBeUtf8();
    void observeMultipartWithAudio();
    void rePostKeepsId();
    void concurrentIdenticalPosts();
    void unknownRoutesAndMethods();
    void limits();
    void listPaginationAndFilters();
    void detailPatchDelete();
    void patchReplacesTurnLabels();
    void evaluateAndRerun();
    void idListsAreCapped();
    void integerFilterValuesAreChecked();
    void requestLogMasksSecrets();
    void providerWebhooks();
    void providerWebhookAgentIdWithLeadingZeros();
    void providerBodiesBeforeAuthentication();
    void curlAsClient();

private:
    RawResponse post(const QByteArray &target, const QByteArray &body, const QByteArray &type = "application/json",
                     const QByteArray &key = kKey);
    RawResponse get(const QByteArray &target, const QByteArray &key = kKey);
    RawResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                     const QByteArray &type = "application/json");
    qint64 rowCount();

    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<Listener> m_listener;
    quint16 m_port = 0;
};

void TestObserveApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(kKey);
    config.maxBodyBytes = 256 * 1024;
    config.maxMultipartBytes = 2 * 1024 * 1024;
    config.maxUnauthenticatedBodyBytes = 64 * 1024;
    const QString error = startTestListener(m_dir.filePath(QStringLiteral("api.db")), config, m_store, m_pipeline, m_listener);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_port = m_listener->port();
    QVERIFY(m_port > 0);
}

void TestObserveApi::cleanupTestCase()
{
    QVERIFY(m_listener->stopAndWait(5000));
    m_listener.reset();
    m_pipeline.reset();
    m_store.reset();
}

RawResponse TestObserveApi::post(const QByteArray &target, const QByteArray &body, const QByteArray &type, const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"X-CEKURA-API-KEY", key});
    return sendRaw(m_port, buildRequest("POST", target, body, type, headers));
}

RawResponse TestObserveApi::get(const QByteArray &target, const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"X-CEKURA-API-KEY", key});
    return sendRaw(m_port, buildRequest("GET", target, {}, {}, headers));
}

RawResponse TestObserveApi::send(const QByteArray &method, const QByteArray &target, const QByteArray &body, const QByteArray &type)
{
    return sendRaw(m_port, buildRequest(method, target, body, type, {{"X-CEKURA-API-KEY", kKey}}));
}

qint64 TestObserveApi::rowCount()
{
    return CallReader(m_store->databasePath()).count(CallQuery());
}

void TestObserveApi::health()
{
    const RawResponse response = get("/health", {});
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QCOMPARE(get("/health/", {}).status, 200);
}

// Anyone may call /health: a body there is refused from the head, so a declared one that
// is never sent is answered at once, and nothing is buffered.
void TestObserveApi::healthRefusesBodies()
{
    RawResponse response = sendRaw(m_port, "GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n", 3000);
    QCOMPARE(response.status, 413);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), QStringLiteral("/health takes no request body."));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    response = sendRaw(m_port, "GET /health HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 3000);
    QCOMPARE(response.status, 413);
    QCOMPARE(sendRaw(m_port, "GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").status, 200);
}

void TestObserveApi::authentication()
{
    const QByteArray body = json(callBody(QStringLiteral("auth-1")));
    RawResponse response = post("/observability/v1/observe/", body, "application/json", {});
    QCOMPARE(response.status, 401);
    QVERIFY(response.json()[QStringLiteral("detail")].isString());
    QCOMPARE(post("/observability/v1/observe/", body, "application/json", "wrong").status, 401);
    QCOMPARE(post("/observability/v1/observe/", body, "application/json", kKey + "x").status, 401);
    // The key as a Bearer token.
    response = sendRaw(m_port, buildRequest("POST", "/observability/v1/observe/", body, "application/json",
                                            {{"Authorization", "Bearer " + kKey}}));
    QCOMPARE(response.status, 201);
    QCOMPARE(sendRaw(m_port, buildRequest("GET", "/observability/v1/call-logs/", {}, {}, {{"Authorization", "Bearer nope"}})).status,
             401);
}

void TestObserveApi::observeJson()
{
    const RawResponse response = post("/observability/v1/observe/", json(callBody(QStringLiteral("json-1"))));
    QCOMPARE(response.status, 201);
    const QJsonObject call = response.json().object();
    QVERIFY(call[QStringLiteral("id")].toInteger() > 0);
    QCOMPARE(call[QStringLiteral("call_id")].toString(), QStringLiteral("json-1"));
    QCOMPARE(call[QStringLiteral("agent")].toInt(), 7);
    QVERIFY(call[QStringLiteral("transcript")].toString().contains(QStringLiteral("Hello, Acme.")));
    // Without the trailing slash too.
    QCOMPARE(post("/observability/v1/observe", json(callBody(QStringLiteral("json-2")))).status, 201);
}

void TestObserveApi::observeValidationErrors()
{
    QJsonObject body = callBody(QStringLiteral("bad-1"));
    body.remove(QStringLiteral("call_id"));
    body.remove(QStringLiteral("agent"));
    RawResponse response = post("/observability/v1/observe/", json(body));
    QCOMPARE(response.status, 400);
    const QJsonObject errors = response.json().object();
    QVERIFY2(errors[QStringLiteral("call_id")].isArray(), response.body.constData());
    QVERIFY(errors[QStringLiteral("call_id")].toArray().first().isString());

    response = post("/observability/v1/observe/", "{not json");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("non_field_errors")].isArray());
    QCOMPARE(post("/observability/v1/observe/", "[1,2]").status, 400);
    // A local path is never read on behalf of an HTTP client.
    body = callBody(QStringLiteral("path-1"));
    body.insert(QStringLiteral("voice_recording"), QStringLiteral("/etc/passwd"));
    response = post("/observability/v1/observe/", json(body));
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("voice_recording")].isArray());
}

void TestObserveApi::observeForms()
{
    const QByteArray transcript = QJsonDocument(callBody(QStringLiteral("x"))[QStringLiteral("transcript_json")].toArray())
                                      .toJson(QJsonDocument::Compact);
    const QByteArray form = "call_id=form-1&agent=7&transcript_json=" + transcript.toPercentEncoding()
                            + "&metadata=" + QByteArray("{\"a\":\"b c\"}").toPercentEncoding() + "&customer_number=%2B1555";
    RawResponse response = post("/observability/v1/observe/", form, "application/x-www-form-urlencoded");
    QCOMPARE(response.status, 201);
    QCOMPARE(response.json()[QStringLiteral("customer_number")].toString(), QStringLiteral("+1555"));
    QCOMPARE(post("/observability/v1/observe/", "call_id=x", "text/plain").status, 415);
    // A Content-Length list the parser accepts (all equal) is a body for the 415 check too.
    const QByteArray listed = "POST /observability/v1/observe/ HTTP/1.1\r\nHost: a\r\nX-CEKURA-API-KEY: " + QByteArray(kKey)
                              + "\r\nContent-Type: text/plain\r\nContent-Length: 9, 9\r\n\r\ncall_id=x";
    QCOMPARE(sendRaw(m_port, listed).status, 415);
}

// %ff%fe and %fe%ff both became U+FFFD U+FFFD, so two senders' call_ids named one call.
void TestObserveApi::formFieldsMustBeUtf8()
{
    const QByteArray transcript = QJsonDocument(callBody(QStringLiteral("x"))[QStringLiteral("transcript_json")].toArray())
                                      .toJson(QJsonDocument::Compact).toPercentEncoding();
    for (const QByteArray &callId : {QByteArray("%ff%fe"), QByteArray("%fe%ff"), QByteArray("ok%c3")}) {
        const RawResponse response = post("/observability/v1/observe/", "call_id=" + callId + "&agent=7&transcript_json=" + transcript,
                                          "application/x-www-form-urlencoded");
        QCOMPARE(response.status, 400);
        QVERIFY2(response.json()[QStringLiteral("call_id")].isArray(), response.body.constData());
    }
    const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"call_id\"\r\n\r\n\xff\xfe\r\n"
                            "--B\r\nContent-Disposition: form-data; name=\"agent\"\r\n\r\n7\r\n--B--\r\n";
    const RawResponse multipart = post("/observability/v1/observe/", body, "multipart/form-data; boundary=B");
    QCOMPARE(multipart.status, 400);
    QVERIFY2(multipart.json()[QStringLiteral("call_id")].isArray(), multipart.body.constData());
    QVERIFY(!CallReader(m_store->databasePath()).callByCallId(QStringLiteral("\uFFFD\uFFFD")));
}

void TestObserveApi::observeMultipartWithAudio()
{
    QFile audio(QStringLiteral(CALLSCOPE_SOURCE_DIR "/resources/demo/audio/gym-cancel.ogg"));
    QVERIFY(audio.open(QIODevice::ReadOnly));
    const QByteArray audioBytes = audio.readAll();
    const QByteArray transcript = QJsonDocument(callBody(QStringLiteral("x"))[QStringLiteral("transcript_json")].toArray())
                                      .toJson(QJsonDocument::Compact);
    QByteArray body;
    auto field = [&](const QByteArray &name, const QByteArray &value) {
        body += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    };
    field("call_id", "multipart-1");
    field("agent", "7");
    field("transcript_json", transcript);
    field("metadata", "{\"source\":\"multipart\"}");
    body += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"gym-cancel.ogg\"\r\n"
            "Content-Type: audio/ogg\r\n\r\n" + audioBytes + "\r\n--BOUNDARY--\r\n";
    const RawResponse response = post("/observability/v1/observe/", body, "multipart/form-data; boundary=BOUNDARY");
    QCOMPARE(response.status, 201);
    const qint64 id = response.json()[QStringLiteral("id")].toInteger();
    const std::optional<CallLog> stored = CallReader(m_store->databasePath()).callById(id);
    QVERIFY(stored);
    QVERIFY(!stored->recordingPath.isEmpty());
    QFile recording(QDir(m_store->recordingsDir()).filePath(stored->recordingPath));
    QVERIFY(recording.open(QIODevice::ReadOnly));
    QCOMPARE(recording.readAll(), audioBytes);
    QCOMPARE(stored->metadata.value(QStringLiteral("source")).toString(), QStringLiteral("multipart"));
    // The upload was moved, not left behind.
    QTRY_COMPARE(QDir(QDir(m_store->recordingsDir()).filePath(QStringLiteral(".incoming"))).entryList(QDir::Files).size(), 0);
}

void TestObserveApi::rePostKeepsId()
{
    const RawResponse first = post("/observability/v1/observe/", json(callBody(QStringLiteral("repost-1"))));
    QJsonObject changed = callBody(QStringLiteral("repost-1"));
    changed.insert(QStringLiteral("customer_number"), QStringLiteral("+15559999"));
    const RawResponse second = post("/observability/v1/observe/", json(changed));
    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    QCOMPARE(second.json()[QStringLiteral("id")].toInteger(), first.json()[QStringLiteral("id")].toInteger());
    QCOMPARE(second.json()[QStringLiteral("customer_number")].toString(), QStringLiteral("+15559999"));
    // The same call_id under another agent is another call.
    const RawResponse other = post("/observability/v1/observe/", json(callBody(QStringLiteral("repost-1"), 8)));
    QVERIFY(other.json()[QStringLiteral("id")].toInteger() != first.json()[QStringLiteral("id")].toInteger());
}

void TestObserveApi::concurrentIdenticalPosts()
{
    const qint64 before = rowCount();
    const QByteArray body = json(callBody(QStringLiteral("race-1")));
    const quint16 port = m_port;
    // The clients get their own pool: blocking the global one would starve the
    // pipeline's continuations, which run there.
    QThreadPool clientPool;
    clientPool.setMaxThreadCount(16);
    QList<QFuture<RawResponse>> clients;
    for (int i = 0; i < 16; ++i) {
        clients.append(QtConcurrent::run(&clientPool, [port, body] {
            return sendRaw(port, buildRequest("POST", "/observability/v1/observe/", body, "application/json",
                                              {{"X-CEKURA-API-KEY", kKey}}));
        }));
    }
    QSet<qint64> ids;
    for (auto &client : clients) {
        const RawResponse response = client.result();
        QCOMPARE(response.status, 201);
        ids.insert(response.json()[QStringLiteral("id")].toInteger());
    }
    QCOMPARE(ids.size(), 1);
    QCOMPARE(rowCount(), before + 1);
}

void TestObserveApi::unknownRoutesAndMethods()
{
    RawResponse response = get("/nope");
    QCOMPARE(response.status, 404);
    QVERIFY(response.json()[QStringLiteral("detail")].isString());
    QCOMPARE(get("/observability/v1/call-logs/999999/").status, 404);
    QCOMPARE(get("/observability/v1/call-logs/abc/").status, 404);
    response = get("/observability/v1/observe/");
    QCOMPARE(response.status, 405);
    QCOMPARE(response.header("Allow"), QByteArray("POST"));
    QCOMPARE(send("PUT", "/observability/v1/call-logs/1/", "{}").status, 405);
}

void TestObserveApi::limits()
{
    // JSON over 256 KiB (this test's limit).
    QJsonObject big = callBody(QStringLiteral("big-1"));
    big.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("blob"), QString(300 * 1024, QLatin1Char('x'))}});
    QCOMPARE(post("/observability/v1/observe/", json(big)).status, 413);
    // Multipart over 2 MiB.
    const QByteArray multipart = "--B\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"a.wav\"\r\n\r\n"
                                 + QByteArray(3 * 1024 * 1024, 'a') + "\r\n--B--\r\n";
    QCOMPARE(post("/observability/v1/observe/", multipart, "multipart/form-data; boundary=B").status, 413);
}

void TestObserveApi::listPaginationAndFilters()
{
    for (int i = 0; i < 5; ++i) {
        QJsonObject body = callBody(QStringLiteral("page-%1").arg(i), 42);
        body.insert(QStringLiteral("timestamp"), QStringLiteral("2026-10-0%1T10:00:00Z").arg(i + 1));
        body.insert(QStringLiteral("call_ended_reason"), i % 2 ? QStringLiteral("customer-ended") : QStringLiteral("agent-ended"));
        QCOMPARE(post("/observability/v1/observe/", json(body)).status, 201);
    }
    RawResponse response = get("/observability/v1/call-logs/?agent_id=42&page_size=2");
    QCOMPARE(response.status, 200);
    QJsonObject page = response.json().object();
    QCOMPARE(page[QStringLiteral("count")].toInt(), 5);
    QCOMPARE(page[QStringLiteral("results")].toArray().size(), 2);
    QVERIFY(page[QStringLiteral("previous")].isNull());
    QVERIFY(page[QStringLiteral("next")].toString().contains(QStringLiteral("page=2")));
    QCOMPARE(page[QStringLiteral("results")].toArray().first()[QStringLiteral("call_id")].toString(), QStringLiteral("page-4"));

    response = get("/observability/v1/call-logs?agent_id=42&page_size=2&page=3");
    page = response.json().object();
    QCOMPARE(page[QStringLiteral("results")].toArray().size(), 1);
    QVERIFY(page[QStringLiteral("next")].isNull());
    QVERIFY(!page[QStringLiteral("previous")].isNull());
    QCOMPARE(get("/observability/v1/call-logs/?agent_id=42&page_size=2&page=4").status, 404);

    response = get("/observability/v1/call-logs/?agent_id=42&timestamp_from=2026-10-02T00:00:00Z&timestamp_to=2026-10-03T23:00:00Z");
    QCOMPARE(response.json()[QStringLiteral("count")].toInt(), 2);

    const QByteArray orFilter = QByteArray(R"({"operator":"or","conditions":[{"field":"call_id","op":"eq","value":"page-0"},)"
                                           R"({"operator":"and","conditions":[{"field":"call_ended_reason","op":"startswith","value":"CUSTOMER"},)"
                                           R"({"field":"timestamp","op":"gte","value":"2026-10-04T00:00:00Z"}]}]})");
    response = get("/observability/v1/call-logs/?agent_id=42&filters_v2=" + orFilter.toPercentEncoding());
    QCOMPARE(response.status, 200);
    QStringList ids;
    for (const QJsonValue &call : response.json()[QStringLiteral("results")].toArray())
        ids.append(call[QStringLiteral("call_id")].toString());
    QCOMPARE(ids, (QStringList{QStringLiteral("page-3"), QStringLiteral("page-0")}));

    const QByteArray inFilter = R"({"field":"call_id","op":"in","value":["page-1","page-2"]})";
    QCOMPARE(get("/observability/v1/call-logs/?filters_v2=" + inFilter.toPercentEncoding()).json()[QStringLiteral("count")].toInt(), 2);
    const QByteArray metaFilter = R"([{"field":"metadata.team","op":"contains","value":"BLU"},{"field":"agent","op":"eq","value":42}])";
    QCOMPARE(get("/observability/v1/call-logs/?filters_v2=" + metaFilter.toPercentEncoding()).json()[QStringLiteral("count")].toInt(), 5);
    const QByteArray nullFilter = R"({"field":"feedback","op":"isnull","value":true})";
    QCOMPARE(get("/observability/v1/call-logs/?agent_id=42&filters_v2=" + nullFilter.toPercentEncoding()).json()[QStringLiteral("count")].toInt(), 5);

    const qint64 firstId = page[QStringLiteral("results")].toArray().first()[QStringLiteral("id")].toInteger();
    QCOMPARE(get("/observability/v1/call-logs/?call_ids=" + QByteArray::number(firstId)).json()[QStringLiteral("count")].toInt(), 1);

    response = get("/observability/v1/call-logs/?filters_v2=" + QByteArray(R"({"field":"x","op":"like","value":1})").toPercentEncoding());
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("filters_v2.op")].isArray());
    QCOMPARE(get("/observability/v1/call-logs/?timestamp_from=yesterday").status, 400);
}

void TestObserveApi::detailPatchDelete()
{
    const qint64 id = post("/observability/v1/observe/", json(callBody(QStringLiteral("patch-1"))))
                          .json()[QStringLiteral("id")].toInteger();
    const QByteArray path = "/observability/v1/call-logs/" + QByteArray::number(id) + "/";
    RawResponse response = get(path);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("metadata")][QStringLiteral("team")].toString(), QStringLiteral("blue"));

    response = send("PATCH", path,
                    R"({"status":"reviewed_failure","feedback":"wrong date","metadata":{"ticket":"T-1"},"call_ended_reason":"hangup"})");
    QCOMPARE(response.status, 200);
    QJsonObject call = response.json().object();
    QCOMPARE(call[QStringLiteral("status")].toString(), QStringLiteral("reviewed_failure"));
    QCOMPARE(call[QStringLiteral("feedback")].toString(), QStringLiteral("wrong date"));
    QCOMPARE(call[QStringLiteral("call_ended_reason")].toString(), QStringLiteral("hangup"));
    // Merged, not replaced.
    QCOMPARE(call[QStringLiteral("metadata")][QStringLiteral("team")].toString(), QStringLiteral("blue"));
    QCOMPARE(call[QStringLiteral("metadata")][QStringLiteral("ticket")].toString(), QStringLiteral("T-1"));
    // The review trail recorded the change, by the API.
    const QList<ReviewEvent> events = CallReader(m_store->databasePath()).reviewEvents(id);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.last().source, QStringLiteral("api"));
    // ... and the detail carries it.
    const QJsonArray history = get(path).json()[QStringLiteral("review_history")].toArray();
    QCOMPARE(history.size(), events.size());
    QCOMPARE(history.last()[QStringLiteral("source")].toString(), QStringLiteral("api"));
    QCOMPARE(history.last()[QStringLiteral("new")].toString(), QStringLiteral("wrong date"));

    // is_reviewed (the older spec's field) goes through the same operation.
    response = send("PATCH", path, R"({"is_reviewed":false})");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("status")].toString(), QStringLiteral("failure"));
    QCOMPARE(response.json()[QStringLiteral("is_reviewed")].toBool(), false);
    response = send("PATCH", path, R"({"is_reviewed":false,"status":"reviewed_success"})");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("is_reviewed")].isArray());
    QCOMPARE(get(path).json()[QStringLiteral("status")].toString(), QStringLiteral("failure"));

    response = send("PATCH", path, R"({"status":"great","duration":-1})");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("status")].isArray());
    QVERIFY(response.json()[QStringLiteral("duration")].isArray());

    response = send("PATCH", path, R"({"transcript_json":[{"role":"Main Agent","content":"New text","start_time":0,"end_time":4}]})");
    QCOMPARE(response.status, 200);
    QVERIFY(response.json()[QStringLiteral("transcript")].toString().contains(QStringLiteral("New text")));

    QCOMPARE(send("DELETE", path).status, 204);
    QCOMPARE(get(path).status, 404);
    QCOMPARE(send("DELETE", path).status, 404);
}

void TestObserveApi::patchReplacesTurnLabels()
{
    const qint64 id = post("/observability/v1/observe/", json(callBody(QStringLiteral("labels-1"))))
                          .json()[QStringLiteral("id")].toInteger();
    const QByteArray path = "/observability/v1/call-logs/" + QByteArray::number(id) + "/";
    QCOMPARE(get(path).json()[QStringLiteral("annotations")].toArray().size(), 0);

    RawResponse response = send("PATCH", path, R"({"annotations":[{"turn_index":0,"label":"hallucination","note":"no Acme"}]})");
    QCOMPARE(response.status, 200);
    const QJsonArray annotations = response.json()[QStringLiteral("annotations")].toArray();
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations[0][QStringLiteral("label")].toString(), QStringLiteral("hallucination"));
    QVERIFY(!annotations[0][QStringLiteral("created_at")].toString().isEmpty());
    const QJsonArray history = response.json()[QStringLiteral("review_history")].toArray();
    QCOMPARE(history.last()[QStringLiteral("field")].toString(), QStringLiteral("label"));
    QCOMPARE(history.last()[QStringLiteral("new")].toString(), QStringLiteral("turn 1: hallucination — no Acme"));
    QCOMPARE(history.last()[QStringLiteral("source")].toString(), QStringLiteral("api"));

    // Errors in the API's shape, naming the label and field; nothing written.
    response = send("PATCH", path, R"({"annotations":[{"turn_index":0,"label":"good"},{"turn_index":-2,"label":"x"}]})");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("annotations[1].turn_index")].isArray());
    response = send("PATCH", path, R"({"annotations":[{"turn_index":40,"label":"good"}]})");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("annotations[0].turn_index")].isArray());
    QCOMPARE(get(path).json()[QStringLiteral("annotations")].toArray().size(), 1);

    response = send("PATCH", path, R"({"annotations":[]})");
    QCOMPARE(response.status, 200);
    QVERIFY(response.json()[QStringLiteral("annotations")].toArray().isEmpty());
}

void TestObserveApi::evaluateAndRerun()
{
    const qint64 id = post("/observability/v1/observe/", json(callBody(QStringLiteral("eval-1"), 9)))
                          .json()[QStringLiteral("id")].toInteger();
    RawResponse response = post("/observability/v1/call-logs/evaluate_metrics/",
                                json({{QStringLiteral("agent_id"), 9}, {QStringLiteral("call_logs"), QJsonArray{id}},
                                      {QStringLiteral("metrics"), QJsonArray{1, 2}}}));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().array().size(), 1);
    QCOMPARE(response.json().array().first()[QStringLiteral("id")].toInteger(), id);
    // This listener runs without an evaluation queue (tst_evaluation has one), and says so.
    QCOMPARE(response.header("X-Callscope-Metrics"), QByteArray("off"));
    QVERIFY(response.json().array().first()[QStringLiteral("metrics")].toArray().isEmpty());

    response = post("/observability/v1/call-logs/evaluate_metrics/", json({{QStringLiteral("call_logs"), QJsonArray{999999}}}));
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("metrics")].isArray());

    response = post("/observability/v1/call-logs/rerun_evaluation/",
                    json({{QStringLiteral("agent_id"), 9}, {QStringLiteral("call_logs"), QStringLiteral("all")}}));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().array().size(), 1);
    QVERIFY(response.json().array().first()[QStringLiteral("transcript_object")].isArray());
    response = post("/observability/v1/call-logs/rerun_evaluation/",
                    json({{QStringLiteral("agent_id"), 9}, {QStringLiteral("assistant_id"), QStringLiteral("a")},
                          {QStringLiteral("call_logs"), QJsonArray{id}}}));
    QCOMPARE(response.status, 400);
}

// Defect 13: id lists past 1,000 are refused up front, naming the field and the limit.
void TestObserveApi::idListsAreCapped()
{
    const auto saysLimit = [](const RawResponse &response, const QString &field) {
        const QJsonArray messages = response.json()[field].toArray();
        return response.status == 400 && !messages.isEmpty()
               && messages.first().toString().contains(QStringLiteral("at most 1000"));
    };
    QByteArrayList manyIds(1001, "1");
    QVERIFY(saysLimit(get("/observability/v1/call-logs/?call_ids=" + manyIds.join(',')), QStringLiteral("call_ids")));
    QCOMPARE(get("/observability/v1/call-logs/?call_ids=" + QByteArrayList(1000, "1").join(',')).status, 200);

    QJsonArray ids;
    for (int i = 1; i <= 1001; ++i)
        ids.append(i);
    const QByteArray inFilter = QJsonDocument(QJsonObject{{QStringLiteral("field"), QStringLiteral("id")},
                                                          {QStringLiteral("op"), QStringLiteral("in")},
                                                          {QStringLiteral("value"), ids}})
                                    .toJson(QJsonDocument::Compact);
    QVERIFY(saysLimit(get("/observability/v1/call-logs/?filters_v2=" + inFilter.toPercentEncoding()),
                      QStringLiteral("filters_v2.value")));
    QVERIFY(saysLimit(post("/observability/v1/call-logs/evaluate_metrics/",
                           json({{QStringLiteral("agent_id"), 9}, {QStringLiteral("call_logs"), ids},
                                 {QStringLiteral("metrics"), QJsonArray{1}}})),
                      QStringLiteral("call_logs")));
    QVERIFY(saysLimit(post("/observability/v1/call-logs/rerun_evaluation/",
                           json({{QStringLiteral("agent_id"), 9}, {QStringLiteral("call_logs"), ids}})),
                      QStringLiteral("call_logs")));
}

// Defect 14: `id eq 1.5` matched call 1; integer fields take integers only.
void TestObserveApi::integerFilterValuesAreChecked()
{
    const qint64 id = post("/observability/v1/observe/", json(callBody(QStringLiteral("int-1"), 77)))
                          .json()[QStringLiteral("id")].toInteger();
    const auto filtered = [&](const QByteArray &filter) {
        return get("/observability/v1/call-logs/?filters_v2=" + filter.toPercentEncoding());
    };
    RawResponse response = filtered(QByteArray(R"({"field":"id","op":"eq","value":)") + QByteArray::number(id) + ".5}");
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("filters_v2.value")].toArray().first().toString().contains(QStringLiteral("id")));
    QCOMPARE(filtered(R"({"field":"id","op":"in","value":[1,1e300]})").status, 400);
    QCOMPARE(filtered(R"([{"field":"agent","op":"gte","value":1e300}])").status, 400);
    QVERIFY(filtered(R"({"operator":"or","conditions":[{"field":"agent","op":"eq","value":"x"}]})")
                .json()[QStringLiteral("filters_v2.conditions[0].value")].isArray());
    response = filtered(QByteArray(R"({"field":"id","op":"eq","value":)") + QByteArray::number(id) + "}");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("count")].toInt(), 1);
    QCOMPARE(filtered(R"({"field":"agent","op":"eq","value":77})").json()[QStringLiteral("count")].toInt(), 1);
}

void TestObserveApi::requestLogMasksSecrets()
{
    QSignalSpy logged(m_listener.get(), &Listener::requestLogged);
    const QByteArray body = json(callBody(QStringLiteral("log-1")));
    QCOMPARE(sendRaw(m_port, buildRequest("POST", "/observability/v1/observe/", body, "application/json",
                                          {{"X-CEKURA-API-KEY", kKey}, {"x-retell-signature", "v=1,d=secret-sig"}}))
                 .status,
             201);
    RequestLogEntry entry;
    QTRY_VERIFY([&] {
        for (const auto &arguments : logged) {
            const auto candidate = arguments.first().value<RequestLogEntry>();
            if (candidate.headers.contains(QStringLiteral("x-retell-signature")))
                entry = candidate;
        }
        return entry.id > 0;
    }());
    QCOMPARE(entry.status, 201);
    QVERIFY(entry.id > 0);
    QVERIFY(entry.callDbId > 0);
    QCOMPARE(entry.headers.value(QStringLiteral("X-CEKURA-API-KEY")).toString(), QStringLiteral("***"));
    QCOMPARE(entry.headers.value(QStringLiteral("x-retell-signature")).toString(), QStringLiteral("***"));
    QCOMPARE(RequestLogger::readBody(entry.bodyPath), body);
    const std::optional<RequestLogEntry> read = CallReader(m_store->databasePath()).requestById(entry.id);
    QVERIFY(read);
    QCOMPARE(read->status, 201);

    // A 400 keeps its validation errors.
    post("/observability/v1/observe/", "{}");
    m_store->flush();
    const QList<RequestLogEntry> recent = CallReader(m_store->databasePath()).requests(5);
    QVERIFY(!recent.isEmpty());
    QTRY_VERIFY(CallReader(m_store->databasePath()).requests(1).first().errors.contains(QStringLiteral("call_id")));

    // The key appears in no logged header and no kept body.
    m_store->flush();
    for (const RequestLogEntry &logEntry : CallReader(m_store->databasePath()).requests(1000))
        QVERIFY(!QJsonDocument(logEntry.headers).toJson().contains(kKey));
    QDirIterator files(m_store->databasePath() + QStringLiteral(".requests"), QDir::Files);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kKey));
    }
}

void TestObserveApi::providerWebhooks()
{
    const ProviderWebhook *vapi = ProviderWebhooks::find(QStringLiteral("vapi"));
    QVERIFY(vapi);
    const QByteArray report = json(QJsonObject{
        {QStringLiteral("message"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("end-of-call-report")},
                     {QStringLiteral("endedReason"), QStringLiteral("customer-ended-call")},
                     {QStringLiteral("call"), QJsonObject{{QStringLiteral("id"), QStringLiteral("vapi-call-1")}}},
                     {QStringLiteral("artifact"),
                      QJsonObject{{QStringLiteral("messages"),
                                   QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("bot")},
                                                          {QStringLiteral("message"), QStringLiteral("Hi")},
                                                          {QStringLiteral("secondsFromStart"), 0.5}}}}}}}}});
    const QByteArray update = R"({"message":{"type":"status-update","status":"in-progress"}})";
    const QByteArray target = "/observability/v1/vapi/observe/?agent_id=55";

    // No secret on the agent: the API key is required.
    QCOMPARE(post(target, report, "application/json", {}).status, 401);
    RawResponse response = post(target, update);
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.isEmpty());
    QVERIFY(!CallReader(m_store->databasePath()).callByCallId(QStringLiteral("vapi-call-1")));
    QCOMPARE(post(target, report).status, 200);
    QVERIFY(CallReader(m_store->databasePath()).callByCallId(QStringLiteral("vapi-call-1"), QStringLiteral("agent:55")));

    // With a secret: the signature decides, and a wrong one says why.
    AgentSettings settings;
    settings.agentKey = AgentKey::ofAgent(55);
    settings.webhookSecret = QStringLiteral("whsec");
    QVERIFY(m_store->setAgentSettings(settings).result());
    response = post(target, report, "application/json", {});
    QCOMPARE(response.status, 401);
    QVERIFY(!response.json()[QStringLiteral("detail")].toString().isEmpty());
    const WebhookHeaders signature = vapi->sign(report, QStringLiteral("whsec"), QDateTime::currentDateTimeUtc());
    QList<QPair<QByteArray, QByteArray>> headers;
    for (auto it = signature.begin(); it != signature.end(); ++it)
        headers.append({it.key().toLatin1(), it.value().toLatin1()});
    response = sendRaw(m_port, buildRequest("POST", target, report, "application/json", headers));
    QCOMPARE(response.status, 200);

    // A non-final event that names its agent only in the payload (no ?agent_id=) is
    // checked against that agent's secret too; it needs no API key.
    const QByteArray started = R"({"message":{"type":"status-update","status":"in-progress","assistant":{"id":"55"}}})";
    const QByteArray bare = "/observability/v1/vapi/observe/";
    QCOMPARE(post(bare, started, "application/json", {}).status, 401);
    response = sendRaw(m_port, buildRequest("POST", bare, started, "application/json", headers));
    QCOMPARE(response.status, 200);
}

// The secret is saved under the key the command line makes of "007" (agent:7); a
// non-final event for ?agent_id=007 used to look up agent:007, find no secret and ask
// for the API key, and a final one was stored under assistant:007.
void TestObserveApi::providerWebhookAgentIdWithLeadingZeros()
{
    const ProviderWebhook *vapi = ProviderWebhooks::find(QStringLiteral("vapi"));
    QVERIFY(vapi);
    AgentSettings settings;
    settings.agentKey = AgentKey::ofAgent(7);
    settings.webhookSecret = QStringLiteral("whsec-7");
    QVERIFY(m_store->setAgentSettings(settings).result());

    const QByteArray target = "/observability/v1/vapi/observe/?agent_id=007";
    const QByteArray update = R"({"message":{"type":"status-update","status":"in-progress"}})";
    const QByteArray report = R"({"message":{"type":"end-of-call-report","call":{"id":"vapi-007"},)"
                              R"("artifact":{"messages":[{"role":"bot","message":"Hi","secondsFromStart":0.5}]}}})";
    auto signedWith = [&](const QByteArray &body, const QString &secret) {
        QList<QPair<QByteArray, QByteArray>> headers;
        const WebhookHeaders signature = vapi->sign(body, secret, QDateTime::currentDateTimeUtc());
        for (auto it = signature.begin(); it != signature.end(); ++it)
            headers.append({it.key().toLatin1(), it.value().toLatin1()});
        return buildRequest("POST", target, body, "application/json", headers);
    };
    QCOMPARE(sendRaw(m_port, signedWith(update, QStringLiteral("wrong"))).status, 401);
    QCOMPARE(sendRaw(m_port, signedWith(update, QStringLiteral("whsec-7"))).status, 200);
    QCOMPARE(sendRaw(m_port, signedWith(report, QStringLiteral("whsec-7"))).status, 200);
    QVERIFY(CallReader(m_store->databasePath()).callByCallId(QStringLiteral("vapi-007"), QStringLiteral("agent:7")));
}

// A provider webhook without the API key can only be authenticated by its signature,
// which needs the whole body: everything the head can tell is checked first, and what
// such a request may send is capped (64 KiB in this test), declared or chunked.
void TestObserveApi::providerBodiesBeforeAuthentication()
{
    const QByteArray head = "POST /observability/v1/retell/observe/ HTTP/1.1\r\nHost: a\r\n"
                            "Content-Type: application/json\r\n";
    const QByteArray declared = head + "Content-Length: 200000\r\n";
    const QByteArray signature = "x-retell-signature: v=1,d=ab\r\n";

    // Neither key nor signature header: it can never pass, refused before the (unsent) body.
    RawResponse response = sendRaw(m_port, declared + "\r\n", 3000);
    QCOMPARE(response.status, 401);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(),
             QStringLiteral("No valid API key, and no retell signature header (x-retell-signature)."));
    QCOMPARE(sendRaw(m_port, declared + "X-CEKURA-API-KEY: wrong\r\n\r\n", 3000).status, 401);

    // A signature header: the cap applies, from the head when the length is declared...
    const QString overCap = QStringLiteral("Request body over the limit of 65536 bytes for a request without a valid API key.");
    response = sendRaw(m_port, declared + signature + "\r\n", 3000);
    QCOMPARE(response.status, 413);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), overCap);
    // ...and while counting a chunked body.
    QByteArray chunked = head + "Transfer-Encoding: chunked\r\n" + signature + "\r\n";
    for (int i = 0; i < 20; ++i)
        chunked += "fa0\r\n" + QByteArray(4000, ' ') + "\r\n";
    chunked += "0\r\n\r\n";
    response = sendRaw(m_port, chunked, 3000);
    QCOMPARE(response.status, 413);
    QCOMPARE(response.json()[QStringLiteral("detail")].toString(), overCap);
    // Under the cap the body reaches the controller, which checks the signature.
    response = sendRaw(m_port, head + "Content-Length: 2\r\n" + signature + "\r\n{}", 3000);
    QCOMPARE(response.status, 401);

    // With the key the transport's own limit (256 KiB here) applies: the controller
    // sees the 200 KB body (and finds it is not JSON).
    response = sendRaw(m_port, declared + "X-CEKURA-API-KEY: " + kKey + "\r\n\r\n" + QByteArray(200000, 'x'));
    QCOMPARE(response.status, 400);

    // Provider bodies are JSON: a multipart upload is refused before it is streamed.
    response = sendRaw(m_port, "POST /observability/v1/retell/observe/ HTTP/1.1\r\nHost: a\r\n"
                               "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 100000000\r\n"
                               "X-CEKURA-API-KEY: " + kKey + "\r\n\r\n", 3000);
    QCOMPARE(response.status, 415);
}

void TestObserveApi::curlAsClient()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed");
    const QString base = m_listener->baseUrl();
    QTemporaryDir dir;
    QFile body(dir.filePath(QStringLiteral("b.json")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write(json(callBody(QStringLiteral("curl-1"))));
    body.close();
    auto curl = [](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral("curl"), QStringList{QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} + arguments);
        process.waitForFinished(20000);
        return QString::fromUtf8(process.readAllStandardOutput());
    };
    QString out = curl({QStringLiteral("-H"), QStringLiteral("X-CEKURA-API-KEY: ") + QString::fromLatin1(kKey), QStringLiteral("-H"),
                        QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"),
                        QStringLiteral("@") + body.fileName(), base + QStringLiteral("/observability/v1/observe/")});
    QVERIFY2(out.endsWith(QStringLiteral("\n201")), qPrintable(out));
    // Multipart as the docs send it; curl uses Expect: 100-continue for large bodies.
    QByteArray big(1536 * 1024, 'a');
    QFile audio(dir.filePath(QStringLiteral("a.wav")));
    QVERIFY(audio.open(QIODevice::WriteOnly));
    audio.write(big);
    audio.close();
    out = curl({QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(kKey), QStringLiteral("-F"),
                QStringLiteral("call_id=curl-2"), QStringLiteral("-F"), QStringLiteral("agent=7"), QStringLiteral("-F"),
                QStringLiteral("voice_recording=@") + audio.fileName(), base + QStringLiteral("/observability/v1/observe/")});
    QVERIFY2(out.endsWith(QStringLiteral("\n201")), qPrintable(out));
    // Over the multipart limit: curl must see the 413, not a reset connection.
    QFile huge(dir.filePath(QStringLiteral("huge.wav")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write(QByteArray(3 * 1024 * 1024, 'h'));
    huge.close();
    out = curl({QStringLiteral("-H"), QStringLiteral("X-CEKURA-API-KEY: ") + QString::fromLatin1(kKey), QStringLiteral("-F"),
                QStringLiteral("call_id=curl-3"), QStringLiteral("-F"), QStringLiteral("voice_recording=@") + huge.fileName(),
                base + QStringLiteral("/observability/v1/observe/")});
    QVERIFY2(out.endsWith(QStringLiteral("\n413")), qPrintable(out));
    out = curl({QStringLiteral("-H"), QStringLiteral("X-CEKURA-API-KEY: ") + QString::fromLatin1(kKey),
                base + QStringLiteral("/observability/v1/call-logs/?page_size=1")});
    QVERIFY2(out.endsWith(QStringLiteral("\n200")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestObserveApi)
#include "tst_observeapi.moc"
