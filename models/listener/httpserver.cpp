#include "httpserver.h"

#include "httpconnection.h"
#include "httpresponse.h"
#include "listenerlog.h"

#include <QTcpServer>
#include <QTcpSocket>

HttpServer::HttpServer(HttpHandler *handler, QObject *parent)
    : QObject(parent), m_handler(handler), m_sweepTimer(new QTimer(this))
{
    m_sweepTimer->setInterval(200);
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpServer::sweep);
}

HttpServer::~HttpServer()
{
    // Connections are children; deleting them here would cut requests in flight, which
    // stop() avoids. Reaching this with busy connections is a shutdown without stop().
    const QSet<HttpConnection *> connections = m_connections;
    m_connections.clear();
    for (HttpConnection *connection : connections) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
}

bool HttpServer::listen(const ListenerConfig &config, QString *error)
{
    m_config = config;
    m_stopping = false;
    if (!m_server) {
        m_server = new QTcpServer(this);
        m_server->setMaxPendingConnections(std::max(30, config.maxConnections));
        connect(m_server, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    }
    if (!m_server->listen(config.address, config.port)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_sweepTimer->start();
    return true;
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

qint64 HttpServer::unsentResponseBytes() const
{
    qint64 bytes = 0;
    for (const HttpConnection *connection : m_connections)
        bytes += connection->unsentBytes();
    return bytes;
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_stopping || int(m_connections.size()) >= m_config.maxConnections) {
            HttpResponse busy = HttpResponse::detail(503, m_stopping ? QStringLiteral("The listener is stopping.")
                                                                     : QStringLiteral("Too many connections."));
            busy.setHeader("Retry-After", "1");
            socket->write(busy.serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            // A client that never reads must not keep the socket: abort after a second.
            QTimer::singleShot(1000, socket, [socket] { socket->abort(); socket->deleteLater(); });
            qCInfo(lcListener) << "refused a connection:" << (m_stopping ? "stopping" : "too many connections");
            continue;
        }
        auto *connection = new HttpConnection(socket, m_handler, m_config, this);
        connect(connection, &HttpConnection::finished, this, &HttpServer::connectionFinished);
        m_connections.insert(connection);
    }
}

void HttpServer::sweep()
{
    const QSet<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->checkDeadlines();
    }
}

void HttpServer::connectionFinished(HttpConnection *connection)
{
    m_connections.remove(connection);
    if (m_stopping && m_connections.isEmpty()) {
        m_sweepTimer->stop();
        emit stopped();
    }
}

void HttpServer::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_server)
        m_server->close();
    const QSet<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->stopAfterCurrentRequest();
    if (m_connections.isEmpty()) {
        m_sweepTimer->stop();
        QMetaObject::invokeMethod(this, &HttpServer::stopped, Qt::QueuedConnection);
    }
}
