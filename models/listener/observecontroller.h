#pragma once

#include "apiresult.h"

class IngestPipeline;
struct HttpRequest;

// POST /observability/v1/observe/: one call log (JSON, urlencoded or multipart with a
// voice_recording upload) through the shared IngestPipeline, so a posted call is stored
// exactly like an imported one. The 201 is only answered once the call is committed.
// Runs on a pool thread and never waits for the writer: the answer goes to `reply`.
class ObserveController
{
public:
    explicit ObserveController(IngestPipeline *pipeline);

    void observe(const HttpRequest &request, ApiReply reply);

private:
    IngestPipeline *m_pipeline;
};
