#include "providerwebhookcontroller.h"

#include "apikeycheck.h"
#include "httprequest.h"
#include "webhooksigningkey.h"

#include "ingest/ingestpipeline.h"
#include "ingest/observerequest.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/callstore.h"
#include "store/threadreader.h"

ProviderWebhookController::ProviderWebhookController(CallStore *store, IngestPipeline *pipeline, const QString &apiKey)
    : m_store(store), m_pipeline(pipeline), m_apiKey(apiKey)
{
}

void ProviderWebhookController::receive(const HttpRequest &request, const QString &provider, ApiReply reply)
{
    const ProviderWebhook *webhook = ProviderWebhooks::find(provider);
    const QString agentIdFromQuery = request.query().queryItemValue(QStringLiteral("agent_id"), QUrl::FullyDecoded);
    const WebhookMapping mapping = webhook->map(request.body, agentIdFromQuery);

    const WebhookSigningKey key = WebhookSigningKey::lookUp(ThreadReader::forDatabase(m_store->databasePath()), mapping);
    // Unreadable settings are no missing secret: the API key must not stand in for a
    // signature that may be configured.
    if (!key.storeError.isEmpty()) {
        reply(ApiResult::storeReadFailed(key.storeError));
        return;
    }
    if (!key.secret.isEmpty()) {
        WebhookHeaders headers;
        for (const auto &[name, value] : request.headers)
            headers.insert(QString::fromLatin1(name).toLower(), QString::fromLatin1(value));
        const WebhookVerification verification =
            webhook->verify(headers, request.body, key.secret, QDateTime::currentDateTimeUtc());
        if (!verification.ok) {
            const QString detail = QStringLiteral("Webhook signature rejected: %1").arg(verification.reason);
            reply(ApiResult::error(ApiError::Unauthorized, detail).withNote(detail));
            return;
        }
    } else if (!ApiKeyCheck::hasValidKey(request, m_apiKey)) {
        reply(ApiResult::error(ApiError::Unauthorized,
                               QStringLiteral("No valid API key, and agent %1 has no webhook secret to check a signature with.")
                                   .arg(key.agentKey.isEmpty() ? QStringLiteral("(none named)") : key.agentKey)));
        return;
    }
    if (!mapping.errors.isEmpty()) {
        reply(ApiResult::invalid(mapping.errors));
        return;
    }
    if (!mapping.isFinalEvent) {
        reply(ApiResult::acknowledged().withNote(
            QStringLiteral("%1 event \"%2\" acknowledged, not stored").arg(provider, mapping.eventName)));
        return;
    }
    IngestSource source;
    source.encoding = ObserveRequest::Encoding::Json;
    m_pipeline->ingest(mapping.observeBody, source,
                       [provider, event = mapping.eventName, reply = std::move(reply)](const IngestResult &result) {
        if (result.storeFailure) {
            reply(ApiResult::storeFailed(*result.storeFailure));
            return;
        }
        if (!result.errors.isEmpty()) {
            reply(ApiResult::invalid(result.errors));
            return;
        }
        reply(ApiResult::acknowledged()
                  .withCall(result.call.id)
                  .withNote(QStringLiteral("%1 %2: %3 call %4")
                                .arg(provider, event, result.created ? QStringLiteral("created") : QStringLiteral("updated"))
                                .arg(result.call.id)));
    });
}
