#pragma once

#include "sessionwebhookbody.h"

// Pipecat sessions posted by the agent itself when a call ends. Pipecat has no webhook
// of its own (UNCONFIRMED in the reference), so the body is Callscope's documented shape
// (see SessionWebhookBody) with:
//   event "call_ended" (final; absent also counts as final), call_id or session_id,
//   transcript or messages = a pipecat transcript (list, or {messages:[...]}).
// Example:
//   {"event":"call_ended","call_id":"pc-42","agent_id":"7","started_at":"2026-12-29T09:00:00Z",
//    "transcript":[{"role":"assistant","content":"Hi!","start_time":0.3,"end_time":1.1}],
//    "recording_url":"https://example.com/pc-42.wav","ended_reason":"user_hangup"}
class PipecatWebhook : public SessionWebhookBody
{
public:
    QString name() const override;

protected:
    QString finalEventName() const override;
    QStringList callIdKeys() const override;
    QStringList transcriptKeys() const override;
    QStringList metadataKeys() const override;
};
