#pragma once

#include "providerwebhook.h"

// Vapi server messages, {message:{type, ...}}. Only "end-of-call-report" is final; every
// other type (status-update, transcript, conversation-update, tool-calls, ...) is not.
// Mapping: call_id <- message.call.id; assistant_id <- message.assistant.id or
// message.call.assistantId; voice_recording_url <- the stereo recording, else the mono
// one; transcript_json <- message.artifact.messages (transcript_type "vapi");
// call_ended_reason <- endedReason; customer_number <- message.customer.number;
// timestamp <- startedAt; metadata <- {provider, duration_seconds, cost, analysis}.
// Authentication: the server secret in `x-vapi-secret`, or a Bearer credential in
// `Authorization` (Vapi's "Bearer " prefix is optional). sign() sends x-vapi-secret.
class VapiWebhook : public ProviderWebhook
{
public:
    QString name() const override;
    WebhookVerification verify(const WebhookHeaders &headers, const QByteArray &rawBody, const QString &secret,
                               const QDateTime &now) const override;
    WebhookHeaders sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const override;
    QStringList signatureHeaders() const override;

protected:
    void mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const override;
};
