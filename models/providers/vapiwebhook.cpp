#include "vapiwebhook.h"

#include "formats/transcriptlist.h"

using namespace Qt::StringLiterals;

QString VapiWebhook::name() const
{
    return u"vapi"_s;
}

WebhookVerification VapiWebhook::verify(const WebhookHeaders &headers, const QByteArray &, const QString &secret,
                                        const QDateTime &) const
{
    if (secret.isEmpty())
        return unverifiedWithoutSecret();
    if (const auto mismatch = WebhookSignature::sharedSecretMismatch(headers, u"x-vapi-secret"_s, secret))
        return {false, *mismatch};
    return {true, QString()};
}

WebhookHeaders VapiWebhook::sign(const QByteArray &, const QString &secret, const QDateTime &) const
{
    return {{u"x-vapi-secret"_s, secret}};
}

QStringList VapiWebhook::signatureHeaders() const
{
    return {u"x-vapi-secret"_s, u"authorization"_s};
}

void VapiWebhook::mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const
{
    const QJsonValue messageValue = body.value("message"_L1);
    if (!messageValue.isObject()) {
        mapping.errors.add(u"message"_s, u"Expected a Vapi server message: {\"message\": {\"type\": ...}}."_s);
        return;
    }
    const QJsonObject message = messageValue.toObject();
    mapping.eventName = message.value("type"_L1).toString();
    mapping.isFinalEvent = mapping.eventName == "end-of-call-report"_L1;
    noteAgent(mapping, agentIdFromQuery,
              firstString({TranscriptList::at(message, u"assistant.id"_s), TranscriptList::at(message, u"call.assistantId"_s)}));
    if (!mapping.isFinalEvent)
        return;

    QJsonObject &observe = mapping.observeBody;
    const QString callId = TranscriptList::at(message, u"call.id"_s).toString();
    if (callId.isEmpty())
        mapping.errors.add(u"message.call.id"_s, u"This field is required: it becomes the call_id."_s);
    observe.insert(u"call_id"_s, callId);
    setAgent(mapping);

    const QJsonObject artifact = message.value("artifact"_L1).toObject();
    const QString recording = firstString({artifact.value("stereoRecordingUrl"_L1), message.value("stereoRecordingUrl"_L1),
                                           TranscriptList::at(artifact, u"recording.stereoUrl"_s),
                                           artifact.value("recordingUrl"_L1), message.value("recordingUrl"_L1),
                                           TranscriptList::at(artifact, u"recording.mono.combinedUrl"_s)});
    if (!recording.isEmpty())
        observe.insert(u"voice_recording_url"_s, recording);
    const QJsonValue messages = artifact.contains("messages"_L1) ? artifact.value("messages"_L1) : message.value("messages"_L1);
    if (messages.isArray()) {
        observe.insert(u"transcript_type"_s, name());
        observe.insert(u"transcript_json"_s, messages);
    }
    insertShortText(observe, u"call_ended_reason"_s, message.value("endedReason"_L1).toString());
    insertShortText(observe, u"customer_number"_s,
                    firstString({TranscriptList::at(message, u"customer.number"_s),
                                 TranscriptList::at(message, u"call.customer.number"_s)}));
    QString timestamp = isoFromValue(message.value("startedAt"_L1), u"message.startedAt"_s, mapping.errors);
    if (timestamp.isEmpty())
        timestamp = isoFromValue(TranscriptList::at(message, u"call.createdAt"_s), u"message.call.createdAt"_s, mapping.errors);
    if (!timestamp.isEmpty())
        observe.insert(u"timestamp"_s, timestamp);

    QJsonObject metadata{{u"provider"_s, name()}};
    QJsonValue duration = message.value("durationSeconds"_L1);
    const QDateTime started = QDateTime::fromString(message.value("startedAt"_L1).toString(), Qt::ISODateWithMs);
    const QDateTime ended = QDateTime::fromString(message.value("endedAt"_L1).toString(), Qt::ISODateWithMs);
    if (!duration.isDouble() && started.isValid() && ended.isValid())
        duration = started.msecsTo(ended) / 1000.0;
    insertIfPresent(metadata, u"duration_seconds"_s, duration);
    insertIfPresent(metadata, u"cost"_s, message.value("cost"_L1));
    insertIfPresent(metadata, u"analysis"_s, message.value("analysis"_L1));
    insertIfPresent(metadata, u"call_type"_s, TranscriptList::at(message, u"call.type"_s));
    observe.insert(u"metadata"_s, metadata);
}
