#include "../listener/httptestclient.h"
#include "../listener/testlistener.h"
#include "../audio/testrecordings.h"

#include "metrics/builtinmetrics.h"
#include "metrics/evaluationqueue.h"
#include "store/callreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr char kKey[] = "evaluation-test-key";

QJsonObject turn(const char *role, const char *content, double start, double end)
{
    return {{QStringLiteral("role"), QString::fromLatin1(role)},
            {QStringLiteral("content"), QString::fromLatin1(content)},
            {QStringLiteral("start_time"), start},
            {QStringLiteral("end_time"), end}};
}

// A caller's question answered 2.5 s later, then a goodbye.
QJsonObject callBody(const QString &callId, int agent = 7)
{
    return {{QStringLiteral("call_id"), callId},
            {QStringLiteral("agent"), agent},
            {QStringLiteral("call_ended_reason"), QStringLiteral("customer-ended-call")},
            {QStringLiteral("transcript_json"),
             QJsonArray{turn("Main Agent", "Hello, Acme dental, how can I help?", 0.5, 2.5),
                        turn("Testing Agent", "I need to move my appointment to Friday.", 3.0, 5.0),
                        turn("Main Agent", "Of course, Friday at ten works. Goodbye!", 7.5, 10.0)}}};
}

QJsonObject metricByKey(const QJsonObject &call, const QString &key)
{
    for (const QJsonValue &metric : call[QStringLiteral("metrics")].toArray()) {
        if (metric[QStringLiteral("key")].toString() == key)
            return metric.toObject();
    }
    return {};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// Metrics evaluated by the listener's queue, end to end over HTTP: every stored call gets
// its agent's metrics without the 201 waiting, metric_ids choose the metrics,
// evaluate_metrics and rerun_evaluation queue real work, and the call detail carries
// metrics[] in the API's shape.
class TstEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void storedCallIsEvaluatedInTheBackground();
    void metricIdsChooseTheMetrics();
    void evaluateMetricsRoute();
    void rerunEvaluationReplacesTheSendersStatus();
    void patchWithReevaluateRunsTheMetricsAgain();
    void cancelDropsWhatHasNotStarted();
    void stereoRecordingTimesTheMetrics();

private:
    RawResponse post(const QByteArray &target, const QJsonObject &body);
    RawResponse postWithRecording(const QJsonObject &body, const QByteArray &wav);
    QJsonObject detail(qint64 id);
    qint64 addRule(const QString &key, const QString &pattern);

    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<EvaluationQueue> m_queue;
};

void TstEvaluation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(kKey);
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("evaluation.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_pipeline = std::make_unique<IngestPipeline>(m_store.get());
    m_queue = std::make_unique<EvaluationQueue>(m_store.get());
    m_queue->watch(m_pipeline.get());
    m_listener = std::make_unique<Listener>(m_store.get(), m_pipeline.get());
    m_listener->setEvaluationQueue(m_queue.get());
    QVERIFY2(m_listener->start(config, &error), qPrintable(error));
}

void TstEvaluation::cleanupTestCase()
{
    QVERIFY(m_listener->stopAndWait(5000));
    m_listener.reset();
    m_queue.reset();
    m_pipeline.reset();
    m_store.reset();
}

RawResponse TstEvaluation::post(const QByteArray &target, const QJsonObject &body)
{
    return sendRaw(m_listener->port(), buildRequest("POST", target, json(body), "application/json", {{"X-CEKURA-API-KEY", kKey}}));
}

QJsonObject TstEvaluation::detail(qint64 id)
{
    const RawResponse response = sendRaw(m_listener->port(),
                                         buildRequest("GET", "/observability/v1/call-logs/" + QByteArray::number(id) + "/", {}, {},
                                                      {{"X-CEKURA-API-KEY", kKey}}));
    return response.json().object();
}

qint64 TstEvaluation::addRule(const QString &key, const QString &pattern)
{
    MetricDefinition rule;
    rule.key = key;
    rule.name = key;
    rule.evaluator = MetricDefinition::Evaluator::Rule;
    rule.config = {{QStringLiteral("kind"), QStringLiteral("phrase")}, {QStringLiteral("pattern"), pattern}};
    const MetricSaveOutcome saved = m_store->saveMetric(rule).result();
    return saved.id;
}

