#pragma once

#include "webhooksignature.h"

#include "calllog/fielderrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The outcome of checking a webhook's signature; `reason` says why it failed (or, with no
// secret configured, that nothing was checked).
struct WebhookVerification
{
    bool ok = false;
    QString reason;
};

// A provider webhook turned into an observe request. Only a final event (the one that
// carries the finished call) has an observe body; other events are acknowledged and
// dropped. `errors` name fields of the provider's body ("call.call_id").
struct WebhookMapping
{
    bool isFinalEvent = false;
    QString eventName;
    // The agent the event belongs to (?agent_id= wins over the provider's own id), for
    // every event: a non-final one is only acknowledged, but its signature is still
    // checked with that agent's secret.
    QString agentId;
    QJsonObject observeBody;
    FieldErrors errors;
};

// One voice-AI provider's native webhook: how its requests are signed (verify, and sign
// for replaying a stored request) and how its final event maps to an observe request
// body (call_id, agent or assistant_id, voice_recording_url, transcript_type,
// transcript_json, call_ended_reason, customer_number, timestamp, metadata with the
// provider's analysis and duration). Pure logic, no I/O; implementations are stateless.
class ProviderWebhook
{
public:
    virtual ~ProviderWebhook() = default;

    // The route name: POST /observability/v1/<name>/observe/.
    virtual QString name() const = 0;
    // Checks `headers` (lower-case names) against `secret`. An empty secret means none is
    // configured: the request passes, with a reason saying it was not verified.
    virtual WebhookVerification verify(const WebhookHeaders &headers, const QByteArray &rawBody,
                                       const QString &secret, const QDateTime &now) const = 0;
    // The headers that make verify() accept `rawBody` at `now` (replays re-sign).
    virtual WebhookHeaders sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const = 0;
    // Every header verify() reads a signature or secret from (lower case). A request with
    // none of them can pass only with the API key, so the listener refuses it from its
    // head instead of reading its body first.
    virtual QStringList signatureHeaders() const = 0;

    // Maps the raw request body; `agentIdFromQuery` (the ?agent_id= value) wins over the
    // agent id in the body. Digits become `agent` (a Cekura agent id), anything else
    // (asst_..., agent_...) `assistant_id`.
    WebhookMapping map(const QByteArray &rawBody, const QString &agentIdFromQuery) const;

protected:
    virtual void mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const = 0;

    static WebhookVerification unverifiedWithoutSecret();
    // Sets mapping.agentId (`agentIdFromQuery` wins over `providerAgentId`); call it for
    // every event, before returning for a non-final one.
    static void noteAgent(WebhookMapping &mapping, const QString &agentIdFromQuery, const QString &providerAgentId);
    // Writes mapping.agentId into the observe body as `agent` or `assistant_id`.
    static void setAgent(WebhookMapping &mapping);
    // Inserts a descriptive string, cut to the observe API's 100-character limit so that a
    // long provider reason never costs the whole call.
    static void insertShortText(QJsonObject &observeBody, const QString &field, const QString &text);
    static void insertIfPresent(QJsonObject &object, const QString &field, const QJsonValue &value);
    static QString isoFromEpochMs(qint64 ms);
    // An ISO 8601 string as sent, or epoch seconds/milliseconds, as an ISO timestamp.
    // A number past year 9999 (or no number at all: NaN, 1e300) is an error on `field`.
    static QString isoFromValue(const QJsonValue &value, const QString &field, FieldErrors &errors);
    // The first string among `values` that is not empty.
    static QString firstString(std::initializer_list<QJsonValue> values);
};
