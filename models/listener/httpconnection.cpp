#include "httpconnection.h"

#include "listenerlog.h"
#include "multipartreader.h"

#include <QDateTime>
#include <QDir>
#include <QScopedValueRollback>
#include <QTcpSocket>

#include <sys/socket.h>

namespace {

constexpr qint64 kReadBufferBytes = 256 * 1024;
constexpr qint64 kLingerMs = 2000;

HttpRequestParser::Limits parserLimits(const ListenerConfig &config)
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.maxHeaderCount = config.maxHeaderCount;
    return limits;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler *handler, const ListenerConfig &config, QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_config(config), m_parser(parserLimits(config))
{
    m_clock.start();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readSocket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcListener) << "socket error" << m_socket->errorString();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(&m_responseWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_responseWatcher.future().resultCount() == 0)
            sendResponse(HttpResponse::detail(500, QStringLiteral("The request was cancelled.")));
        else
            sendResponse(m_responseWatcher.result());
    });
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readSocket, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

qint64 HttpConnection::unsentBytes() const
{
    return m_socket->bytesToWrite();
}

bool HttpConnection::outputBacklogged() const
{
    return m_socket->bytesToWrite() > m_config.maxUnsentResponseBytes;
}

void HttpConnection::onBytesWritten()
{
    m_writeProgressMs = m_clock.elapsed();
    if (m_readingPaused && !outputBacklogged()) {
        m_readingPaused = false;
        if (m_state == State::Idle && !m_processing)
            readSocket();
    }
}

void HttpConnection::write(const QByteArray &bytes)
{
    if (m_socket->bytesToWrite() == 0)
        m_writeProgressMs = m_clock.elapsed();
    m_socket->write(bytes);
}

