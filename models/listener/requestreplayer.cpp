#include "requestreplayer.h"

#include "apirouter.h"
#include "listener.h"
#include "requestlogger.h"
#include "webhooksigningkey.h"

#include "providers/providerwebhook.h"
#include "store/callstore.h"
#include "store/threadreader.h"
#include "store/whenfinished.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtConcurrent>

namespace {

constexpr int kTransferTimeoutMs = 60'000;

// Headers that belong to the original connection or to the log, not to the request.
bool isReplayedHeader(const QString &name, const QString &value)
{
    static const QStringList skipped{
        QStringLiteral("connection"), QStringLiteral("keep-alive"), QStringLiteral("proxy-connection"),
        QStringLiteral("te"), QStringLiteral("trailer"), QStringLiteral("transfer-encoding"), QStringLiteral("upgrade"),
        QStringLiteral("content-length"), QStringLiteral("host"), QStringLiteral("expect"),
        QStringLiteral("x-callscope-body-truncated"), QStringLiteral("x-callscope-uploaded-files")};
    // Secrets were masked in the log: the API key and a fresh signature replace them.
    return !skipped.contains(name.toLower()) && !RequestLogger::isSecretHeader(name.toLatin1())
           && !value.endsWith(QStringLiteral("***"));
}

} // namespace

RequestReplayer::RequestReplayer(Listener *listener, QObject *parent)
    : QObject(parent), m_listener(listener), m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);   // the listener is ours, never behind a proxy
}

RequestReplayer::~RequestReplayer() = default;

RequestReplayer::Request RequestReplayer::build(const RequestLogEntry &entry, const QByteArray &body,
                                                const CallReader &reader, const QString &apiKey, const QDateTime &now)
{
    Request request;
    request.method = entry.method;
    request.path = entry.path;
    request.body = body;
    request.error = notReplayable(entry);
    if (!request.error.isEmpty())
        return request;
    for (auto it = entry.headers.begin(); it != entry.headers.end(); ++it) {
        if (isReplayedHeader(it.key(), it.value().toString()))
            request.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    }
    request.headers.append({"X-CEKURA-API-KEY", apiKey.toUtf8()});

    const QUrl target(entry.path);
    const ProviderWebhook *webhook = ApiRouter::providerWebhookFor(target.path());
    if (!webhook)
        return request;
    const QString agentIdFromQuery =
        QUrlQuery(target.query()).queryItemValue(QStringLiteral("agent_id"), QUrl::FullyDecoded);
    const WebhookSigningKey key = WebhookSigningKey::lookUp(reader, webhook->map(body, agentIdFromQuery));
    if (!key.storeError.isEmpty()) {
        request.error = tr("The agent's webhook secret could not be read: %1").arg(key.storeError);
        return request;
    }
    // No secret: the listener checks the API key instead, as it did for the original.
    if (!key.secret.isEmpty()) {
        const WebhookHeaders signature = webhook->sign(body, key.secret, now);
        for (auto it = signature.begin(); it != signature.end(); ++it)
            request.headers.append({it.key().toLatin1(), it.value().toUtf8()});
    }
    return request;
}

QString RequestReplayer::notReplayable(const RequestLogEntry &entry)
{
    if (entry.method.isEmpty() || entry.path.isEmpty())
        return tr("This request was refused before its request line could be read; there is nothing to replay.");
    if (entry.headers.contains(QStringLiteral("X-Callscope-Body-Truncated")))
        return tr("This body was only kept in part; it cannot be replayed.");
    return {};
}

void RequestReplayer::replay(const RequestLogEntry &entry, const std::optional<QByteArray> &editedBody)
{
    if (!m_listener->isRunning()) {
        emit finished(entry.id, 0, tr("The listener is not running."));
        return;
    }
    const QString databasePath = m_listener->store()->databasePath();
    const QString apiKey = m_listener->config().apiKey;
    // The body file and the agent's secret are read off this (the GUI) thread.
    const auto built = QtConcurrent::run([entry, editedBody, databasePath, apiKey] {
        const QByteArray body = editedBody ? *editedBody : RequestLogger::readBody(entry.bodyPath);
        return build(entry, body, ThreadReader::forDatabase(databasePath), apiKey, QDateTime::currentDateTimeUtc());
    });
    whenFinished(built, this, [this, entryId = entry.id](const QFuture<Request> &done) { send(entryId, done.result()); });
}

void RequestReplayer::send(qint64 entryId, const Request &request)
{
    if (!request.error.isEmpty()) {
        emit finished(entryId, 0, request.error);
        return;
    }
    if (!m_listener->isRunning()) {
        emit finished(entryId, 0, tr("The listener is not running."));
        return;
    }
    QNetworkRequest networkRequest(QUrl(m_listener->baseUrl() + request.path));
    networkRequest.setTransferTimeout(kTransferTimeoutMs);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method.toLatin1(), request.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, entryId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        emit finished(entryId, status, status > 0 ? QString() : reply->errorString());
    });
}
