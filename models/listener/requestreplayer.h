#pragma once

#include "store/requestlogentry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <optional>

class CallReader;
class Listener;
class QNetworkAccessManager;

// Sends a request of the listener's log again, as an HTTP request to the running
// listener, so that a replay takes exactly the path the original took (authentication,
// parsing, pipeline, log). The request keeps the logged method, path and headers, minus
// hop-by-hop headers and every secret-bearing one (masked in the log), carries the
// listener's API key, and a provider webhook is signed again, as the provider would, with
// the secret of the agent its mapping resolves to (WebhookSigningKey, the lookup the
// listener verifies with): a final or non-final event, the logged body or an edited one,
// always with the agent's current secret.
//
// Never blocks its thread: the body and the secret are read on the thread pool, the
// request is sent with QNetworkAccessManager, and finished() reports the outcome.
class RequestReplayer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestReplayer)

public:
    // What to send, or why nothing can be.
    struct Request
    {
        QString method;
        QString path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QString error;          // set: not sendable (the body was only kept in part, ...)
    };

    // `listener` outlives the replayer.
    explicit RequestReplayer(Listener *listener, QObject *parent = nullptr);
    ~RequestReplayer() override;

    // Sends `entry` again, with `editedBody` instead of the logged body when given.
    void replay(const RequestLogEntry &entry, const std::optional<QByteArray> &editedBody = std::nullopt);

    // Why `entry` cannot be replayed at all (no request line was read, or its body was only
    // kept in part), or empty.
    static QString notReplayable(const RequestLogEntry &entry);

    // The request replay() sends for `entry` with `body`, signed at `now` with the secret
    // `reader` holds. Pure but for that read; any thread.
    static Request build(const RequestLogEntry &entry, const QByteArray &body, const CallReader &reader,
                         const QString &apiKey, const QDateTime &now);

signals:
    // The listener's answer to the replay of `entryId`: its status, or 0 and `error`.
    void finished(qint64 entryId, int status, const QString &error);

private:
    void send(qint64 entryId, const Request &request);

    Listener *m_listener;
    QNetworkAccessManager *m_network;
};
