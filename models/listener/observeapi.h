#pragma once

#include "httphandler.h"
#include "listenerconfig.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <optional>

class CallStore;
class IngestPipeline;
class RequestLogger;

// The Cekura observe API over HTTP (docs: cekura-observe-api.md §1-3, §7, §8): routes a
// request, checks the API key, decodes the body (JSON, urlencoded, multipart) and runs
// the route's handler, which returns the response in the reference's shapes:
//   GET    /health
//   POST   /observability/v1/observe/
//   GET    /observability/v1/call-logs/                      (also -external, v2)
//   GET|PATCH|DELETE /observability/v1/call-logs/{id}/
//   POST   /observability/v1/call-logs/evaluate_metrics/
//   POST   /observability/v1/call-logs/rerun_evaluation/
//   POST   /observability/v1/{vapi,retell,elevenlabs,pipecat,livekit}/observe/
// Paths match with and without the trailing slash. Every call goes through the shared
// IngestPipeline, so a call posted here is stored exactly like an imported one; a 201 is
// only answered after the pipeline's future resolved, i.e. after the commit.
//
// Threads: checkHead() runs on the transport thread and touches no disk; handle() only
// queues work on its own thread pool (body parsing, validation, reads) and returns a
// future, so the transport never waits. Holds no per-request state.
class ObserveApi : public HttpHandler
{
public:
    ObserveApi(CallStore *store, IngestPipeline *pipeline, const ListenerConfig &config,
               RequestLogger *logger = nullptr);
    ~ObserveApi() override;
    Q_DISABLE_COPY_MOVE(ObserveApi)

    std::optional<HttpResponse> checkHead(const HttpRequest &head) override;
    QFuture<HttpResponse> handle(const HttpRequest &request) override;
    void exchangeFinished(const HttpExchange &exchange) override;

    // Waits for the handlers' pool (used when stopping).
    void waitForDone();

    // Whether `request` carries the API key (X-CEKURA-API-KEY, or Authorization with or
    // without "Bearer "), compared in constant time. An empty configured key matches nothing.
    static bool hasValidKey(const HttpRequest &request, const QString &apiKey);

private:
    struct Route
    {
        enum class Kind { Health, Observe, CallLogs, CallLog, EvaluateMetrics, RerunEvaluation, Provider };
        Kind kind = Kind::Health;
        qint64 id = 0;
        QString provider;
        QStringList methods;
    };

    static std::optional<Route> match(const QString &path, bool *badId);

    // Hands a route's answer over from whichever thread has it (pool, writer).
    using Respond = std::function<void(const HttpResponse &)>;

    // Runs `start` on m_pool; what it passes to its Respond (at once, or once a store
    // write it began has committed) becomes the result.
    QFuture<HttpResponse> startOnPool(std::function<void(Respond)> start);
    void observeAsync(const HttpRequest &request, Respond respond);
    HttpResponse listCalls(const HttpRequest &request);
    HttpResponse getCall(qint64 id);
    HttpResponse patchCall(const HttpRequest &request, qint64 id);
    HttpResponse deleteCall(qint64 id);
    HttpResponse evaluateMetrics(const HttpRequest &request);
    HttpResponse rerunEvaluation(const HttpRequest &request);
    void providerWebhookAsync(const HttpRequest &request, const QString &provider, Respond respond);

    // Decodes a JSON, urlencoded or multipart body into an object (form values stay
    // strings). Nothing and `*error` set when the body is not usable.
    static std::optional<QJsonObject> decodeBody(const HttpRequest &request, bool *form, HttpResponse *error);

    CallStore *m_store;
    IngestPipeline *m_pipeline;
    ListenerConfig m_config;
    RequestLogger *m_logger;
    QThreadPool m_pool;
};
