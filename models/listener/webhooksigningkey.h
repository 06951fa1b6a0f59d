#pragma once

#include <QString>

class CallReader;
struct WebhookMapping;

// The secret a provider webhook is signed with: that of the agent its mapping resolves
// to. The one rule ProviderWebhookController verifies by and RequestReplayer signs by,
// so that a replayed request is never signed with another secret than it is checked
// with. The agent is the mapped observe body's for a final event, the mapping's agentId
// (?agent_id= before the payload's id) for the others, which have no observe body.
struct WebhookSigningKey
{
    QString agentKey;      // empty: the webhook names no agent
    QString secret;        // empty: the agent has none, or is unknown
    QString storeError;    // set: the agent's settings could not be read; no secret known

    static WebhookSigningKey lookUp(const CallReader &reader, const WebhookMapping &mapping);
};
