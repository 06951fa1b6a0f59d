#include "apikeycheck.h"

#include "httprequest.h"

#include "providers/webhooksignature.h"

#include <QCryptographicHash>

bool ApiKeyCheck::hasValidKey(const HttpRequest &request, const QString &apiKey)
{
    if (apiKey.isEmpty())
        return false;
    // Hashing both sides first makes the comparison independent of the lengths too.
    const QByteArray expected = QCryptographicHash::hash(apiKey.toUtf8(), QCryptographicHash::Sha256);
    bool valid = false;
    auto check = [&](QByteArray candidate) {
        candidate = candidate.trimmed();
        if (candidate.size() > 7 && candidate.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            candidate = candidate.mid(7).trimmed();
        const QByteArray hash = QCryptographicHash::hash(candidate, QCryptographicHash::Sha256);
        // Evaluate every candidate, whatever the result so far.
        valid = WebhookSignature::constantTimeEquals(hash, expected) || valid;
    };
    for (const auto &[name, value] : request.headers) {
        if (name.compare("x-cekura-api-key", Qt::CaseInsensitive) == 0 || name.compare("authorization", Qt::CaseInsensitive) == 0)
            check(value);
    }
    return valid;
}

bool ApiKeyCheck::sentKey(const HttpRequest &request)
{
    return request.hasHeader("X-CEKURA-API-KEY") || request.hasHeader("Authorization");
}
