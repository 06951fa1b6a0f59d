#include "elevenlabswebhook.h"

#include "formats/transcriptlist.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString ElevenLabsWebhook::name() const
{
    return u"elevenlabs"_s;
}

WebhookVerification ElevenLabsWebhook::verify(const WebhookHeaders &headers, const QByteArray &rawBody,
                                              const QString &secret, const QDateTime &now) const
{
    if (secret.isEmpty())
        return unverifiedWithoutSecret();
    if (!headers.contains(u"elevenlabs-signature"_s))
        return {false, u"missing elevenlabs-signature header"_s};
    const QHash<QString, QString> parts = WebhookSignature::headerParts(headers.value(u"elevenlabs-signature"_s));
    static const QRegularExpression digits(u"^[0-9]{1,13}$"_s);
    const QString timestamp = parts.value(u"t"_s);
    const QString digest = parts.value(u"v0"_s);
    if (!digits.match(timestamp).hasMatch() || digest.isEmpty())
        return {false, u"elevenlabs-signature is malformed; expected t=<unix seconds>,v0=<hex digest>"_s};
    if (const auto stale = WebhookSignature::staleReason(QDateTime::fromSecsSinceEpoch(timestamp.toLongLong(), Qt::UTC),
                                                          now, kToleranceMs))
        return {false, *stale};
    const QByteArray expected = WebhookSignature::hmacSha256Hex(secret.toUtf8(), timestamp.toLatin1() + '.' + rawBody);
    if (!WebhookSignature::constantTimeEquals(digest.toLower().toLatin1(), expected))
        return {false, u"signature does not match"_s};
    return {true, QString()};
}

WebhookHeaders ElevenLabsWebhook::sign(const QByteArray &rawBody, const QString &secret, const QDateTime &now) const
{
    const QByteArray timestamp = QByteArray::number(now.toSecsSinceEpoch());
    const QByteArray digest = WebhookSignature::hmacSha256Hex(secret.toUtf8(), timestamp + '.' + rawBody);
    return {{u"elevenlabs-signature"_s, u"t=%1,v0=%2"_s.arg(QString::fromLatin1(timestamp), QString::fromLatin1(digest))}};
}

QStringList ElevenLabsWebhook::signatureHeaders() const
{
    return {u"elevenlabs-signature"_s};
}

void ElevenLabsWebhook::mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const
{
    mapping.eventName = body.value("type"_L1).toString();
    if (mapping.eventName.isEmpty()) {
        mapping.errors.add(u"type"_s, u"Expected an ElevenLabs webhook: {\"type\": ..., \"data\": {...}}."_s);
        return;
    }
    mapping.isFinalEvent = mapping.eventName == "post_call_transcription"_L1;
    const QJsonObject data = body.value("data"_L1).toObject();
    noteAgent(mapping, agentIdFromQuery, data.value("agent_id"_L1).toString());
    if (!mapping.isFinalEvent)
        return;
    if (!body.value("data"_L1).isObject()) {
        mapping.errors.add(u"data"_s, u"This field is required and must be an object."_s);
        return;
    }
    const QJsonObject callMetadata = data.value("metadata"_L1).toObject();
    const QJsonValue dynamicVariables = TranscriptList::at(data, u"conversation_initiation_client_data.dynamic_variables"_s);

    QJsonObject &observe = mapping.observeBody;
    const QString callId = data.value("conversation_id"_L1).toString();
    if (callId.isEmpty())
        mapping.errors.add(u"data.conversation_id"_s, u"This field is required: it becomes the call_id."_s);
    observe.insert(u"call_id"_s, callId);
    setAgent(mapping);
    if (data.value("transcript"_L1).isArray()) {
        observe.insert(u"transcript_type"_s, name());
        observe.insert(u"transcript_json"_s, data.value("transcript"_L1));
    }
    insertShortText(observe, u"call_ended_reason"_s, callMetadata.value("termination_reason"_L1).toString());
    insertShortText(observe, u"customer_number"_s,
                    firstString({TranscriptList::at(callMetadata, u"phone_call.external_number"_s),
                                 dynamicVariables.toObject().value("system__caller_id"_L1)}));
    const QString timestamp = isoFromValue(callMetadata.value("start_time_unix_secs"_L1), u"data.metadata.start_time_unix_secs"_s, mapping.errors);
    if (!timestamp.isEmpty())
        observe.insert(u"timestamp"_s, timestamp);
    if (dynamicVariables.isObject())
        observe.insert(u"dynamic_variables"_s, dynamicVariables);

    QJsonObject metadata{{u"provider"_s, name()}};
    insertIfPresent(metadata, u"duration_seconds"_s, callMetadata.value("call_duration_secs"_L1));
    insertIfPresent(metadata, u"analysis"_s, data.value("analysis"_L1));
    insertIfPresent(metadata, u"has_audio"_s, data.value("has_audio"_L1));
    observe.insert(u"metadata"_s, metadata);
}
