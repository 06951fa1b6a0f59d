#include "evaluationcontroller.h"

#include "requestbodydecoder.h"

#include "calllog/agentkey.h"
#include "calllog/calllogjsonwriter.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"

#include <QHash>

namespace {

constexpr int kMaxRerunCalls = 1000;

const QString kMetricsWarning = QStringLiteral(
    "299 callscope \"Metrics are not evaluated: this Callscope build has no metrics engine yet; "
    "the calls are returned as stored.\"");

// The calls, unevaluated, with the headers that say so.
ApiResult returnedAsStored(const QByteArrayList &calls)
{
    return ApiResult::okJson('[' + calls.join(',') + ']')
        .withHeader("Warning", kMetricsWarning.toUtf8())
        .withHeader("X-Callscope-Metrics", "not-implemented")
        .withNote(QStringLiteral("metrics engine not implemented; %1 calls returned as stored").arg(calls.size()));
}

// Each listed call written in `shape`, in the order given. An id with no call, or (with
// `agentKey`) another agent's call, is an error on call_logs saying `missing` of it.
QByteArrayList writtenCalls(const CallReader &reader, const QList<qint64> &databaseIds, const AgentKey &agentKey,
                            CallLogJsonWriter::Shape shape, const QString &missing, FieldErrors *errors)
{
    QHash<qint64, CallLog> callsById;
    for (CallLog &call : reader.callsByIds(databaseIds))
        callsById.insert(call.id, std::move(call));
    QByteArrayList results;
    for (qint64 databaseId : databaseIds) {
        const auto call = callsById.constFind(databaseId);
        if (call == callsById.cend() || (!agentKey.isNull() && call->agentKey() != agentKey.toString()))
            errors->add(QStringLiteral("call_logs"), QStringLiteral("Invalid pk \"%1\" - %2").arg(databaseId).arg(missing));
        else
            results.append(CallLogJsonWriter::write(*call, shape));
    }
    return results;
}

} // namespace

EvaluationController::EvaluationController(CallStore *store)
    : m_store(store)
{
}

ApiResult EvaluationController::evaluateMetrics(const HttpRequest &request)
{
    const RequestBodyDecoder::Body decoded = RequestBodyDecoder::decode(request);
    if (!decoded.ok())
        return ApiResult::invalid(decoded.errors);
    const QJsonObject &body = decoded.object;
    FieldErrors errors;
    if (!body.contains(QStringLiteral("agent_id")) && !body.contains(QStringLiteral("project_id")))
        errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Give agent_id or project_id."));
    std::optional<QList<qint64>> databaseIds;
    if (!body.contains(QStringLiteral("call_logs")))
        errors.add(QStringLiteral("call_logs"), QStringLiteral("This field is required."));
    else if (!(databaseIds = RequestBodyDecoder::idList(body.value(QStringLiteral("call_logs")))) || databaseIds->isEmpty())
        errors.add(QStringLiteral("call_logs"), QStringLiteral("Expected a non-empty list of call log ids."));
    else if (const QString tooMany = RequestBodyDecoder::tooManyIds(*databaseIds); !tooMany.isEmpty())
        errors.add(QStringLiteral("call_logs"), tooMany);
    if (!body.contains(QStringLiteral("metrics")))
        errors.add(QStringLiteral("metrics"), QStringLiteral("This field is required."));
    else if (const auto metrics = RequestBodyDecoder::idList(body.value(QStringLiteral("metrics"))); !metrics || metrics->isEmpty())
        errors.add(QStringLiteral("metrics"), QStringLiteral("Expected a non-empty list of metric ids."));
    QByteArrayList results;   // each call written once, as JSON text
    if (errors.isEmpty()) {
        const CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
        const quint64 failures = reader.failureCount();
        results = writtenCalls(reader, *databaseIds, {}, CallLogJsonWriter::Shape::Response,
                               QStringLiteral("object does not exist."), &errors);
        if (reader.failureCount() != failures)
            return ApiResult::storeReadFailed(reader.lastError());
    }
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);
    return returnedAsStored(results);
}

ApiResult EvaluationController::rerunEvaluation(const HttpRequest &request)
{
    const RequestBodyDecoder::Body decoded = RequestBodyDecoder::decode(request);
    if (!decoded.ok())
        return ApiResult::invalid(decoded.errors);
    const QJsonObject &body = decoded.object;
    FieldErrors errors;
    const QString agentId = body.value(QStringLiteral("agent_id")).toVariant().toString();
    const QString assistantId = body.value(QStringLiteral("assistant_id")).toString();
    if (agentId.isEmpty() == assistantId.isEmpty())
        errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Give exactly one of agent_id and assistant_id."));
    bool ok = false;
    const qint64 agent = agentId.toLongLong(&ok);
    if (!agentId.isEmpty() && !ok)
        errors.add(QStringLiteral("agent_id"), QStringLiteral("A valid integer is required."));
    else if (!agentId.isEmpty() && agent <= 0)
        errors.add(QStringLiteral("agent_id"), QStringLiteral("Must be a positive agent id."));
    const AgentKey agentKey = agentId.isEmpty() ? AgentKey::ofAssistant(assistantId) : AgentKey::ofAgent(agent);
    const QJsonValue callLogs = body.value(QStringLiteral("call_logs"));
    std::optional<QList<qint64>> databaseIds;
    const bool all = callLogs.toString() == QLatin1String("all");
    if (callLogs.isUndefined())
        errors.add(QStringLiteral("call_logs"), QStringLiteral("This field is required."));
    else if (!all && (!(databaseIds = RequestBodyDecoder::idList(callLogs)) || databaseIds->isEmpty()))
        errors.add(QStringLiteral("call_logs"), QStringLiteral("Expected a list of call log ids or \"all\"."));
    else if (const QString tooMany = all ? QString() : RequestBodyDecoder::tooManyIds(*databaseIds); !tooMany.isEmpty())
        errors.add(QStringLiteral("call_logs"), tooMany);
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);

    const CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
    const quint64 failures = reader.failureCount();
    QByteArrayList results;   // each call written once, as JSON text
    if (all) {
        CallQuery query;
        query.agentKey = agentKey;
        query.limit = kMaxRerunCalls;
        query.withDetails = true;
        for (const CallLog &call : reader.list(query))
            results.append(CallLogJsonWriter::write(call, CallLogJsonWriter::Shape::Detail));
    } else {
        results = writtenCalls(reader, *databaseIds, agentKey, CallLogJsonWriter::Shape::Detail,
                               QStringLiteral("no such call log for this agent."), &errors);
    }
    if (reader.failureCount() != failures)
        return ApiResult::storeReadFailed(reader.lastError());
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);
    return returnedAsStored(results);
}
