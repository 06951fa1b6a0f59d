#include "apirouter.h"

#include "apikeycheck.h"
#include "healthcontroller.h"
#include "requestlogger.h"

#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/promisedresult.h"

#include <QRegularExpression>
#include <QThread>
#include <QtConcurrent>

namespace {

const QStringList &callLogPrefixes()
{
    static const QStringList prefixes{QStringLiteral("/observability/v1/call-logs/"),
                                      QStringLiteral("/observability/v1/call-logs-external/"),
                                      QStringLiteral("/observability/v2/call-logs/")};
    return prefixes;
}

HttpResponse notFound()
{
    return ApiResult::error(ApiError::NotFound, QStringLiteral("Not found.")).toHttpResponse();
}

HttpResponse unauthorized(const HttpRequest &head)
{
    return ApiResult::error(ApiError::Unauthorized, ApiKeyCheck::sentKey(head)
                                                        ? QStringLiteral("Invalid API key.")
                                                        : QStringLiteral("Authentication credentials were not provided."))
        .withHeader("WWW-Authenticate", "Bearer realm=\"callscope\"")
        .toHttpResponse();
}

HttpResponse unsupportedMediaType(const QByteArray &type, const QString &hint = {})
{
    return ApiResult::error(ApiError::UnsupportedMediaType,
                            QStringLiteral("Unsupported media type \"%1\" in request.%2")
                                .arg(QString::fromLatin1(type.isEmpty() ? QByteArray("(none)") : type), hint))
        .toHttpResponse();
}

} // namespace

