#pragma once

#include "httphandler.h"
#include "httprequestparser.h"
#include "listenerconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <memory>

class MultipartReader;
class QTcpSocket;

// One client connection of the HTTP server: reads bytes, runs them through an
// HttpRequestParser, sends bodies to memory or to a MultipartReader (disk), hands each
// complete request to the HttpHandler and writes the response, then serves the next
// request on the same connection (keep-alive, pipelining) until it closes.
//
// Invariants: at most one request is handled at a time and responses leave in request
// order; the object is never deleted while its handler is working on a request (so
// every accepted request is finished and logged even when the client vanished);
// deadlines are checked by checkDeadlines(), which the server calls a few times a
// second: a total header deadline, an idle deadline, a body deadline with a minimum
// rate, and a write deadline; no further request is read while more than
// maxUnsentResponseBytes of responses wait to be sent (back-pressure on pipelining).
class HttpConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, HttpHandler *handler, const ListenerConfig &config, QObject *parent = nullptr);
    ~HttpConnection() override;

    void checkDeadlines();
    // The server is stopping: close now when idle, else after the current request.
    void stopAfterCurrentRequest();
    bool isHandling() const { return m_state == State::Handling; }
    // Response bytes queued on the socket and not yet handed to the kernel.
    qint64 unsentBytes() const;

signals:
    void finished(HttpConnection *connection);

private:
    enum class State { Idle, ReadingHead, ReadingBody, Handling, Closing };

    void readSocket();
    void process();
    // Between requests with too much output unsent: the next request waits.
    bool outputBacklogged() const;
    void onBytesWritten();
    // Writes to the socket, starting the write deadline if nothing was pending.
    void write(const QByteArray &bytes);
    void onHead();
    bool onBodyData(QByteArrayView data);
    void onMessageComplete();
    void sendResponse(HttpResponse response);
    // The 413 for a body past m_bodyLimit, naming it.
    HttpResponse bodyOverLimit() const;
    // Answers a request the transport refuses (parse error, limit, deadline) and closes.
    void refuse(HttpResponse response, const QByteArray &reason);
    void finishExchange(const HttpResponse &response, const QByteArray &transportError);
    void closeGracefully(bool unreadInput);
    void onDisconnected();
    void destroyLater();

    QTcpSocket *m_socket;
    HttpHandler *m_handler;
    // The answer in progress (one request at a time per connection). Watched, not
    // then()-chained: see whenFinished() for why.
    QFutureWatcher<HttpResponse> m_responseWatcher;
    ListenerConfig m_config;
    HttpRequestParser m_parser;
    State m_state = State::Idle;

    QByteArray m_in;
    qsizetype m_inPos = 0;

    HttpRequest m_request;
    std::unique_ptr<MultipartReader> m_multipart;
    bool m_multipartBody = false;
    qint64 m_bodyLimit = 0;             // of the current request's body
    QString m_bodyLimitReason;          // why it is tighter than the transport's own, if it is
    bool m_keepAlive = true;
    bool m_stopping = false;
    bool m_clientGone = false;
    bool m_lingering = false;
    bool m_destroying = false;
    bool m_processing = false;          // inside process(): sendResponse() must not re-enter it
    bool m_readingPaused = false;       // stopped reading for outputBacklogged(); bytesWritten resumes
    int m_requestsServed = 0;

    QElapsedTimer m_clock;              // started at accept; all times below are its ms
    qint64 m_stateSinceMs = 0;          // Idle/ReadingHead/ReadingBody/Closing start
    qint64 m_requestStartMs = 0;        // first byte of the current request
    qint64 m_requestStartEpochMs = 0;
    qint64 m_writeProgressMs = 0;       // output became pending, or the kernel last took some
};
