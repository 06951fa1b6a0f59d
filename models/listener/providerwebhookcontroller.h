#pragma once

#include "apiresult.h"

#include <QString>

class CallStore;
class IngestPipeline;
struct HttpRequest;

// POST /observability/v1/{vapi,retell,elevenlabs,pipecat,livekit}/observe/: a voice
// provider's own post-call webhook. The provider's ProviderWebhook maps the body; the
// request is authenticated by its signature with the agent's webhook secret, or else by
// the API key. Final events go through the IngestPipeline (answered once committed),
// others are acknowledged and not stored. Runs on a pool thread; answers via `reply`.
class ProviderWebhookController
{
public:
    ProviderWebhookController(CallStore *store, IngestPipeline *pipeline, const QString &apiKey);

    void receive(const HttpRequest &request, const QString &provider, ApiReply reply);

private:
    CallStore *m_store;
    IngestPipeline *m_pipeline;
    QString m_apiKey;
};
