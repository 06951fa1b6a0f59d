#include "evaluationcontroller.h"

#include "requestbodydecoder.h"

#include "calllog/agentkey.h"
#include "calllog/calllogjsonwriter.h"
#include "metrics/evaluationqueue.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"

#include <QHash>
#include <QSet>

namespace {

constexpr int kMaxRerunCalls = 1000;

const QByteArray kNotEvaluatedWarning =
    "299 callscope \"Metrics are not evaluated: this listener runs without evaluation (--no-evaluate); "
    "the calls are returned as stored.\"";

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

EvaluationController::EvaluationController(CallStore *store, EvaluationQueue *queue)
    : m_store(store)
    , m_queue(queue)
{
}

ApiResult EvaluationController::queued(const QByteArrayList &calls, const QList<qint64> &callDbIds,
                                       const QList<qint64> &metricIds, bool rerun) const
{
    const ApiResult answer = ApiResult::okJson('[' + calls.join(',') + ']');
    if (!m_queue)
        return ApiResult(answer)
            .withHeader("Warning", kNotEvaluatedWarning)
            .withHeader("X-Callscope-Metrics", "off")
            .withNote(QStringLiteral("evaluation off; %1 calls returned as stored").arg(calls.size()));
    m_queue->enqueueIds(callDbIds, metricIds, rerun);
    return ApiResult(answer)
        .withHeader("X-Callscope-Metrics", "queued")
        .withNote(QStringLiteral("%1 calls queued for evaluation").arg(callDbIds.size()));
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
    std::optional<QList<qint64>> metricIds;
    if (!body.contains(QStringLiteral("metrics")))
        errors.add(QStringLiteral("metrics"), QStringLiteral("This field is required."));
    else if (!(metricIds = RequestBodyDecoder::idList(body.value(QStringLiteral("metrics")))) || metricIds->isEmpty())
        errors.add(QStringLiteral("metrics"), QStringLiteral("Expected a non-empty list of metric ids."));
    QByteArrayList results;   // each call written once, as JSON text
    if (errors.isEmpty()) {
        const CallReader &reader = ThreadReader::forDatabase(m_store->databasePath());
        const quint64 failures = reader.failureCount();
        results = writtenCalls(reader, *databaseIds, {}, CallLogJsonWriter::Shape::Response,
                               QStringLiteral("object does not exist."), &errors);
        QSet<qint64> known;
        for (const MetricDefinition &metric : reader.metrics())
            known.insert(metric.id);
        if (reader.failureCount() != failures)
            return ApiResult::storeReadFailed(reader.lastError());
        for (qint64 id : *metricIds) {
            if (!known.contains(id))
                errors.add(QStringLiteral("metrics"), QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(id));
        }
    }
    if (!errors.isEmpty())
        return ApiResult::invalid(errors);
    return queued(results, *databaseIds, *metricIds, false);
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
        // Every call of the agent is evaluated again; the answer shows the newest ones.
        databaseIds = reader.callIdsOfAgent(agentKey.toString());
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
    return queued(results, databaseIds.value_or(QList<qint64>()), {}, true);
}
