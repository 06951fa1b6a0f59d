#pragma once

#include "providerwebhook.h"

// Retell webhooks, {event, call}. Only "call_analyzed" (the call with its analysis) is
// final; call_started, call_ended, transcript_updated and transfer_* are not.
// Mapping: call_id <- call.call_id; assistant_id <- call.agent_id;
// voice_recording_url <- recording_multi_channel_url, else recording_url;
// transcript_json <- transcript_with_tool_calls, else transcript_object ("retell");
// call_ended_reason <- disconnection_reason; customer_number <- from_number (to_number
// when outbound); timestamp <- start_timestamp; dynamic_variables <-
// retell_llm_dynamic_variables; metadata <- {provider, duration_seconds, analysis,
// provider_metadata}.
// Signature: `x-retell-signature: v=<epoch ms>,d=<hex>`, hex = HMAC-SHA256(key = the API
// key with the webhook badge, message = raw body followed by the v digits); rejected when
// v is more than 5 minutes from now. Retell's RSA variant (PEM keys) is not supported.
class RetellWebhook : public ProviderWebhook
{
public:
    static constexpr qint64 kToleranceMs = 5 * 60 * 1000;

    QString name() const override;
    WebhookVerification verify(const WebhookHeaders &headers, const QByteArray &rawBody, const QString &secret,
                               const QDateTime &now) const override;
    WebhookHeaders sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const override;
    QStringList signatureHeaders() const override;

protected:
    void mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const override;
};
