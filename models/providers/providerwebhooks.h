#pragma once

#include <QString>
#include <QStringList>

class ProviderWebhook;

// The registry of provider webhooks, keyed by the route name in
// POST /observability/v1/<name>/observe/.
namespace ProviderWebhooks {

// "vapi", "retell", "elevenlabs", "pipecat", "livekit".
QStringList names();
// The webhook for `name`, or nullptr. Instances are stateless and shared by all threads.
const ProviderWebhook *find(const QString &name);

} // namespace ProviderWebhooks
