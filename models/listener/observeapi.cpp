#include "observeapi.h"

#include "calllogfilter.h"
#include "listenerlog.h"
#include "requestlogger.h"

#include "calllog/calllogjsonwriter.h"
#include "calllog/reviewstatus.h"
#include "ingest/ingestpipeline.h"
#include "ingest/observerequest.h"
#include "ingest/threadreader.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "providers/webhooksignature.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/promisedresult.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtConcurrent>

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
constexpr int kScanBatch = 500;
constexpr int kMaxRerunCalls = 1000;

const QString kMetricsWarning = QStringLiteral(
    "299 callscope \"Metrics are not evaluated: this Callscope build has no metrics engine yet; "
    "the calls are returned as stored.\"");

const QStringList &callLogPrefixes()
{
    static const QStringList prefixes{QStringLiteral("/observability/v1/call-logs/"),
                                      QStringLiteral("/observability/v1/call-logs-external/"),
                                      QStringLiteral("/observability/v2/call-logs/")};
    return prefixes;
}

HttpResponse badRequest(const FieldErrors &errors)
{
    HttpResponse response = HttpResponse::json(400, errors.toJson());
    response.logErrors = errors.toJson();
    response.note = errors.summary().left(200);
    return response;
}

QByteArray jsonArray(const QByteArrayList &items)
{
    return '[' + items.join(',') + ']';
}

HttpResponse notFound()
{
    return HttpResponse::detail(404, QStringLiteral("Not found."));
}

// Form bodies carry numbers, booleans and lists as text.
std::optional<bool> boolean(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// A list of positive integers: a JSON array, or text "1,2,3" / "[1,2,3]".
std::optional<QList<qint64>> idList(const QJsonValue &value)
{
    QJsonValue list = value;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.startsWith(QLatin1Char('['))) {
            list = QJsonDocument::fromJson(text.toUtf8()).array();
        } else {
            QJsonArray items;
            for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const qint64 id = part.trimmed().toLongLong(&ok);
                if (!ok)
                    return std::nullopt;
                items.append(id);
            }
            list = items;
        }
    }
    if (!list.isArray())
        return std::nullopt;
    QList<qint64> ids;
    for (const QJsonValue &item : list.toArray()) {
        if (item.isDouble() && item.toDouble() == double(item.toInteger()) && item.toInteger() > 0)
            ids.append(item.toInteger());
        else if (item.isString() && item.toString().toLongLong() > 0)
            ids.append(item.toString().toLongLong());
        else
            return std::nullopt;
    }
    return ids;
}

QString agentKeyForId(const QString &agentId)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (agentId.isEmpty())
        return {};
    return digits.match(agentId).hasMatch() ? QStringLiteral("agent:") + agentId : QStringLiteral("assistant:") + agentId;
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(Qt::UTC);
    }
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

