// libFuzzer target for one provider webhook, chosen with -DFUZZ_PROVIDER="retell":
// map() on arbitrary bodies and verify() on arbitrary signature headers must neither
// crash nor accept a signature made with another secret.

#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const ProviderWebhook *webhook = ProviderWebhooks::find(QStringLiteral(FUZZ_PROVIDER));
    if (!webhook)
        std::abort();

    webhook->map(input, QString());

    // The first line is taken as a header value for every header the providers read.
    const QString headerValue = QString::fromUtf8(input.left(input.indexOf('\n')));
    const WebhookHeaders headers{{QStringLiteral("x-retell-signature"), headerValue},
                                 {QStringLiteral("elevenlabs-signature"), headerValue},
                                 {QStringLiteral("x-vapi-secret"), headerValue},
                                 {QStringLiteral("authorization"), headerValue}};
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1767000000000, Qt::UTC);
    if (webhook->verify(headers, input, QStringLiteral("fuzz-secret-that-no-input-guesses"), now).ok)
        std::abort();
    const WebhookHeaders signature = webhook->sign(input, QStringLiteral("k"), now);
    if (!webhook->verify(signature, input, QStringLiteral("k"), now).ok)
        std::abort();
    return 0;
}
