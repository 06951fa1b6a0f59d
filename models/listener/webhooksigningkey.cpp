#include "webhooksigningkey.h"

#include "calllog/agentkey.h"
#include "ingest/observerequest.h"
#include "providers/providerwebhook.h"
#include "store/callreader.h"

WebhookSigningKey WebhookSigningKey::lookUp(const CallReader &reader, const WebhookMapping &mapping)
{
    WebhookSigningKey key;
    // Both name the agent with the same parser; only a final event has an observe body.
    key.agentKey = mapping.observeBody.isEmpty() ? AgentKey::fromId(mapping.agentId).toString()
                                                 : ObserveRequest::agentKeyOf(mapping.observeBody);
    if (key.agentKey.isEmpty())
        return key;
    const StoreLookup<AgentSettings> settings = reader.agentSettings(key.agentKey);
    if (settings.isFailed())
        key.storeError = settings.error();
    else if (settings)
        key.secret = settings->webhookSecret;
    return key;
}