void TstEvaluation::storedCallIsEvaluatedInTheBackground()
{
    const RawResponse created = post("/observability/v1/observe/", callBody(QStringLiteral("bg-1")));
    QCOMPARE(created.status, 201);
    const qint64 id = created.json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(10000));
    const QJsonObject call = detail(id);
    const QJsonArray metrics = call[QStringLiteral("metrics")].toArray();
    QCOMPARE(metrics.size(), BuiltinMetrics::catalogue().size());
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue &metric : metrics)
        byKey.insert(metric[QStringLiteral("key")].toString(), metric.toObject());
    // One answer, 7.5 - 5.0 = 2.5 s after the caller's turn.
    const QJsonObject latency = byKey.value(QStringLiteral("latency_max_ms"));
    QCOMPARE(latency[QStringLiteral("score")].toDouble(), 2500.0);
    QVERIFY(latency[QStringLiteral("value")].isNull());
    QCOMPARE(latency[QStringLiteral("source")].toString(), QStringLiteral("transcript"));
    QCOMPARE(latency[QStringLiteral("type")].toString(), QStringLiteral("numeric"));
    QVERIFY(!latency[QStringLiteral("explanation")].toArray().isEmpty());
    QVERIFY(latency[QStringLiteral("id")].toInteger() > 0);
    // n/a: no score and no value, and a reason.
    const QJsonObject tools = byKey.value(QStringLiteral("tool_call_success"));
    QVERIFY(tools[QStringLiteral("score")].isNull());
    QVERIFY(tools[QStringLiteral("value")].isNull());
    QVERIFY(!tools[QStringLiteral("na_reason")].toString().isEmpty());
    const QJsonObject endedBy = byKey.value(QStringLiteral("ended_by"));
    QCOMPARE(endedBy[QStringLiteral("value")].toString(), QStringLiteral("caller"));
    QCOMPARE(byKey.value(QStringLiteral("infrastructure_issue"))[QStringLiteral("score")].toDouble(), 0.0);
    // No binary metric failed: the metrics' verdict is success, with "metrics" on record.
    QCOMPARE(call[QStringLiteral("status")].toString(), QStringLiteral("success"));
    QCOMPARE(call[QStringLiteral("evaluation")][QStringLiteral("metrics")].toArray().size(), metrics.size());
}

void TstEvaluation::metricIdsChooseTheMetrics()
{
    const qint64 rule = addRule(QStringLiteral("says_friday"), QStringLiteral("friday"));
    QJsonObject body = callBody(QStringLiteral("ids-1"));
    body.insert(QStringLiteral("metric_ids"), QString::number(rule));
    const qint64 id = post("/observability/v1/observe/", body).json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(10000));
    const QJsonArray metrics = detail(id)[QStringLiteral("metrics")].toArray();
    QCOMPARE(metrics.size(), 1);
    QCOMPARE(metrics.first()[QStringLiteral("key")].toString(), QStringLiteral("says_friday"));
    QCOMPARE(metrics.first()[QStringLiteral("value")].toBool(), true);
    QCOMPARE(metrics.first()[QStringLiteral("score")].toDouble(), 1.0);
    QVERIFY(metrics.first()[QStringLiteral("explanation")].toArray().first().toString().contains(QStringLiteral("Turn 2")));
    QVERIFY(m_store->removeMetric(rule).result().ok());
}

