#include "sessionwebhookbody.h"

#include "calllog/checkedinteger.h"

using namespace Qt::StringLiterals;

WebhookVerification SessionWebhookBody::verify(const WebhookHeaders &headers, const QByteArray &, const QString &secret,
                                               const QDateTime &) const
{
    if (secret.isEmpty())
        return unverifiedWithoutSecret();
    if (const auto mismatch = WebhookSignature::sharedSecretMismatch(headers, u"x-callscope-secret"_s, secret))
        return {false, *mismatch};
    return {true, QString()};
}

WebhookHeaders SessionWebhookBody::sign(const QByteArray &, const QString &secret, const QDateTime &) const
{
    return {{u"authorization"_s, u"Bearer "_s + secret}};
}

QStringList SessionWebhookBody::signatureHeaders() const
{
    return {u"x-callscope-secret"_s, u"authorization"_s};
}

void SessionWebhookBody::mapBody(const QJsonObject &body, const QString &agentIdFromQuery, WebhookMapping &mapping) const
{
    const QJsonValue event = body.value("event"_L1);
    mapping.eventName = event.toString(finalEventName());
    mapping.isFinalEvent = mapping.eventName == finalEventName();
    const QJsonValue agentId = body.value("agent_id"_L1);
    QString providerAgentId = agentId.toString();
    if (agentId.isDouble()) {
        if (const std::optional<qint64> number = CheckedInteger::fromDouble(agentId.toDouble(), 1, CheckedInteger::kMaxExactDouble))
            providerAgentId = QString::number(*number);
        else
            mapping.errors.add(u"agent_id"_s, CheckedInteger::rangeError(1, CheckedInteger::kMaxExactDouble));
    }
    noteAgent(mapping, agentIdFromQuery, providerAgentId);
    if (!mapping.isFinalEvent)
        return;

    QJsonObject &observe = mapping.observeBody;
    QString callId;
    for (const QString &key : callIdKeys())
        callId = callId.isEmpty() ? body.value(key).toString() : callId;
    if (callId.isEmpty())
        mapping.errors.add(callIdKeys().constFirst(), u"This field is required (or %1): it becomes the call_id."_s
                                                          .arg(callIdKeys().mid(1).join(" or "_L1)));
    observe.insert(u"call_id"_s, callId);
    setAgent(mapping);

    for (const QString &key : transcriptKeys()) {
        if (body.value(key).isArray() || body.value(key).isObject()) {
            observe.insert(u"transcript_type"_s, name());
            observe.insert(u"transcript_json"_s, body.value(key));
            break;
        }
    }
    const QString recording = firstString({body.value("stereo_recording_url"_L1), body.value("recording_url"_L1)});
    if (!recording.isEmpty())
        observe.insert(u"voice_recording_url"_s, recording);
    insertShortText(observe, u"call_ended_reason"_s, body.value("ended_reason"_L1).toString());
    insertShortText(observe, u"customer_number"_s, body.value("customer_number"_L1).toString());
    const QString timestamp = isoFromValue(body.value("started_at"_L1), u"started_at"_s, mapping.errors);
    if (!timestamp.isEmpty())
        observe.insert(u"timestamp"_s, timestamp);
    insertIfPresent(observe, u"dynamic_variables"_s, body.value("dynamic_variables"_L1));
    insertIfPresent(observe, u"trace_id"_s, body.value("trace_id"_L1));

    QJsonObject metadata = body.value("metadata"_L1).toObject();
    metadata.insert(u"provider"_s, name());
    insertIfPresent(metadata, u"duration_seconds"_s, body.value("duration_seconds"_L1));
    for (const QString &key : metadataKeys())
        insertIfPresent(metadata, key, body.value(key));
    observe.insert(u"metadata"_s, metadata);
}
