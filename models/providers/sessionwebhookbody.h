#pragma once

#include "providerwebhook.h"

// The body Callscope accepts from Pipecat and LiveKit agents. Neither provider has a
// documented webhook (Cekura's SDK uploads directly), so this shape is Callscope's own:
//
//   {
//     "event": "<final event name>",        optional; any other value is not final
//     "call_id" | "session_id": "...",      required (LiveKit also: room_name)
//     "agent_id": "...",                    optional; the ?agent_id= query wins
//     "transcript" | "messages" | "history": <the format's transcript_json>,
//     "stereo_recording_url" | "recording_url": "https://...",
//     "started_at": ISO 8601 or epoch seconds/milliseconds,
//     "ended_reason": "...", "customer_number": "...", "duration_seconds": 12.5,
//     "metadata": {...}, "dynamic_variables": {...}, "trace_id": "<32 hex>"
//   }
//
// Authentication is a shared secret: `x-callscope-secret: <secret>` or
// `Authorization: Bearer <secret>`. PipecatWebhook and LivekitWebhook differ only in the
// names below, which this base class takes from them.
class SessionWebhookBody : public ProviderWebhook
{
public:
    WebhookVerification verify(const WebhookHeaders &headers, const QByteArray &rawBody, const QString &secret,
                               const QDateTime &now) const override;
    WebhookHeaders sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const override;
    QStringList signatureHeaders() const override;

protected:
    // The event value that marks a finished session (an absent event counts as final).
    virtual QString finalEventName() const = 0;
    // Keys tried in order for the call id and for the transcript.
    virtual QStringList callIdKeys() const = 0;
    virtual QStringList transcriptKeys() const = 0;
    // Extra body keys copied into metadata as they are (e.g. LiveKit's egress_s3_key).
    virtual QStringList metadataKeys() const = 0;

    void mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const override;
};