void TstEvaluation::evaluateMetricsRoute()
{
    QJsonObject body = callBody(QStringLiteral("route-1"));
    body.insert(QStringLiteral("metric_ids"), QStringLiteral("1"));   // latency_mean_ms only
    const qint64 id = post("/observability/v1/observe/", body).json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(10000));
    const qint64 rule = addRule(QStringLiteral("says_tuesday"), QStringLiteral("tuesday"));

    RawResponse response = post("/observability/v1/call-logs/evaluate_metrics/",
                                {{QStringLiteral("agent_id"), 7}, {QStringLiteral("call_logs"), QJsonArray{id}},
                                 {QStringLiteral("metrics"), QJsonArray{rule}}});
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("X-Callscope-Metrics"), QByteArray("queued"));
    QCOMPARE(response.json().array().first()[QStringLiteral("id")].toInteger(), id);
    QVERIFY(m_queue->waitForIdle(10000));
    const QJsonObject call = detail(id);
    QCOMPARE(call[QStringLiteral("metrics")].toArray().size(), 2);
    QCOMPARE(call[QStringLiteral("status")].toString(), QStringLiteral("failure"));   // no one says tuesday

    response = post("/observability/v1/call-logs/evaluate_metrics/",
                    {{QStringLiteral("agent_id"), 7}, {QStringLiteral("call_logs"), QJsonArray{id}},
                     {QStringLiteral("metrics"), QJsonArray{987654}}});
    QCOMPARE(response.status, 400);
    QVERIFY(response.json()[QStringLiteral("metrics")].toArray().first().toString().contains(QStringLiteral("987654")));
    QVERIFY(m_store->removeMetric(rule).result().ok());
}

void TstEvaluation::rerunEvaluationReplacesTheSendersStatus()
{
    const qint64 rule = addRule(QStringLiteral("says_monday"), QStringLiteral("monday"));
    QJsonObject body = callBody(QStringLiteral("rerun-1"), 8);
    body.insert(QStringLiteral("metric_ids"), QString::number(rule));
    body.insert(QStringLiteral("status"), QStringLiteral("success"));
    const qint64 id = post("/observability/v1/observe/", body).json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(10000));
    QJsonObject call = detail(id);
    QCOMPARE(call[QStringLiteral("metrics")].toArray().first()[QStringLiteral("value")].toBool(), false);
    QCOMPARE(call[QStringLiteral("status")].toString(), QStringLiteral("success"));   // the sender's stays

    const RawResponse response = post("/observability/v1/call-logs/rerun_evaluation/",
                                      {{QStringLiteral("agent_id"), 8}, {QStringLiteral("call_logs"), QStringLiteral("all")}});
    QCOMPARE(response.status, 200);
    QVERIFY(m_queue->waitForIdle(10000));
    call = detail(id);
    QCOMPARE(call[QStringLiteral("status")].toString(), QStringLiteral("failure"));
    QVERIFY(m_store->removeMetric(rule).result().ok());
}

void TstEvaluation::patchWithReevaluateRunsTheMetricsAgain()
{
    const qint64 rule = addRule(QStringLiteral("says_sunday"), QStringLiteral("sunday"));
    QJsonObject body = callBody(QStringLiteral("patch-1"));
    body.insert(QStringLiteral("metric_ids"), QString::number(rule));
    const qint64 id = post("/observability/v1/observe/", body).json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(10000));
    QCOMPARE(detail(id)[QStringLiteral("metrics")].toArray().first()[QStringLiteral("value")].toBool(), false);

    // A new transcript in which the caller says Sunday: the rule is evaluated again.
    const QJsonObject patch{{QStringLiteral("transcript_json"),
                             QJsonArray{turn("Main Agent", "Hello.", 0.5, 1.5), turn("Testing Agent", "Sunday please.", 2.0, 3.0)}},
                            {QStringLiteral("reevaluate_metrics"), true}};
    const RawResponse patched = sendRaw(m_listener->port(),
                                        buildRequest("PATCH", "/observability/v1/call-logs/" + QByteArray::number(id) + "/",
                                                     json(patch), "application/json", {{"X-CEKURA-API-KEY", kKey}}));
    QCOMPARE(patched.status, 200);
    QVERIFY(m_queue->waitForIdle(10000));
    QTRY_COMPARE(detail(id)[QStringLiteral("metrics")].toArray().first()[QStringLiteral("value")].toBool(), true);
    QVERIFY(m_store->removeMetric(rule).result().ok());
}

