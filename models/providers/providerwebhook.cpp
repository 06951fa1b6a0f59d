#include "providerwebhook.h"

#include "calllog/agentkey.h"
#include "calllog/checkedinteger.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

WebhookMapping ProviderWebhook::map(const QByteArray &rawBody, const QString &agentIdFromQuery) const
{
    WebhookMapping mapping;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(rawBody, &error);
    if (error.error != QJsonParseError::NoError) {
        mapping.errors.add(QString(), u"Not valid JSON: %1 at offset %2."_s.arg(error.errorString()).arg(error.offset));
        return mapping;
    }
    if (!document.isObject()) {
        mapping.errors.add(QString(), u"Expected a JSON object."_s);
        return mapping;
    }
    mapBody(document.object(), agentIdFromQuery, mapping);
    if (!mapping.isFinalEvent)
        mapping.observeBody = {};
    return mapping;
}

WebhookVerification ProviderWebhook::unverifiedWithoutSecret()
{
    return {true, u"no secret configured; signature not checked"_s};
}

void ProviderWebhook::noteAgent(WebhookMapping &mapping, const QString &agentIdFromQuery, const QString &providerAgentId)
{
    mapping.agentId = agentIdFromQuery.isEmpty() ? providerAgentId : agentIdFromQuery;
}

void ProviderWebhook::setAgent(WebhookMapping &mapping)
{
    const AgentKey key = AgentKey::fromId(mapping.agentId);
    if (key.agent())
        mapping.observeBody.insert(u"agent"_s, *key.agent());
    else if (!key.isNull())
        mapping.observeBody.insert(u"assistant_id"_s, key.assistantId());
    else
        mapping.errors.add(u"agent_id"_s, u"The payload names no agent; add ?agent_id=<id> to the webhook URL."_s);
}

void ProviderWebhook::insertShortText(QJsonObject &observeBody, const QString &field, const QString &text)
{
    if (!text.isEmpty())
        observeBody.insert(field, text.left(100));
}

void ProviderWebhook::insertIfPresent(QJsonObject &object, const QString &field, const QJsonValue &value)
{
    if (!value.isUndefined() && !value.isNull())
        object.insert(field, value);
}

QString ProviderWebhook::isoFromEpochMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString ProviderWebhook::isoFromValue(const QJsonValue &value, const QString &field, FieldErrors &errors)
{
    if (value.isString()) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
    }
    if (!value.isDouble() || value.toDouble() <= 0)
        return {};
    // Epoch milliseconds are past 1e11; seconds will not get there for another millennium.
    const double number = value.toDouble();
    const std::optional<qint64> ms =
        CheckedInteger::fromRoundedDouble(number >= 1e11 ? number : number * 1000.0, 1, CheckedInteger::kMaxEpochMs);
    if (!ms) {
        errors.add(field, u"%1 is no time before the year 10000 in epoch seconds or milliseconds."_s.arg(number, 0, 'g', 17));
        return {};
    }
    return isoFromEpochMs(*ms);
}

QString ProviderWebhook::firstString(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue &value : values) {
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}
