#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

// Header name (lower case) -> value, as the listener received them.
using WebhookHeaders = QHash<QString, QString>;

// The checks providers' webhook signatures are built from. Every comparison of a secret
// or digest takes the same time whatever the input, so that response timing reveals
// nothing about how much of a guess was right.
namespace WebhookSignature {

QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &message);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// Why a signature made at `signedAt` is too old or too far ahead of `now`, or nullopt
// when it is within `tolerance`: "signature timestamp is 12 minutes old".
std::optional<QString> staleReason(const QDateTime &signedAt, const QDateTime &now, qint64 toleranceMs);

// The shared-secret check: `secretHeader` equal to the secret, or `Authorization:
// Bearer <secret>` (the "Bearer " prefix optional). Nullopt when it passes, else why not.
std::optional<QString> sharedSecretMismatch(const WebhookHeaders &headers, const QString &secretHeader,
                                            const QString &secret);

// Splits "v=1,d=ab" / "t=1,v0=ab" into its key=value parts.
QHash<QString, QString> headerParts(const QString &value);

} // namespace WebhookSignature
