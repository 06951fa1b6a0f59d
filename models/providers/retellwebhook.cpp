#include "retellwebhook.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString RetellWebhook::name() const
{
    return u"retell"_s;
}

WebhookVerification RetellWebhook::verify(const WebhookHeaders &headers, const QByteArray &rawBody,
                                          const QString &secret, const QDateTime &now) const
{
    if (secret.isEmpty())
        return unverifiedWithoutSecret();
    if (secret.startsWith("-----BEGIN"_L1))
        return {false, u"RSA-signed Retell webhooks (PEM keys) are not supported; use the API key's HMAC"_s};
    if (!headers.contains(u"x-retell-signature"_s))
        return {false, u"missing x-retell-signature header"_s};
    const QHash<QString, QString> parts = WebhookSignature::headerParts(headers.value(u"x-retell-signature"_s));
    static const QRegularExpression digits(u"^[0-9]{1,16}$"_s);
    const QString timestamp = parts.value(u"v"_s);
    const QString digest = parts.value(u"d"_s);
    if (!digits.match(timestamp).hasMatch() || digest.isEmpty())
        return {false, u"x-retell-signature is malformed; expected v=<epoch ms>,d=<hex digest>"_s};
    if (const auto stale = WebhookSignature::staleReason(QDateTime::fromMSecsSinceEpoch(timestamp.toLongLong(), Qt::UTC),
                                                          now, kToleranceMs))
        return {false, *stale};
    const QByteArray expected = WebhookSignature::hmacSha256Hex(secret.toUtf8(), rawBody + timestamp.toLatin1());
    if (!WebhookSignature::constantTimeEquals(digest.toLower().toLatin1(), expected))
        return {false, u"signature does not match"_s};
    return {true, QString()};
}

WebhookHeaders RetellWebhook::sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const
{
    const QByteArray timestamp = QByteArray::number(now.toMSecsSinceEpoch());
    const QByteArray digest = WebhookSignature::hmacSha256Hex(secret.toUtf8(), rawBody + timestamp);
    return {{u"x-retell-signature"_s, u"v=%1,d=%2"_s.arg(QString::fromLatin1(timestamp), QString::fromLatin1(digest))}};
}

QStringList RetellWebhook::signatureHeaders() const
{
    return {u"x-retell-signature"_s};
}

void RetellWebhook::mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const
{
    mapping.eventName = body.value("event"_L1).toString();
    if (mapping.eventName.isEmpty()) {
        mapping.errors.add(u"event"_s, u"Expected a Retell webhook: {\"event\": ..., \"call\": {...}}."_s);
        return;
    }
    mapping.isFinalEvent = mapping.eventName == "call_analyzed"_L1;
    const QJsonObject call = body.value("call"_L1).toObject();
    noteAgent(mapping, agentIdFromQuery, call.value("agent_id"_L1).toString());
    if (!mapping.isFinalEvent)
        return;
    if (!body.value("call"_L1).isObject()) {
        mapping.errors.add(u"call"_s, u"This field is required and must be an object."_s);
        return;
    }

    QJsonObject &observe = mapping.observeBody;
    const QString callId = call.value("call_id"_L1).toString();
    if (callId.isEmpty())
        mapping.errors.add(u"call.call_id"_s, u"This field is required: it becomes the call_id."_s);
    observe.insert(u"call_id"_s, callId);
    setAgent(mapping);

    const QString recording = firstString({call.value("recording_multi_channel_url"_L1), call.value("recording_url"_L1)});
    if (!recording.isEmpty())
        observe.insert(u"voice_recording_url"_s, recording);
    for (const QLatin1String key : {"transcript_with_tool_calls"_L1, "transcript_object"_L1}) {
        if (call.value(key).isArray()) {
            observe.insert(u"transcript_type"_s, name());
            observe.insert(u"transcript_json"_s, call.value(key));
            break;
        }
    }
    insertShortText(observe, u"call_ended_reason"_s, call.value("disconnection_reason"_L1).toString());
    const bool outbound = call.value("direction"_L1).toString() == "outbound"_L1;
    insertShortText(observe, u"customer_number"_s, call.value(outbound ? "to_number"_L1 : "from_number"_L1).toString());
    const QString timestamp = isoFromValue(call.value("start_timestamp"_L1), u"call.start_timestamp"_s, mapping.errors);
    if (!timestamp.isEmpty())
        observe.insert(u"timestamp"_s, timestamp);
    if (call.value("retell_llm_dynamic_variables"_L1).isObject())
        observe.insert(u"dynamic_variables"_s, call.value("retell_llm_dynamic_variables"_L1));

    QJsonObject metadata{{u"provider"_s, name()}};
    if (call.value("duration_ms"_L1).isDouble())
        metadata.insert(u"duration_seconds"_s, call.value("duration_ms"_L1).toDouble() / 1000.0);
    else if (call.value("start_timestamp"_L1).isDouble() && call.value("end_timestamp"_L1).isDouble())
        metadata.insert(u"duration_seconds"_s,
                        (call.value("end_timestamp"_L1).toDouble() - call.value("start_timestamp"_L1).toDouble()) / 1000.0);
    insertIfPresent(metadata, u"analysis"_s, call.value("call_analysis"_L1));
    insertIfPresent(metadata, u"provider_metadata"_s, call.value("metadata"_L1));
    insertIfPresent(metadata, u"call_type"_s, call.value("call_type"_L1));
    observe.insert(u"metadata"_s, metadata);
}
