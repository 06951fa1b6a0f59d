#include "providerwebhooks.h"

#include "elevenlabswebhook.h"
#include "livekitwebhook.h"
#include "pipecatwebhook.h"
#include "retellwebhook.h"
#include "vapiwebhook.h"

#include <array>

namespace ProviderWebhooks {

namespace {

const std::array<const ProviderWebhook *, 5> &all()
{
    static const VapiWebhook vapi;
    static const RetellWebhook retell;
    static const ElevenLabsWebhook elevenlabs;
    static const PipecatWebhook pipecat;
    static const LivekitWebhook livekit;
    static const std::array<const ProviderWebhook *, 5> webhooks{&vapi, &retell, &elevenlabs, &pipecat, &livekit};
    return webhooks;
}

} // namespace

QStringList names()
{
    QStringList result;
    for (const ProviderWebhook *webhook : all())
        result.append(webhook->name());
    return result;
}

const ProviderWebhook *find(const QString &name)
{
    for (const ProviderWebhook *webhook : all()) {
        if (webhook->name() == name)
            return webhook;
    }
    return nullptr;
}

} // namespace ProviderWebhooks