ApiRouter::ApiRouter(CallStore *store, IngestPipeline *pipeline, const ListenerConfig &config, RequestLogger *logger,
                     EvaluationQueue *evaluation)
    : m_config(config),
      m_logger(logger),
      m_observe(pipeline),
      m_callLogs(store, evaluation),
      m_evaluation(store, evaluation),
      m_providerWebhooks(store, pipeline, config.apiKey)
{
    // Observe requests do not hold a thread while their call is committed (callbacks),
    // but reads and the rarer routes wait on the store: give them enough threads for the
    // writer's group commit to see many requests at once.
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_pool.setExpiryTimeout(60'000);
}

ApiRouter::~ApiRouter()
{
    m_pool.waitForDone();
}

void ApiRouter::waitForDone()
{
    m_pool.waitForDone();
}

std::optional<ApiRouter::Route> ApiRouter::match(const QString &rawPath)
{
    QString path = rawPath;
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    Route route;
    if (path == QLatin1String("/health/")) {
        route.kind = Route::Kind::Health;
        route.methods = {QStringLiteral("GET"), QStringLiteral("HEAD")};
        return route;
    }
    if (path == QLatin1String("/observability/v1/observe/")) {
        route.kind = Route::Kind::Observe;
        route.methods = {QStringLiteral("POST")};
        return route;
    }
    for (const QString &prefix : callLogPrefixes()) {
        if (!path.startsWith(prefix))
            continue;
        const QString rest = path.mid(prefix.size());
        if (rest.isEmpty()) {
            route.kind = Route::Kind::CallLogs;
            route.methods = {QStringLiteral("GET")};
            return route;
        }
        if (rest == QLatin1String("evaluate_metrics/")) {
            route.kind = Route::Kind::EvaluateMetrics;
            route.methods = {QStringLiteral("POST")};
            return route;
        }
        if (rest == QLatin1String("rerun_evaluation/")) {
            route.kind = Route::Kind::RerunEvaluation;
            route.methods = {QStringLiteral("POST")};
            return route;
        }
        static const QRegularExpression idPattern(QStringLiteral("^([^/]+)/$"));
        const QRegularExpressionMatch idMatch = idPattern.match(rest);
        if (idMatch.hasMatch()) {
            bool ok = false;
            route.databaseId = idMatch.captured(1).toLongLong(&ok);
            if (!ok || route.databaseId <= 0)
                return std::nullopt;
            route.kind = Route::Kind::CallLog;
            route.methods = {QStringLiteral("GET"), QStringLiteral("PATCH"), QStringLiteral("DELETE")};
            return route;
        }
        return std::nullopt;
    }
    static const QRegularExpression providerPattern(QStringLiteral("^/observability/v1/([a-z]+)/observe/$"));
    const QRegularExpressionMatch providerMatch = providerPattern.match(path);
    if (providerMatch.hasMatch() && ProviderWebhooks::find(providerMatch.captured(1))) {
        route.kind = Route::Kind::Provider;
        route.provider = providerMatch.captured(1);
        route.methods = {QStringLiteral("POST")};
        return route;
    }
    return std::nullopt;
}

const ProviderWebhook *ApiRouter::providerWebhookFor(const QString &path)
{
    const std::optional<Route> route = match(path);
    return route && route->kind == Route::Kind::Provider ? ProviderWebhooks::find(route->provider) : nullptr;
}

HeadDecision ApiRouter::checkHead(const HttpRequest &head)
{
    const std::optional<Route> route = match(head.path());
    if (!route)
        return HeadDecision::refuse(notFound());
    const QString method = QString::fromLatin1(head.method);
    if (!route->methods.contains(method)) {
        return HeadDecision::refuse(
            ApiResult::error(ApiError::MethodNotAllowed, QStringLiteral("Method \"%1\" not allowed.").arg(method))
                .withHeader("Allow", route->methods.join(QLatin1String(", ")).toLatin1())
                .toHttpResponse());
    }
    if (route->kind == Route::Kind::Health) {
        // Anyone may ask for /health: it must not make the listener buffer anything.
        if (head.hasBody())
            return HeadDecision::refuse(
                ApiResult::error(ApiError::PayloadTooLarge, QStringLiteral("/health takes no request body.")).toHttpResponse());
        return HeadDecision::accept();
    }
    if (route->kind == Route::Kind::Provider)
        return checkProviderHead(head, route->provider);
    if (!ApiKeyCheck::hasValidKey(head, m_config.apiKey))
        return HeadDecision::refuse(unauthorized(head));
    if (head.hasBody() && (method == QLatin1String("POST") || method == QLatin1String("PATCH"))) {
        const QByteArray type = head.mediaType();
        if (type != "application/json" && type != "application/x-www-form-urlencoded" && type != "multipart/form-data")
            return HeadDecision::refuse(unsupportedMediaType(type));
    }
    return HeadDecision::accept();
}

HeadDecision ApiRouter::checkProviderHead(const HttpRequest &head, const QString &provider) const
{
    // The controller maps the raw body as JSON: anything else (a multipart upload
    // streamed to disk, a form) could only end in a 400.
    if (head.hasBody() && head.mediaType() != "application/json")
        return HeadDecision::refuse(unsupportedMediaType(head.mediaType(), QStringLiteral(" Provider webhooks are application/json.")));
    if (ApiKeyCheck::hasValidKey(head, m_config.apiKey))
        return HeadDecision::accept();
    // Without the key only the provider's signature can authenticate the request, and
    // it is checked with the whole body: a request without its header never passes,
    // one with it may send no more than an unauthenticated body.
    const ProviderWebhook *webhook = ProviderWebhooks::find(provider);
    const QStringList signatureHeaders = webhook->signatureHeaders();
    const bool signedRequest = std::any_of(signatureHeaders.begin(), signatureHeaders.end(), [&](const QString &name) {
        return head.hasHeader(name.toLatin1());
    });
    if (!signedRequest) {
        return HeadDecision::refuse(
            ApiResult::error(ApiError::Unauthorized,
                             QStringLiteral("No valid API key, and no %1 signature header (%2).")
                                 .arg(provider, signatureHeaders.join(QLatin1String(", "))))
                .withHeader("WWW-Authenticate", "Bearer realm=\"callscope\"")
                .toHttpResponse());
    }
    HeadDecision decision;
    decision.maxBodyBytes = m_config.maxUnauthenticatedBodyBytes;
    decision.bodyLimitReason = QStringLiteral("for a request without a valid API key");
    return decision;
}

QFuture<HttpResponse> ApiRouter::handle(const HttpRequest &request)
{
    const std::optional<Route> route = match(request.path());
    if (!route)
        return QtFuture::makeReadyFuture(notFound());
    switch (route->kind) {
    case Route::Kind::Health:
        return QtFuture::makeReadyFuture(HealthController::health().toHttpResponse());
    case Route::Kind::Observe:
        return startOnPool([this, request](ApiReply reply) { m_observe.observe(request, std::move(reply)); });
    case Route::Kind::Provider:
        return startOnPool([this, request, provider = route->provider](ApiReply reply) {
            m_providerWebhooks.receive(request, provider, std::move(reply));
        });
    case Route::Kind::CallLogs:
        return runOnPool([this, request] { return m_callLogs.list(request); });
    case Route::Kind::CallLog: {
        const qint64 databaseId = route->databaseId;
        if (request.method == "GET")
            return runOnPool([this, databaseId] { return m_callLogs.get(databaseId); });
        if (request.method == "PATCH")
            return runOnPool([this, request, databaseId] { return m_callLogs.patch(request, databaseId); });
        return runOnPool([this, databaseId] { return m_callLogs.remove(databaseId); });
    }
    case Route::Kind::EvaluateMetrics:
        return runOnPool([this, request] { return m_evaluation.evaluateMetrics(request); });
    case Route::Kind::RerunEvaluation:
        return runOnPool([this, request] { return m_evaluation.rerunEvaluation(request); });
    }
    return QtFuture::makeReadyFuture(notFound());
}

QFuture<HttpResponse> ApiRouter::runOnPool(std::function<ApiResult()> handler)
{
    return QtConcurrent::run(&m_pool, [handler = std::move(handler)] { return handler().toHttpResponse(); });
}

QFuture<HttpResponse> ApiRouter::startOnPool(std::function<void(ApiReply)> start)
{
    // One promise, finished by whichever thread has the answer, and no then() anywhere
    // on the way: see whenFinished() for the Qt 6.4 race that rules then() out here.
    PromisedResult<HttpResponse> response = promisedResult<HttpResponse>();
    ApiReply reply = [fulfil = std::move(response.fulfil)](const ApiResult &result) { fulfil(result.toHttpResponse()); };
    m_pool.start([start = std::move(start), reply = std::move(reply)] { start(reply); });
    return response.future;
}

void ApiRouter::exchangeFinished(const HttpExchange &exchange)
{
    if (m_logger && m_config.logRequests)
        m_logger->log(exchange);
}
