#include "webhooksignature.h"

#include <QMessageAuthenticationCode>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace WebhookSignature {

QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The length is not secret (a hex digest's is fixed); the contents are.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

std::optional<QString> staleReason(const QDateTime &signedAt, const QDateTime &now, qint64 toleranceMs)
{
    const qint64 ageMs = signedAt.msecsTo(now);
    if (std::abs(ageMs) <= toleranceMs)
        return std::nullopt;
    const qint64 minutes = std::abs(ageMs) / 60000;
    return ageMs > 0 ? u"signature timestamp is %1 minutes old (at most %2 allowed)"_s.arg(minutes).arg(toleranceMs / 60000)
                     : u"signature timestamp is %1 minutes in the future"_s.arg(minutes);
}

std::optional<QString> sharedSecretMismatch(const WebhookHeaders &headers, const QString &secretHeader,
                                            const QString &secret)
{
    const QByteArray expected = secret.toUtf8();
    if (headers.contains(secretHeader)) {
        if (constantTimeEquals(headers.value(secretHeader).toUtf8(), expected))
            return std::nullopt;
        return u"%1 header does not match the secret"_s.arg(secretHeader);
    }
    if (headers.contains(u"authorization"_s)) {
        QString token = headers.value(u"authorization"_s).trimmed();
        if (token.startsWith("bearer "_L1, Qt::CaseInsensitive))
            token = token.mid(7).trimmed();
        if (constantTimeEquals(token.toUtf8(), expected))
            return std::nullopt;
        return u"authorization bearer token does not match the secret"_s;
    }
    return u"missing %1 or authorization header"_s.arg(secretHeader);
}

QHash<QString, QString> headerParts(const QString &value)
{
    QHash<QString, QString> parts;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0)
            parts.insert(part.left(equals).trimmed(), part.mid(equals + 1).trimmed());
    }
    return parts;
}

} // namespace WebhookSignature