void TstEvaluation::cancelDropsWhatHasNotStarted()
{
    EvaluationQueue queue(m_store.get());
    QList<qint64> ids;
    for (int i = 0; i < 3000; ++i)
        ids.append(1);
    queue.enqueueIds(ids);
    queue.cancel();
    QVERIFY(queue.waitForIdle(10000));
    QVERIFY(queue.isIdle());
}


// The call of callBody() with its recording uploaded, as a multipart observe request.
RawResponse TstEvaluation::postWithRecording(const QJsonObject &body, const QByteArray &wav)
{
    QByteArray form;
    for (auto field = body.begin(); field != body.end(); ++field) {
        const QByteArray value = field->isString() ? field->toString().toUtf8()
                                 : field->isArray() ? QJsonDocument(field->toArray()).toJson(QJsonDocument::Compact)
                                                    : QByteArray::number(field->toInteger());
        form += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"" + field.key().toUtf8() + "\"\r\n\r\n" + value + "\r\n";
    }
    form += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"call.wav\"\r\n"
            "Content-Type: audio/wav\r\n\r\n" + wav + "\r\n--BOUNDARY--\r\n";
    return sendRaw(m_listener->port(), buildRequest("POST", "/observability/v1/observe/", form,
                                                    "multipart/form-data; boundary=BOUNDARY", {{"X-CEKURA-API-KEY", kKey}}));
}

void TstEvaluation::stereoRecordingTimesTheMetrics()
{
    // The agent speaks on channel 1 as the transcript says, except that its answer comes
    // at 6 s, 1 s after the caller (channel 0) finished, not at 7.5 s.
    const QByteArray wav = TestRecordings::tonesWav(11.0, {{1, 0.5, 2.5}, {0, 3.0, 5.0}, {1, 6.0, 10.0}});
    QJsonObject body = callBody(QStringLiteral("stereo-1"));
    const RawResponse created = postWithRecording(body, wav);
    QCOMPARE(created.status, 201);
    const qint64 detected = created.json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(20000));
    m_store->flush();
    QJsonObject call = detail(detected);
    QJsonObject latency = metricByKey(call, QStringLiteral("latency_max_ms"));
    QCOMPARE(latency[QStringLiteral("source")].toString(), QStringLiteral("audio"));
    QVERIFY2(std::abs(latency[QStringLiteral("score")].toDouble() - 1000.0) < 60, qPrintable(QJsonDocument(latency).toJson()));
    QVERIFY(latency[QStringLiteral("explanation")].toArray().last().toString().contains(QStringLiteral("channel 2 (detected)")));
    QCOMPARE(metricByKey(call, QStringLiteral("agent_turns"))[QStringLiteral("source")].toString(), QStringLiteral("transcript"));
    QCOMPARE(call[QStringLiteral("main_agent_channel_index")].toInt(), 1);
    QCOMPARE(call[QStringLiteral("main_agent_channel_source")].toString(), QStringLiteral("detected"));
    QCOMPARE(call[QStringLiteral("testing_channel_index")].toInt(), 0);

    // The request's channel wins, even against the transcript: channel 0 is then the agent,
    // answering at 3 s the caller who stopped at 2.5 s.
    body.insert(QStringLiteral("call_id"), QStringLiteral("stereo-2"));
    body.insert(QStringLiteral("main_agent_channel_index"), 0);
    const qint64 requested = postWithRecording(body, wav).json()[QStringLiteral("id")].toInteger();
    QVERIFY(m_queue->waitForIdle(20000));
    call = detail(requested);
    latency = metricByKey(call, QStringLiteral("latency_max_ms"));
    QCOMPARE(latency[QStringLiteral("source")].toString(), QStringLiteral("audio"));
    QVERIFY2(std::abs(latency[QStringLiteral("score")].toDouble() - 500.0) < 60, qPrintable(QJsonDocument(latency).toJson()));
    QCOMPARE(call[QStringLiteral("main_agent_channel_index")].toInt(), 0);
    QCOMPARE(call[QStringLiteral("main_agent_channel_source")].toString(), QStringLiteral("request"));
}

QTEST_GUILESS_MAIN(TstEvaluation)
#include "tst_evaluation.moc"
