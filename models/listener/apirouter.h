#pragma once

#include "apiresult.h"
#include "calllogscontroller.h"
#include "evaluationcontroller.h"
#include "httphandler.h"
#include "listenerconfig.h"
#include "observecontroller.h"
#include "providerwebhookcontroller.h"

#include <QFuture>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <optional>

class ProviderWebhook;
class CallStore;
class EvaluationQueue;
class IngestPipeline;
class RequestLogger;

// The Cekura observe API over HTTP (docs: cekura-observe-api.md §1-3, §7, §8): matches a
// request's path and method to a route, checks the API key, and runs the route's
// controller, whose ApiResult becomes the response (ApiResult::toHttpResponse()):
//   GET    /health                                           HealthController
//   POST   /observability/v1/observe/                        ObserveController
//   GET    /observability/v1/call-logs/                      CallLogsController (also -external, v2)
//   GET|PATCH|DELETE /observability/v1/call-logs/{id}/       CallLogsController
//   POST   /observability/v1/call-logs/evaluate_metrics/     EvaluationController
//   POST   /observability/v1/call-logs/rerun_evaluation/     EvaluationController
//   POST   /observability/v1/{vapi,retell,...}/observe/      ProviderWebhookController
// Paths match with and without the trailing slash.
//
// Threads: checkHead() runs on the transport thread and touches no disk; handle() only
// queues the controller's work on its own thread pool and returns a future, so the
// transport never waits. Controllers that wait for a commit answer through a callback
// that fulfils the future (no QFuture::then(): see whenFinished()). Holds no
// per-request state.
class ApiRouter : public HttpHandler
{
public:
    // `evaluation` may be null: the evaluation routes then queue nothing and say so.
    ApiRouter(CallStore *store, IngestPipeline *pipeline, const ListenerConfig &config, RequestLogger *logger = nullptr,
              EvaluationQueue *evaluation = nullptr);
    ~ApiRouter() override;
    Q_DISABLE_COPY_MOVE(ApiRouter)

    HeadDecision checkHead(const HttpRequest &head) override;
    QFuture<HttpResponse> handle(const HttpRequest &request) override;
    void exchangeFinished(const HttpExchange &exchange) override;

    // The provider webhook that `path` (without its query) is routed to, or null.
    static const ProviderWebhook *providerWebhookFor(const QString &path);

    // Waits for the handlers' pool (used when stopping).
    void waitForDone();

private:
    struct Route
    {
        enum class Kind { Health, Observe, CallLogs, CallLog, EvaluateMetrics, RerunEvaluation, Provider };
        Kind kind = Kind::Health;
        qint64 databaseId = 0;      // CallLog: the {id} of the path
        QString provider;           // Provider: its name in the path
        QStringList methods;
    };

    static std::optional<Route> match(const QString &path);
    // A provider webhook's head: JSON only; with the API key it gets the normal limits,
    // without it it must carry the provider's signature header and its body is capped.
    HeadDecision checkProviderHead(const HttpRequest &head, const QString &provider) const;

    // Runs `handler` on m_pool.
    QFuture<HttpResponse> runOnPool(std::function<ApiResult()> handler);
    // Runs `start` on m_pool; what it passes to its ApiReply (at once, or once a store
    // write it began has committed) becomes the response.
    QFuture<HttpResponse> startOnPool(std::function<void(ApiReply)> start);

    ListenerConfig m_config;
    RequestLogger *m_logger;
    ObserveController m_observe;
    CallLogsController m_callLogs;
    EvaluationController m_evaluation;
    ProviderWebhookController m_providerWebhooks;
    QThreadPool m_pool;
};
