#pragma once

#include "apiresult.h"

class CallStore;
struct HttpRequest;

// The evaluation routes (docs: cekura-observe-api.md §7, §8):
//   POST /observability/v1/call-logs/evaluate_metrics/
//   POST /observability/v1/call-logs/rerun_evaluation/
// This build has no metrics engine: both validate the request, check the calls exist
// (for rerun: belong to the agent) and return them as stored, with a Warning header
// that says so. Handlers run on a pool thread.
class EvaluationController
{
public:
    explicit EvaluationController(CallStore *store);

    ApiResult evaluateMetrics(const HttpRequest &request);
    ApiResult rerunEvaluation(const HttpRequest &request);

private:
    CallStore *m_store;
};
