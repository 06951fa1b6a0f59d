#pragma once

#include "listenerconfig.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

class HttpConnection;
class HttpHandler;
class QTcpServer;

// The HTTP/1.1 transport of the listener: a QTcpServer whose connections
// (HttpConnection) parse requests incrementally and hand them to an HttpHandler.
//
// Why hand-written on QTcpServer rather than QHttpServer 6.4 or cpp-httplib 0.11.4:
// QHttpServer buffers the whole body before a handler sees it (no body limit before
// buffering, no streaming multipart), and cpp-httplib's read timeout is per read call, so
// a client sending one byte a second keeps a worker thread forever, and its fixed thread
// pool (8 threads here) holds one thread per kept-alive connection, so 64 keep-alive
// clients starve it. Here every limit is ours: a total header deadline, body limits
// checked before the body is read, multipart streamed to disk, a connection cap, and one
// event-driven I/O thread whatever the number of connections, with the handlers' work
// (JSON parsing, validation, storage) on a thread pool.
//
// Lives in one thread (the listener's I/O thread); all methods are called there.
// Invariants: no more than maxConnections connections are served (the rest get 503 and
// are closed); stop() stops accepting at once and emits stopped() only after every
// request in flight has been answered and logged.
class HttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(HttpHandler *handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const ListenerConfig &config, QString *error = nullptr);
    bool isListening() const;
    quint16 serverPort() const;
    int connectionCount() const { return int(m_connections.size()); }
    // Response bytes of all connections waiting to be handed to the kernel.
    qint64 unsentResponseBytes() const;

    // Stops accepting; idle connections close now, busy ones after their response.
    // stopped() follows once no connection is left (at once if none).
    void stop();

signals:
    void stopped();

private:
    void acceptConnections();
    void sweep();
    void connectionFinished(HttpConnection *connection);

    HttpHandler *m_handler;
    ListenerConfig m_config;
    QTcpServer *m_server = nullptr;
    QSet<HttpConnection *> m_connections;
    QTimer *m_sweepTimer;     // a child, so it moves with the server to its thread
    bool m_stopping = false;
};
