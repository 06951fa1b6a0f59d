#pragma once

#include "apiresult.h"

class CallStore;
struct HttpRequest;

// The call-log resource (docs: cekura-observe-api.md §2, §3):
//   GET    /observability/v1/call-logs/        paged list, filters, search
//   GET|PATCH|DELETE /observability/v1/call-logs/{id}/
// `id` is the database id of the call (CallLog::id), never the sender's call_id.
// Handlers run on a pool thread: they read through this thread's CallReader and wait
// for the store's writer where they change a call.
class EvaluationQueue;

class CallLogsController
{
public:
    // `evaluation` (may be null) re-runs a call's metrics after a PATCH with
    // reevaluate_metrics true or a new transcript.
    CallLogsController(CallStore *store, EvaluationQueue *evaluation);

    ApiResult list(const HttpRequest &request);
    ApiResult get(qint64 databaseId);
    ApiResult patch(const HttpRequest &request, qint64 databaseId);
    ApiResult remove(qint64 databaseId);

private:
    CallStore *m_store;
    EvaluationQueue *m_evaluation;
};
