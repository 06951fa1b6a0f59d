#pragma once

// Helpers shared by the provider webhook tests: a fixed clock, headers from JSON text,
// and the check that a mapped body passes the observe validator.

#include "ingest/observerequest.h"
#include "providers/providerwebhook.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace WebhookTestSupport {

inline QDateTime now()
{
    return QDateTime::fromMSecsSinceEpoch(1767000000000, Qt::UTC);
}

inline WebhookHeaders headers(const QByteArray &jsonObject)
{
    WebhookHeaders result;
    const QJsonObject object = QJsonDocument::fromJson(jsonObject).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        result.insert(it.key(), it.value().toString());
    return result;
}

inline QByteArray sample(const QString &relativePath)
{
    QFile file(QStringLiteral(CALLSCOPE_TEST_DATA "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace WebhookTestSupport