QString pageUrl(const HttpRequest &request, int page)
{
    QUrlQuery query = request.query();
    query.removeAllQueryItems(QStringLiteral("page"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    QString host = QString::fromLatin1(request.header("Host"));
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    return QStringLiteral("http://%1%2?%3").arg(host, request.path(), query.toString(QUrl::FullyEncoded));
}

} // namespace

ObserveApi::ObserveApi(CallStore *store, IngestPipeline *pipeline, const ListenerConfig &config, RequestLogger *logger)
    : m_store(store), m_pipeline(pipeline), m_config(config), m_logger(logger)
{
    // Observe requests do not hold a thread while their call is committed (continuations),
    // but reads and the rarer routes wait on the store: give them enough threads for the
    // writer's group commit to see many requests at once.
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_pool.setExpiryTimeout(60'000);
}

ObserveApi::~ObserveApi()
{
    m_pool.waitForDone();
}

void ObserveApi::waitForDone()
{
    m_pool.waitForDone();
}

bool ObserveApi::hasValidKey(const HttpRequest &request, const QString &apiKey)
{
    if (apiKey.isEmpty())
        return false;
    // Hashing both sides first makes the comparison independent of the lengths too.
    const QByteArray expected = QCryptographicHash::hash(apiKey.toUtf8(), QCryptographicHash::Sha256);
    bool valid = false;
    auto check = [&](QByteArray candidate) {
        candidate = candidate.trimmed();
        if (candidate.size() > 7 && candidate.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            candidate = candidate.mid(7).trimmed();
        const QByteArray hash = QCryptographicHash::hash(candidate, QCryptographicHash::Sha256);
        // Evaluate every candidate, whatever the result so far.
        valid = WebhookSignature::constantTimeEquals(hash, expected) || valid;
    };
    for (const auto &[name, value] : request.headers) {
        if (name.compare("x-cekura-api-key", Qt::CaseInsensitive) == 0 || name.compare("authorization", Qt::CaseInsensitive) == 0)
            check(value);
    }
    return valid;
}

std::optional<ObserveApi::Route> ObserveApi::match(const QString &rawPath, bool *badId)
{
    *badId = false;
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
            route.id = idMatch.captured(1).toLongLong(&ok);
            if (!ok || route.id <= 0) {
                *badId = true;
                return std::nullopt;
            }
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

std::optional<HttpResponse> ObserveApi::checkHead(const HttpRequest &head)
{
    bool badId = false;
    const std::optional<Route> route = match(head.path(), &badId);
    if (!route)
        return notFound();
    const QString method = QString::fromLatin1(head.method);
    if (!route->methods.contains(method)) {
        HttpResponse response = HttpResponse::detail(405, QStringLiteral("Method \"%1\" not allowed.").arg(method));
        response.setHeader("Allow", route->methods.join(QLatin1String(", ")).toLatin1());
        return response;
    }
    if (route->kind == Route::Kind::Health)
        return std::nullopt;
    // Provider webhooks may instead be authenticated by their signature (checked with
    // the body, in handle()).
    if (route->kind != Route::Kind::Provider && !hasValidKey(head, m_config.apiKey)) {
        const bool sent = head.hasHeader("X-CEKURA-API-KEY") || head.hasHeader("Authorization");
        HttpResponse response = HttpResponse::detail(
            401, sent ? QStringLiteral("Invalid API key.") : QStringLiteral("Authentication credentials were not provided."));
        response.setHeader("WWW-Authenticate", "Bearer realm=\"callscope\"");
        return response;
    }
    const bool hasBody = head.hasHeader("Transfer-Encoding") || head.header("Content-Length").trimmed().toLongLong() > 0;
    if (hasBody && route->kind != Route::Kind::Provider && (method == QLatin1String("POST") || method == QLatin1String("PATCH"))) {
        const QByteArray type = head.mediaType();
        if (type != "application/json" && type != "application/x-www-form-urlencoded" && type != "multipart/form-data")
            return HttpResponse::detail(415, QStringLiteral("Unsupported media type \"%1\" in request.")
                                                 .arg(QString::fromLatin1(type.isEmpty() ? QByteArray("(none)") : type)));
    }
    return std::nullopt;
}

QFuture<HttpResponse> ObserveApi::handle(const HttpRequest &request)
{
    bool badId = false;
    const std::optional<Route> route = match(request.path(), &badId);
    if (!route)
        return QtFuture::makeReadyFuture(notFound());
    switch (route->kind) {
    case Route::Kind::Health: {
        const QJsonObject health{{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("version"), QStringLiteral(CALLSCOPE_VERSION)}};
        return QtFuture::makeReadyFuture(HttpResponse::json(200, health));
    }
    case Route::Kind::Observe:
        return startOnPool([this, request](Respond respond) { observeAsync(request, std::move(respond)); });
    case Route::Kind::Provider:
        return startOnPool([this, request, provider = route->provider](Respond respond) {
            providerWebhookAsync(request, provider, std::move(respond));
        });
    case Route::Kind::CallLogs:
        return QtConcurrent::run(&m_pool, [this, request] { return listCalls(request); });
    case Route::Kind::CallLog: {
        const qint64 id = route->id;
        if (request.method == "GET")
            return QtConcurrent::run(&m_pool, [this, id] { return getCall(id); });
        if (request.method == "PATCH")
            return QtConcurrent::run(&m_pool, [this, request, id] { return patchCall(request, id); });
        return QtConcurrent::run(&m_pool, [this, id] { return deleteCall(id); });
    }
    case Route::Kind::EvaluateMetrics:
        return QtConcurrent::run(&m_pool, [this, request] { return evaluateMetrics(request); });
    case Route::Kind::RerunEvaluation:
        return QtConcurrent::run(&m_pool, [this, request] { return rerunEvaluation(request); });
    }
    return QtFuture::makeReadyFuture(notFound());
}

QFuture<HttpResponse> ObserveApi::startOnPool(std::function<void(Respond)> start)
{
    // One promise, finished by whichever thread has the answer, and no then() anywhere
    // on the way: see whenFinished() for the Qt 6.4 race that rules then() out here.
    PromisedResult<HttpResponse> response = promisedResult<HttpResponse>();
    m_pool.start([start = std::move(start), respond = std::move(response.fulfil)] { start(respond); });
    return response.future;
}

void ObserveApi::exchangeFinished(const HttpExchange &exchange)
{
    if (m_logger && m_config.logRequests)
        m_logger->log(exchange);
}

std::optional<QJsonObject> ObserveApi::decodeBody(const HttpRequest &request, bool *form, HttpResponse *error)
{
    const QByteArray type = request.mediaType();
    *form = false;
    if (type == "multipart/form-data") {
        *form = true;
        QJsonObject object;
        for (const auto &[name, value] : request.fields)
            object.insert(name, QString::fromUtf8(value));
        return object;
    }
    if (type == "application/x-www-form-urlencoded") {
        *form = true;
        QJsonObject object;
        for (const QByteArray &pair : request.body.split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype equals = pair.indexOf('=');
            QByteArray name = equals < 0 ? pair : pair.left(equals);
            QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
            name.replace('+', ' ');
            value.replace('+', ' ');
            const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(name));
            const QString text = QString::fromUtf8(QByteArray::fromPercentEncoding(value));
            // A repeated key (redact_fields=a&redact_fields=b) becomes the comma list the
            // validator accepts from forms.
            object.insert(key, object.contains(key) ? object.value(key).toString() + QLatin1Char(',') + text : text);
        }
        return object;
    }
    // JSON (also the fallback for an empty body without a Content-Type).
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    FieldErrors errors;
    if (parseError.error != QJsonParseError::NoError)
        errors.add(QStringLiteral("non_field_errors"),
                   QStringLiteral("JSON parse error: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
    else if (!document.isObject())
        errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Invalid data. Expected a dictionary."));
    if (!errors.isEmpty()) {
        *error = badRequest(errors);
        return std::nullopt;
    }
    return document.object();
}

void ObserveApi::observeAsync(const HttpRequest &request, Respond respond)
{
    bool form = false;
    HttpResponse error;
    std::optional<QJsonObject> body = decodeBody(request, &form, &error);
    if (!body) {
        respond(error);
        return;
    }

    FieldErrors errors;
    IngestSource source;
    source.encoding = form ? ObserveRequest::Encoding::Form : ObserveRequest::Encoding::Json;
    for (const HttpRequest::UploadedFile &file : request.files) {
        if (file.fieldName == QLatin1String("voice_recording")) {
            source.uploadedRecording = file.path;
            source.uploadedRecordingName = file.fileName;
        } else {
            errors.add(file.fieldName, QStringLiteral("Unexpected file upload; only voice_recording takes a file."));
        }
    }
    // A `voice_recording` path in the body is refused by the pipeline: only file import
    // may name local files (IngestSource::localRecordingPaths).
    if (!errors.isEmpty()) {
        respond(badRequest(errors));
        return;
    }

    // The uploads stay alive (and are removed if not moved) until the call is stored.
    m_pipeline->ingest(*body, source, [uploads = request.uploads, respond = std::move(respond)](const IngestResult &result) {
        if (!result.errors.isEmpty()) {
            respond(badRequest(result.errors));
            return;
        }
        HttpResponse response = HttpResponse::jsonText(201, CallLogJsonWriter::write(result.call, CallLogJsonWriter::Shape::Response));
        response.callDbId = result.call.id;
        response.note = QStringLiteral("%1 call %2").arg(result.created ? QStringLiteral("created")
                                                                        : QStringLiteral("updated"))
                            .arg(result.call.id);
        respond(response);
    });
}

HttpResponse ObserveApi::listCalls(const HttpRequest &request)
{
    const QUrlQuery query = request.query();
    auto item = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed(); };
    FieldErrors errors;
    CallQuery callQuery;

    int page = 1;
    if (!item("page").isEmpty()) {
        bool ok = false;
        page = item("page").toInt(&ok);
        if (!ok || page < 1)
            return HttpResponse::detail(404, QStringLiteral("Invalid page."));
    }
    int pageSize = kDefaultPageSize;
    if (!item("page_size").isEmpty()) {
        bool ok = false;
        pageSize = item("page_size").toInt(&ok);
        if (!ok || pageSize < 1)
            errors.add(QStringLiteral("page_size"), QStringLiteral("A positive integer is required."));
        pageSize = std::clamp(pageSize, 1, kMaxPageSize);
    }
    for (const char *name : {"timestamp_from", "timestamp_to"}) {
        const QString text = item(name);
        if (text.isEmpty())
            continue;
        const QDateTime time = parseTime(text);
        if (!time.isValid()) {
            errors.add(QLatin1String(name), QStringLiteral("Enter a valid date/time (ISO 8601)."));
            continue;
        }
        (qstrcmp(name, "timestamp_from") == 0 ? callQuery.timestampFrom : callQuery.timestampTo) = time;
    }
    if (!item("agent_id").isEmpty()) {
        bool ok = false;
        item("agent_id").toLongLong(&ok);
        if (!ok)
            errors.add(QStringLiteral("agent_id"), QStringLiteral("A valid integer is required."));
        else
            callQuery.agentKey = QStringLiteral("agent:") + item("agent_id");
    }
    if (!item("assistant_id").isEmpty()) {
        if (!callQuery.agentKey.isEmpty())
            errors.add(QStringLiteral("assistant_id"), QStringLiteral("Give agent_id or assistant_id, not both."));
        else
            callQuery.agentKey = QStringLiteral("assistant:") + item("assistant_id");
    }
    if (!item("call_ids").isEmpty()) {
        const std::optional<QList<qint64>> ids = idList(QJsonValue(item("call_ids")));
        if (!ids)
            errors.add(QStringLiteral("call_ids"), QStringLiteral("Expected comma-separated call log ids."));
        else
            callQuery.ids = *ids;
    }
    if (!item("search").isEmpty())
        callQuery.search = item("search");
    const CallLogFilter filter = CallLogFilter::parse(item("filters_v2"), &errors);
    if (!errors.isEmpty())
        return badRequest(errors);

    CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    const bool exact = filter.narrow(callQuery);
    const qint64 offset = qint64(page - 1) * pageSize;
    qint64 count = 0;
    QByteArrayList results;   // each call written once, as JSON text
    if (exact) {
        count = reader.count(callQuery);
        callQuery.limit = pageSize;
        callQuery.offset = int(offset);
        callQuery.withDetails = true;
        if (offset < count) {
            for (const CallLog &call : reader.list(callQuery))
                results.append(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Response));
        }
    } else {
        // Conditions SQL cannot express are matched call by call, newest first.
        callQuery.withDetails = true;
        callQuery.limit = kScanBatch;
        callQuery.offset = 0;
        for (;;) {
            const QList<CallLog> batch = reader.list(callQuery);
            for (const CallLog &call : batch) {
                if (!filter.matches(call.toDetailJson()))
                    continue;
                if (count >= offset && count < offset + pageSize)
                    results.append(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Response));
                ++count;
            }
            if (batch.size() < kScanBatch)
                break;
            callQuery.offset += kScanBatch;
        }
    }
    if (count < 0)
        return HttpResponse::detail(500, QStringLiteral("Cannot read the database: %1").arg(reader.lastError()));
    if (page > 1 && offset >= count)
        return HttpResponse::detail(404, QStringLiteral("Invalid page."));
    const QJsonObject envelope{
        {QStringLiteral("count"), count},
        {QStringLiteral("next"), offset + pageSize < count ? QJsonValue(pageUrl(request, page + 1)) : QJsonValue()},
        {QStringLiteral("previous"), page > 1 ? QJsonValue(pageUrl(request, page - 1)) : QJsonValue()},
    };
    QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    body.chop(1);   // the closing brace: "results" goes in as text
    body += ",\"results\":" + jsonArray(results) + '}';
    HttpResponse response = HttpResponse::jsonText(200, body);
    response.note = QStringLiteral("%1 of %2 calls").arg(results.size()).arg(count);
    return response;
}

HttpResponse ObserveApi::getCall(qint64 id)
{
    const std::optional<CallLog> call = ThreadReader::forDatabase(m_store->databasePath()).callById(id);
    if (!call)
        return notFound();
    HttpResponse response = HttpResponse::jsonText(200, CallLogJsonWriter::write(*call, CallLogJsonWriter::Shape::Detail));
    response.callDbId = id;
    return response;
}

HttpResponse ObserveApi::patchCall(const HttpRequest &request, qint64 id)
{
    CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    const std::optional<CallLog> current = reader.callById(id);
    if (!current)
        return notFound();
    bool form = false;
    HttpResponse decodeError;
    const std::optional<QJsonObject> patch = decodeBody(request, &form, &decodeError);
    if (!patch)
        return decodeError;

    FieldErrors errors;
    ReviewChange review;
    review.callDbId = id;
    review.source = QStringLiteral("api");
    if (patch->contains(QStringLiteral("call_id")) && patch->value(QStringLiteral("call_id")).toString() != current->callId)
        errors.add(QStringLiteral("call_id"),
                   QStringLiteral("Changing call_id is not supported: a call is identified by its agent and call_id. "
                                  "Post it again under the new call_id and delete this one."));
    if (patch->contains(QStringLiteral("status"))) {
        const QJsonValue value = patch->value(QStringLiteral("status"));
        const std::optional<ReviewStatus> status = ReviewStatuses::fromName(value.toString());
        if (!status)
            errors.add(QStringLiteral("status"), QStringLiteral("\"%1\" is not a valid choice.").arg(value.toString()));
        else
            review.status = status;
    }
    if (patch->contains(QStringLiteral("feedback"))) {
        const QJsonValue value = patch->value(QStringLiteral("feedback"));
        if (!value.isString() && !value.isNull())
            errors.add(QStringLiteral("feedback"), QStringLiteral("Not a valid string."));
        else
            review.feedback = value.toString();
    }
    // Spec versions up to mid-2026 took is_reviewed; it marks the verdict reviewed or not.
    if (patch->contains(QStringLiteral("is_reviewed"))) {
        const QJsonValue value = patch->value(QStringLiteral("is_reviewed"));
        if (!boolean(value))
            errors.add(QStringLiteral("is_reviewed"), QStringLiteral("Must be a valid boolean."));
        else
            review.reviewed = *boolean(value);
    }
    std::optional<double> durationMinutes;
    if (patch->contains(QStringLiteral("duration"))) {
        const QJsonValue value = patch->value(QStringLiteral("duration"));
        bool ok = value.isDouble();
        const double minutes = value.isDouble() ? value.toDouble() : value.toString().toDouble(&ok);
        if (!ok || minutes < 0)
            errors.add(QStringLiteral("duration"), QStringLiteral("A number of minutes, 0 or more, is required."));
        else
            durationMinutes = minutes;
    }
    if (patch->contains(QStringLiteral("reevaluate_metrics"))
        && !boolean(patch->value(QStringLiteral("reevaluate_metrics"))))
        errors.add(QStringLiteral("reevaluate_metrics"), QStringLiteral("Must be a valid boolean."));

    // The observe fields go through the same validator as a post, on a body that names
    // this call and carries only the patched fields.
    static const QStringList observeFields{
        QStringLiteral("transcript_json"), QStringLiteral("transcript_type"), QStringLiteral("timestamp"),
        QStringLiteral("call_ended_reason"), QStringLiteral("customer_number"), QStringLiteral("metadata"),
        QStringLiteral("dynamic_variables")};
    QJsonObject probe{{QStringLiteral("call_id"), current->callId}};
    if (current->agent)
        probe.insert(QStringLiteral("agent"), form ? QJsonValue(QString::number(*current->agent)) : QJsonValue(*current->agent));
    if (!current->assistantId.isEmpty())
        probe.insert(QStringLiteral("assistant_id"), current->assistantId);
    bool contentChanged = durationMinutes.has_value();
    for (const QString &field : observeFields) {
        if (patch->contains(field)) {
            probe.insert(field, patch->value(field));
            contentChanged = true;
        }
    }
    if (patch->contains(QStringLiteral("transcript_type")) && !patch->contains(QStringLiteral("transcript_json")))
        errors.add(QStringLiteral("transcript_type"), QStringLiteral("Send transcript_json with transcript_type."));
    ObserveRequest::Options options;
    options.encoding = form ? ObserveRequest::Encoding::Form : ObserveRequest::Encoding::Json;
    if (const auto settings = reader.agentSettings(current->agentKey()))
        options.lenientRoles = settings->lenientRoles;
    const ObserveRequest parsed = ObserveRequest::parse(probe, options);
    errors.merge(parsed.errors());
    if (!errors.isEmpty())
        return badRequest(errors);

    if (contentChanged) {
        CallLog updated = *current;
        const CallLog &given = parsed.call();
        if (patch->contains(QStringLiteral("transcript_json"))) {
            updated.turns = given.turns;
            updated.transcriptType = given.transcriptType;
        }
        if (patch->contains(QStringLiteral("timestamp")))
            updated.timestamp = given.timestamp;
        if (patch->contains(QStringLiteral("call_ended_reason")))
            updated.callEndedReason = given.callEndedReason;
        if (patch->contains(QStringLiteral("customer_number")))
            updated.customerNumber = given.customerNumber;
        // metadata and dynamic_variables merge at the top level.
        for (auto it = given.metadata.begin(); it != given.metadata.end(); ++it)
            updated.metadata.insert(it.key(), it.value());
        for (auto it = given.dynamicVariables.begin(); it != given.dynamicVariables.end(); ++it)
            updated.dynamicVariables.insert(it.key(), it.value());
        if (durationMinutes)
            updated.durationSeconds = *durationMinutes * 60.0;
        review.content = updated;
    }
    // Content, status, feedback and their review events: one transaction.
    const ReviewOutcome outcome = m_store->review(review).result();
    switch (outcome.result) {
    case ReviewOutcome::Result::Applied: break;
    case ReviewOutcome::Result::NotFound: return notFound();
    case ReviewOutcome::Result::Refused: return badRequest(outcome.errors);
    case ReviewOutcome::Result::Failed:
        return HttpResponse::detail(500, QStringLiteral("The call could not be stored: %1").arg(outcome.error));
    }
    const std::optional<CallLog> after = reader.callById(id);
    if (!after)
        return notFound();
    HttpResponse response = HttpResponse::json(200, after->toDetailJson());
    response.callDbId = id;
    response.note = QStringLiteral("patched call %1").arg(id);
    return response;
}

HttpResponse ObserveApi::deleteCall(qint64 id)
{
    if (!m_store->remove(id).result())
        return notFound();
    HttpResponse response = HttpResponse::empty(204);
    response.note = QStringLiteral("deleted call %1").arg(id);
    return response;
}

HttpResponse ObserveApi::evaluateMetrics(const HttpRequest &request)
{
    bool form = false;
    HttpResponse decodeError;
    const std::optional<QJsonObject> body = decodeBody(request, &form, &decodeError);
    if (!body)
        return decodeError;
    FieldErrors errors;
    if (!body->contains(QStringLiteral("agent_id")) && !body->contains(QStringLiteral("project_id")))
        errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Give agent_id or project_id."));
    std::optional<QList<qint64>> callIds;
    if (!body->contains(QStringLiteral("call_logs")))
        errors.add(QStringLiteral("call_logs"), QStringLiteral("This field is required."));
    else if (!(callIds = idList(body->value(QStringLiteral("call_logs")))) || callIds->isEmpty())
        errors.add(QStringLiteral("call_logs"), QStringLiteral("Expected a non-empty list of call log ids."));
    if (!body->contains(QStringLiteral("metrics")))
        errors.add(QStringLiteral("metrics"), QStringLiteral("This field is required."));
    else if (const auto metrics = idList(body->value(QStringLiteral("metrics"))); !metrics || metrics->isEmpty())
        errors.add(QStringLiteral("metrics"), QStringLiteral("Expected a non-empty list of metric ids."));
    QByteArrayList results;   // each call written once, as JSON text
    if (errors.isEmpty()) {
        CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
        for (qint64 id : *callIds) {
            const std::optional<CallLog> call = reader.callById(id);
            if (!call)
                errors.add(QStringLiteral("call_logs"), QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(id));
            else
                results.append(CallLogJsonWriter::write(*call, CallLogJsonWriter::Shape::Response));
        }
    }
    if (!errors.isEmpty())
        return badRequest(errors);
    HttpResponse response = HttpResponse::jsonText(200, jsonArray(results));
    response.setHeader("Warning", kMetricsWarning.toUtf8());
    response.setHeader("X-Callscope-Metrics", "not-implemented");
    response.note = QStringLiteral("metrics engine not implemented; %1 calls returned as stored").arg(results.size());
    return response;
}

HttpResponse ObserveApi::rerunEvaluation(const HttpRequest &request)
{
    bool form = false;
    HttpResponse decodeError;
    const std::optional<QJsonObject> body = decodeBody(request, &form, &decodeError);
    if (!body)
        return decodeError;
    FieldErrors errors;
    const QString agentId = body->value(QStringLiteral("agent_id")).toVariant().toString();
    const QString assistantId = body->value(QStringLiteral("assistant_id")).toString();
    if (agentId.isEmpty() == assistantId.isEmpty())
        errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Give exactly one of agent_id and assistant_id."));
    bool ok = false;
    if (!agentId.isEmpty() && (agentId.toLongLong(&ok), !ok))
        errors.add(QStringLiteral("agent_id"), QStringLiteral("A valid integer is required."));
    const QString agentKey = agentId.isEmpty() ? QStringLiteral("assistant:") + assistantId : QStringLiteral("agent:") + agentId;
    const QJsonValue callLogs = body->value(QStringLiteral("call_logs"));
    std::optional<QList<qint64>> callIds;
    const bool all = callLogs.toString() == QLatin1String("all");
    if (callLogs.isUndefined())
        errors.add(QStringLiteral("call_logs"), QStringLiteral("This field is required."));
    else if (!all && (!(callIds = idList(callLogs)) || callIds->isEmpty()))
        errors.add(QStringLiteral("call_logs"), QStringLiteral("Expected a list of call log ids or \"all\"."));
    if (!errors.isEmpty())
        return badRequest(errors);

    CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    QByteArrayList results;   // each call written once, as JSON text
    if (all) {
        CallQuery query;
        query.agentKey = agentKey;
        query.limit = kMaxRerunCalls;
        query.withDetails = true;
        for (const CallLog &call : reader.list(query))
            results.append(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Detail));
    } else {
        for (qint64 id : *callIds) {
            const std::optional<CallLog> call = reader.callById(id);
            if (!call || call->agentKey() != agentKey)
                errors.add(QStringLiteral("call_logs"),
                           QStringLiteral("Invalid pk \"%1\" - no such call log for this agent.").arg(id));
            else
                results.append(CallLogJsonWriter::write(*call, CallLogJsonWriter::Shape::Detail));
        }
        if (!errors.isEmpty())
            return badRequest(errors);
    }
    HttpResponse response = HttpResponse::jsonText(200, jsonArray(results));
    response.setHeader("Warning", kMetricsWarning.toUtf8());
    response.setHeader("X-Callscope-Metrics", "not-implemented");
    response.note = QStringLiteral("metrics engine not implemented; %1 calls returned as stored").arg(results.size());
    return response;
}

void ObserveApi::providerWebhookAsync(const HttpRequest &request, const QString &provider, Respond respond)
{
    const ProviderWebhook *webhook = ProviderWebhooks::find(provider);
    const QString agentIdFromQuery = request.query().queryItemValue(QStringLiteral("agent_id"), QUrl::FullyDecoded);
    const WebhookMapping mapping = webhook->map(request.body, agentIdFromQuery);

    // Whose webhook is it? The mapped body names the agent; a non-final event has none,
    // but the mapping still says whose event it is.
    QString agentKey = mapping.observeBody.isEmpty() ? agentKeyForId(mapping.agentId)
                                                     : ObserveRequest::agentKeyOf(mapping.observeBody);
    QString secret;
    if (!agentKey.isEmpty()) {
        if (const auto settings = ThreadReader::forDatabase(m_store->databasePath()).agentSettings(agentKey))
            secret = settings->webhookSecret;
    }
    if (!secret.isEmpty()) {
        WebhookHeaders headers;
        for (const auto &[name, value] : request.headers)
            headers.insert(QString::fromLatin1(name).toLower(), QString::fromLatin1(value));
        const WebhookVerification verification =
            webhook->verify(headers, request.body, secret, QDateTime::currentDateTimeUtc());
        if (!verification.ok) {
            HttpResponse response = HttpResponse::detail(401, QStringLiteral("Webhook signature rejected: %1").arg(verification.reason));
            response.note = response.body;
            respond(response);
            return;
        }
    } else if (!hasValidKey(request, m_config.apiKey)) {
        HttpResponse response = HttpResponse::detail(
            401, QStringLiteral("No valid API key, and agent %1 has no webhook secret to check a signature with.")
                     .arg(agentKey.isEmpty() ? QStringLiteral("(none named)") : agentKey));
        respond(response);
        return;
    }
    if (!mapping.errors.isEmpty()) {
        respond(badRequest(mapping.errors));
        return;
    }
    if (!mapping.isFinalEvent) {
        HttpResponse response = HttpResponse::empty(200);
        response.note = QStringLiteral("%1 event \"%2\" acknowledged, not stored").arg(provider, mapping.eventName);
        respond(response);
        return;
    }
    IngestSource source;
    source.encoding = ObserveRequest::Encoding::Json;
    m_pipeline->ingest(mapping.observeBody, source,
                       [provider, event = mapping.eventName, respond = std::move(respond)](const IngestResult &result) {
        if (!result.errors.isEmpty()) {
            respond(badRequest(result.errors));
            return;
        }
        HttpResponse response = HttpResponse::empty(200);
        response.callDbId = result.call.id;
        response.note = QStringLiteral("%1 %2: %3 call %4")
                            .arg(provider, event, result.created ? QStringLiteral("created") : QStringLiteral("updated"))
                            .arg(result.call.id);
        respond(response);
    });
}