void HttpConnection::readSocket()
{
    if (m_state == State::Handling)
        return;     // the data waits in the socket (bounded by its read buffer)
    if (m_state == State::Closing) {
        m_socket->readAll();     // lingering close: discard what the client still sends
        return;
    }
    if (m_state == State::Idle && outputBacklogged()) {
        // Leave the next request in the socket until the client reads what it was sent.
        m_readingPaused = true;
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (m_inPos == m_in.size()) {
        m_in = data;
        m_inPos = 0;
    } else {
        m_in.append(data);
    }
    process();
}

void HttpConnection::process()
{
    const QScopedValueRollback processing(m_processing, true);
    while (m_state == State::Idle || m_state == State::ReadingHead || m_state == State::ReadingBody) {
        const QByteArrayView view(m_in.constData() + m_inPos, m_in.size() - m_inPos);
        if (m_state == State::Idle) {
            if (view.isEmpty())
                break;
            if (outputBacklogged()) {
                m_readingPaused = true;     // the rest stays in m_in until bytesWritten
                break;
            }
            m_state = State::ReadingHead;
            m_stateSinceMs = m_requestStartMs = m_clock.elapsed();
            m_requestStartEpochMs = QDateTime::currentMSecsSinceEpoch();
        }
        qsizetype consumed = 0;
        QByteArrayView piece;
        const HttpRequestParser::Event event = m_parser.parse(view, &consumed, &piece);
        switch (event) {
        case HttpRequestParser::Event::NeedMoreData:
            m_inPos += consumed;
            goto out;
        case HttpRequestParser::Event::HeadComplete:
            m_inPos += consumed;
            onHead();
            break;
        case HttpRequestParser::Event::BodyData: {
            const bool ok = onBodyData(piece);
            m_inPos += consumed;
            if (!ok)
                goto out;
            break;
        }
        case HttpRequestParser::Event::MessageComplete:
            m_inPos += consumed;
            onMessageComplete();
            break;
        case HttpRequestParser::Event::Error: {
            m_inPos += consumed;
            if (m_request.method.isEmpty())
                m_request = m_parser.request();
            // A chunked body past its limit: say which limit, as for a declared length.
            if (m_state == State::ReadingBody && m_parser.errorStatus() == 413)
                refuse(bodyOverLimit(), "body over the limit");
            else
                refuse(HttpResponse::detail(m_parser.errorStatus(), QString::fromLatin1(m_parser.errorMessage())),
                       m_parser.errorMessage());
            goto out;
        }
        }
    }
out:
    if (m_inPos >= m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > 64 * 1024) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

void HttpConnection::onHead()
{
    m_request = m_parser.takeRequest();
    m_request.peerAddress = m_socket->peerAddress();
    m_request.peerPort = m_socket->peerPort();

    HeadDecision decision = m_handler->checkHead(m_request);
    if (decision.refusal) {
        if (m_parser.hasBody()) {
            refuse(*decision.refusal, {});
        } else {
            // Nothing unread: answer as a normal exchange, keeping the connection.
            m_state = State::Handling;
            m_keepAlive = m_request.keepAlive() && !m_stopping;
            m_parser.reset();
            sendResponse(*decision.refusal);
        }
        return;
    }
    m_multipartBody = m_request.mediaType() == "multipart/form-data";
    m_bodyLimit = m_multipartBody ? m_config.maxMultipartBytes : m_config.maxBodyBytes;
    m_bodyLimitReason.clear();
    if (decision.maxBodyBytes >= 0 && decision.maxBodyBytes < m_bodyLimit) {
        m_bodyLimit = decision.maxBodyBytes;
        m_bodyLimitReason = decision.bodyLimitReason;
    }
    if (m_parser.contentLength() > m_bodyLimit) {
        refuse(bodyOverLimit(), "body over the limit");
        return;
    }
    m_parser.setMaxBodyBytes(m_bodyLimit);
    if (m_multipartBody && m_parser.hasBody()) {
        MultipartReader::Limits limits;
        limits.maxFieldBytes = m_config.maxMultipartFieldBytes;
        limits.maxParts = m_config.maxMultipartParts;
        m_multipart = std::make_unique<MultipartReader>(m_request.contentTypeParameter("boundary"), m_config.uploadDir,
                                                        limits);
        if (m_multipart->hasFailed()) {
            refuse(HttpResponse::detail(400, m_multipart->errorString()), "bad multipart boundary");
            return;
        }
    }
    if (m_parser.hasBody() && m_request.expectsContinue())
        write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::ReadingBody;
    m_stateSinceMs = m_clock.elapsed();
}

bool HttpConnection::onBodyData(QByteArrayView data)
{
    const qint64 room = m_config.maxLoggedBodyBytes - m_request.loggedBody.size();
    if (room > 0)
        m_request.loggedBody.append(data.first(std::min<qint64>(room, data.size())));
    if (data.size() > room)
        m_request.loggedBodyTruncated = true;
    if (m_multipart) {
        if (!m_multipart->feed(data)) {
            refuse(HttpResponse::detail(m_multipart->errorStatus(), m_multipart->errorString()), "multipart error");
            return false;
        }
    } else {
        m_request.body.append(data);
    }
    return true;
}

void HttpConnection::onMessageComplete()
{
    m_request.bodySize = m_parser.bodyBytesRead();
    if (m_multipart) {
        if (!m_multipart->finish()) {
            refuse(HttpResponse::detail(m_multipart->errorStatus(), m_multipart->errorString()), "multipart error");
            return;
        }
        m_request.fields = m_multipart->fields();
        m_request.files = m_multipart->files();
        m_request.uploads = m_multipart->uploads();
        m_multipart.reset();
    }
    m_parser.reset();
    m_state = State::Handling;
    ++m_requestsServed;
    m_keepAlive = m_request.keepAlive() && !m_stopping
                  && (m_config.maxRequestsPerConnection <= 0 || m_requestsServed < m_config.maxRequestsPerConnection);
    QFuture<HttpResponse> future = m_handler->handle(m_request);
    // Drop the in-memory body now: the handler has its own copy.
    m_request.body.clear();
    m_request.fields.clear();
    m_responseWatcher.setFuture(future);
}

void HttpConnection::sendResponse(HttpResponse response)
{
    const bool keepAlive = m_keepAlive && !response.closeConnection && !m_clientGone && !m_stopping;
    if (!m_clientGone)
        write(response.serialize(keepAlive, m_request.method == "HEAD"));
    finishExchange(response, {});
    if (m_clientGone) {
        destroyLater();
        return;
    }
    if (!keepAlive) {
        closeGracefully(false);
        return;
    }
    m_state = State::Idle;
    m_stateSinceMs = m_clock.elapsed();
    // Called from process() (a refusal answered in onHead), its loop goes on with the next
    // pipelined request; re-entering it here would nest one call per request.
    if (!m_processing)
        readSocket();
}

HttpResponse HttpConnection::bodyOverLimit() const
{
    const QString message = m_bodyLimitReason.isEmpty()
                                ? QStringLiteral("Request body over the limit of %1 bytes.").arg(m_bodyLimit)
                                : QStringLiteral("Request body over the limit of %1 bytes %2.").arg(m_bodyLimit).arg(m_bodyLimitReason);
    return HttpResponse::detail(413, message);
}

void HttpConnection::refuse(HttpResponse response, const QByteArray &reason)
{
    m_multipart.reset();
    if (!m_clientGone)
        write(response.serialize(false, m_request.method == "HEAD"));
    finishExchange(response, reason.isEmpty() ? QByteArray("refused before the body") : reason);
    closeGracefully(true);
}

void HttpConnection::finishExchange(const HttpResponse &response, const QByteArray &transportError)
{
    HttpExchange exchange;
    exchange.request = std::move(m_request);
    m_request = HttpRequest();
    exchange.request.body.clear();
    exchange.response = response;
    exchange.startedAtMs = m_requestStartEpochMs ? m_requestStartEpochMs : QDateTime::currentMSecsSinceEpoch();
    exchange.latencyMs = double(m_clock.nsecsElapsed() / 1000) / 1000.0 - double(m_requestStartMs);
    exchange.clientGone = m_clientGone;
    exchange.transportError = transportError;
    if (exchange.request.peerAddress.isNull()) {
        exchange.request.peerAddress = m_socket->peerAddress();
        exchange.request.peerPort = m_socket->peerPort();
    }
    m_requestStartEpochMs = 0;
    m_handler->exchangeFinished(exchange);
}

void HttpConnection::closeGracefully(bool unreadInput)
{
    m_state = State::Closing;
    m_stateSinceMs = m_clock.elapsed();
    m_in.clear();
    m_inPos = 0;
    if (m_clientGone || m_socket->state() != QAbstractSocket::ConnectedState) {
        destroyLater();
        return;
    }
    if (!unreadInput) {
        m_socket->disconnectFromHost();
        return;
    }
    // Lingering close: the client may still be sending a body we will not read. Closing
    // now would make the kernel reset the connection and the client might never see our
    // answer. Send it, shut down our side, and discard input for a short while.
    m_lingering = true;
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    else
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        });
}

