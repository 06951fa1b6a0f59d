#include "calllogscontroller.h"

#include "metrics/evaluationqueue.h"

#include "calllogfilter.h"
#include "httprequest.h"
#include "requestbodydecoder.h"

#include "calllog/agentkey.h"
#include "calllog/calllogjsonwriter.h"
#include "calllog/reviewstatus.h"
#include "ingest/observerequest.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
constexpr int kScanBatch = 500;

ApiResult notFound()
{
    return ApiResult::error(ApiError::NotFound, QStringLiteral("Not found."));
}

ApiResult invalidPage()
{
    return ApiResult::error(ApiError::NotFound, QStringLiteral("Invalid page."));
}

QByteArray jsonArray(const QByteArrayList &items)
{
    return '[' + items.join(',') + ']';
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

CallLogsController::CallLogsController(CallStore *store, EvaluationQueue *evaluation)
    : m_store(store)
    , m_evaluation(evaluation)
{
}

ApiResult CallLogsController::list(const HttpRequest &request)
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
            return invalidPage();
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
        const qint64 agent = item("agent_id").toLongLong(&ok);
        if (!ok)
            errors.add(QStringLiteral("agent_id"), QStringLiteral("A valid integer is required."));
        else if (agent <= 0)
            errors.add(QStringLiteral("agent_id"), QStringLiteral("Must be a positive agent id."));
        else
            callQuery.agentKey = AgentKey::ofAgent(agent);
    }
    if (!item("assistant_id").isEmpty()) {
        if (!callQuery.agentKey.isNull())
            errors.add(QStringLiteral("assistant_id"), QStringLiteral("Give agent_id or assistant_id, not both."));
        else
            callQuery.agentKey = AgentKey::ofAssistant(item("assistant_id"));
    }
    if (!item("call_ids").isEmpty()) {
        const std::optional<QList<qint64>> ids = RequestBodyDecoder::idList(QJsonValue(item("call_ids")));
        if (!ids)
            errors.add(QStringLiteral("call_ids"), QStringLiteral("Expected comma-separated call log ids."));
        else if (const QString tooMany = RequestBodyDecoder::tooManyIds(*ids); !tooMany.isEmpty())
            errors.add(QStringLiteral("call_ids"), tooMany);
        else
            callQuery.ids = *ids;
    }
    if (!item("search").isEmpty())
        callQuery.search = item("search");
    const CallLogFilter filter = CallLogFilter::parse(item("filters_v2"), &errors);
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);

    CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    const quint64 failures = reader.failureCount();   // an empty page may be a failed one
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
        // Conditions SQL cannot express are matched call by call, newest first, in
        // batches that each continue after the last (keyset: every batch costs the same).
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
            callQuery.afterTimestamp = batch.last().timestamp;
            callQuery.afterId = batch.last().id;
        }
    }
    if (count < 0 || reader.failureCount() != failures)
        return ApiResult::storeReadFailed(reader.lastError());
    if (page > 1 && offset >= count)
        return invalidPage();
    const QJsonObject envelope{
        {QStringLiteral("count"), count},
        {QStringLiteral("next"), offset + pageSize < count ? QJsonValue(pageUrl(request, page + 1)) : QJsonValue()},
        {QStringLiteral("previous"), page > 1 ? QJsonValue(pageUrl(request, page - 1)) : QJsonValue()},
    };
    QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    body.chop(1);   // the closing brace: "results" goes in as text
    body += ",\"results\":" + jsonArray(results) + '}';
    return ApiResult::okJson(body).withNote(QStringLiteral("%1 of %2 calls").arg(results.size()).arg(count));
}

ApiResult CallLogsController::get(qint64 databaseId)
{
    const StoreLookup<CallLog> call = ThreadReader::forDatabase(m_store->databasePath()).callById(databaseId);
    if (call.isFailed())
        return ApiResult::storeReadFailed(call.error());
    if (!call)
        return notFound();
    return ApiResult::okJson(CallLogJsonWriter::write(*call, CallLogJsonWriter::Shape::Detail)).withCall(databaseId);
}

