#pragma once

#include "apiresult.h"

class CallStore;
class EvaluationQueue;
struct HttpRequest;

// The evaluation routes (docs: cekura-observe-api.md §7):
//   POST /observability/v1/call-logs/evaluate_metrics/   the given metrics on the given calls
//   POST /observability/v1/call-logs/rerun_evaluation/   each call's metrics again, "all" of an agent's
// Both validate the request, check that the calls (and metrics) exist, queue the
// evaluation and answer at once with the calls as stored; results arrive in the
// background, as on Cekura. Without a queue (`serve --no-evaluate`) nothing is queued and
// a Warning header says so. Handlers run on a pool thread.
class EvaluationController
{
public:
    EvaluationController(CallStore *store, EvaluationQueue *queue);

    ApiResult evaluateMetrics(const HttpRequest &request);
    ApiResult rerunEvaluation(const HttpRequest &request);

private:
    ApiResult queued(const QByteArrayList &calls, const QList<qint64> &callDbIds, const QList<qint64> &metricIds,
                     bool rerun) const;

    CallStore *m_store;
    EvaluationQueue *m_queue;
};