void HttpConnection::stopAfterCurrentRequest()
{
    m_stopping = true;
    if (m_state == State::Idle)
        closeGracefully(false);
}

void HttpConnection::checkDeadlines()
{
    const qint64 now = m_clock.elapsed();
    const qint64 inState = now - m_stateSinceMs;
    switch (m_state) {
    case State::Idle:
        // A fresh connection must start its first request within the header deadline.
        // Paused for back-pressure it is not idle: the write deadline watches it.
        if (!m_readingPaused && inState > (m_requestsServed == 0 ? m_config.headerTimeoutMs : m_config.idleTimeoutMs))
            closeGracefully(false);
        break;
    case State::ReadingHead:
        if (inState > m_config.headerTimeoutMs) {
            m_request = m_parser.request();
            refuse(HttpResponse::detail(408, QStringLiteral("Request head not received in time.")), "header deadline");
        }
        break;
    case State::ReadingBody: {
        const qint64 allowed = m_config.bodyTimeoutMs
                               + (m_config.minBodyBytesPerSecond > 0
                                      ? m_parser.bodyBytesRead() * 1000 / m_config.minBodyBytesPerSecond
                                      : 0);
        if (inState > allowed)
            refuse(HttpResponse::detail(408, QStringLiteral("Request body not received in time.")), "body deadline");
        break;
    }
    case State::Handling:
        break;      // the handler always finishes; a request in flight is never cut
    case State::Closing:
        if (inState > kLingerMs) {
            m_socket->abort();
            destroyLater();
        }
        return;
    }
    if (m_state != State::Closing && m_socket->bytesToWrite() > 0 && now - m_writeProgressMs > m_config.writeTimeoutMs) {
        qCInfo(lcListener) << "dropping a client that does not read its response";
        m_socket->abort();
        onDisconnected();
    }
}

void HttpConnection::onDisconnected()
{
    if (m_clientGone)
        return;
    m_clientGone = true;
    if (m_state == State::Handling)
        return;     // sendResponse() logs the exchange and deletes us
    if (m_state == State::ReadingBody) {
        HttpResponse aborted = HttpResponse::empty(0);
        aborted.note = QStringLiteral("client disconnected before the body was complete");
        finishExchange(aborted, "client disconnected");
    }
    destroyLater();
}

void HttpConnection::destroyLater()
{
    if (m_destroying)
        return;
    m_destroying = true;
    m_state = State::Closing;
    emit finished(this);
    deleteLater();
}