ApiResult CallLogsController::patch(const HttpRequest &request, qint64 databaseId)
{
    CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    const StoreLookup<CallLog> current = reader.callById(databaseId);
    if (current.isFailed())
        return ApiResult::storeReadFailed(current.error());
    if (!current)
        return notFound();
    const RequestBodyDecoder::Body body = RequestBodyDecoder::decode(request);
    if (!body.ok())
        return ApiResult::invalid(body.errors);
    const QJsonObject &patch = body.object;
    const bool form = body.form;

    FieldErrors errors;
    ReviewChange review;
    review.callDbId = databaseId;
    review.source = QStringLiteral("api");
    if (patch.contains(QStringLiteral("call_id")) && patch.value(QStringLiteral("call_id")).toString() != current->callId)
        errors.add(QStringLiteral("call_id"),
                   QStringLiteral("Changing call_id is not supported: a call is identified by its agent and call_id. "
                                  "Post it again under the new call_id and delete this one."));
    if (patch.contains(QStringLiteral("status"))) {
        const QJsonValue value = patch.value(QStringLiteral("status"));
        const std::optional<ReviewStatus> status = ReviewStatuses::fromName(value.toString());
        if (!status)
            errors.add(QStringLiteral("status"), QStringLiteral("\"%1\" is not a valid choice.").arg(value.toString()));
        else
            review.status = status;
    }
    if (patch.contains(QStringLiteral("feedback"))) {
        const QJsonValue value = patch.value(QStringLiteral("feedback"));
        if (!value.isString() && !value.isNull())
            errors.add(QStringLiteral("feedback"), QStringLiteral("Not a valid string."));
        else
            review.feedback = value.toString();
    }
    // Spec versions up to mid-2026 took is_reviewed; it marks the verdict reviewed or not.
    if (patch.contains(QStringLiteral("is_reviewed"))) {
        const std::optional<bool> reviewed = RequestBodyDecoder::boolean(patch.value(QStringLiteral("is_reviewed")));
        if (!reviewed)
            errors.add(QStringLiteral("is_reviewed"), QStringLiteral("Must be a valid boolean."));
        else
            review.reviewed = *reviewed;
    }
    // The call's turn labels as a whole (form bodies: as JSON text); the store checks
    // that their turns exist.
    if (patch.contains(QStringLiteral("annotations"))) {
        QJsonValue value = patch.value(QStringLiteral("annotations"));
        if (value.isString()) {
            const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
            value = document.isArray() ? QJsonValue(document.array()) : QJsonValue();
        }
        review.annotations = TurnLabel::listFromJson(value, errors);
    }
    std::optional<double> durationMinutes;
    if (patch.contains(QStringLiteral("duration"))) {
        const QJsonValue value = patch.value(QStringLiteral("duration"));
        bool ok = value.isDouble();
        const double minutes = value.isDouble() ? value.toDouble() : value.toString().toDouble(&ok);
        if (!ok || minutes < 0)
            errors.add(QStringLiteral("duration"), QStringLiteral("A number of minutes, 0 or more, is required."));
        else
            durationMinutes = minutes;
    }
    if (patch.contains(QStringLiteral("reevaluate_metrics"))
        && !RequestBodyDecoder::boolean(patch.value(QStringLiteral("reevaluate_metrics"))))
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
        if (patch.contains(field)) {
            probe.insert(field, patch.value(field));
            contentChanged = true;
        }
    }
    if (patch.contains(QStringLiteral("transcript_type")) && !patch.contains(QStringLiteral("transcript_json")))
        errors.add(QStringLiteral("transcript_type"), QStringLiteral("Send transcript_json with transcript_type."));
    ObserveRequest::Options options;
    options.encoding = form ? ObserveRequest::Encoding::Form : ObserveRequest::Encoding::Json;
    const StoreLookup<AgentSettings> settings = reader.agentSettings(current->agentKey());
    if (settings.isFailed())
        return ApiResult::storeReadFailed(settings.error());
    if (settings)
        options.lenientRoles = settings->lenientRoles;
    const ObserveRequest parsed = ObserveRequest::parse(probe, options);
    errors.merge(parsed.errors());
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);

    if (contentChanged) {
        CallLog updated = *current;
        const CallLog &given = parsed.call();
        if (patch.contains(QStringLiteral("transcript_json"))) {
            updated.turns = given.turns;
            updated.transcriptType = given.transcriptType;
        }
        if (patch.contains(QStringLiteral("timestamp")))
            updated.timestamp = given.timestamp;
        if (patch.contains(QStringLiteral("call_ended_reason")))
            updated.callEndedReason = given.callEndedReason;
        if (patch.contains(QStringLiteral("customer_number")))
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
    case ReviewOutcome::Result::Refused: return ApiResult::invalid(outcome.errors);
    case ReviewOutcome::Result::Failed: return ApiResult::storeWriteFailed(outcome.error);
    }
    const StoreLookup<CallLog> after = reader.callById(databaseId);
    if (after.isFailed())
        return ApiResult::storeReadFailed(after.error());
    if (!after)
        return notFound();
    // Results of the old transcript describe another call; re-run when asked to as well.
    const bool reevaluate = RequestBodyDecoder::boolean(patch.value(QStringLiteral("reevaluate_metrics"))).value_or(false)
                            || patch.contains(QStringLiteral("transcript_json"));
    if (reevaluate && m_evaluation)
        m_evaluation->enqueueIds({databaseId}, {}, /*rerun=*/true);
    return ApiResult::ok(after->toDetailJson())
        .withCall(databaseId)
        .withNote(QStringLiteral("patched call %1%2").arg(databaseId).arg(reevaluate && m_evaluation ? QStringLiteral(", metrics queued")
                                                                                                     : QString()));
}

ApiResult CallLogsController::remove(qint64 databaseId)
{
    const RemoveOutcome outcome = m_store->remove(databaseId).result();
    switch (outcome.result) {
    case RemoveOutcome::Result::Removed: break;
    case RemoveOutcome::Result::NotFound: return notFound();
    case RemoveOutcome::Result::Failed: return ApiResult::storeWriteFailed(outcome.error);
    }
    return ApiResult::noContent().withNote(QStringLiteral("deleted call %1").arg(databaseId));
}
