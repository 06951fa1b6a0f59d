#pragma once

#include "providerwebhook.h"

// ElevenLabs Agents post-call webhooks, {type, event_timestamp, data}. Only
// "post_call_transcription" is final; post_call_audio and call_initiation_failure are
// not. Mapping: call_id <- data.conversation_id; assistant_id <- data.agent_id;
// transcript_json <- data.transcript ("elevenlabs"); call_ended_reason <-
// data.metadata.termination_reason; customer_number <- data.metadata.phone_call
// .external_number (else the system__caller_id dynamic variable); timestamp <-
// data.metadata.start_time_unix_secs; dynamic_variables <- data
// .conversation_initiation_client_data.dynamic_variables; metadata <- {provider,
// duration_seconds, analysis, has_audio}. The webhook carries no recording URL (the
// audio is fetched from the ElevenLabs API or arrives as post_call_audio).
// Signature: `ElevenLabs-Signature: t=<unix s>,v0=<hex>`, hex = HMAC-SHA256(secret,
// "<t>.<raw body>"); rejected when t is more than 30 minutes from now.
class ElevenLabsWebhook : public ProviderWebhook
{
public:
    static constexpr qint64 kToleranceMs = 30 * 60 * 1000;

    QString name() const override;
    WebhookVerification verify(const WebhookHeaders &headers, const QByteArray &rawBody, const QString &secret,
                               const QDateTime &now) const override;
    WebhookHeaders sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const override;
    QStringList signatureHeaders() const override;

protected:
    void mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const override;
};
