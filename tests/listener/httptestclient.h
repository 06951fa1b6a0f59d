#pragma once

// A minimal blocking HTTP/1.1 client over QTcpSocket for the listener tests: sends raw
// bytes (so tests control every byte and its timing) and reads one response.

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

struct RawResponse
{
    int status = 0;                 // 0: no (complete) response
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// Reads one response from `socket`; the bytes after it stay in `buffer`.
inline RawResponse readResponse(QTcpSocket &socket, QByteArray &buffer, int timeoutMs = 10000)
{
    RawResponse response;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
            const int status = statusLine.value(1).toInt();
            if (status == 100) {    // interim response
                buffer.remove(0, end + 4);
                continue;
            }
            response.headers.clear();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            const qsizetype length = response.header("Content-Length").toLongLong();
            if (buffer.size() >= end + 4 + length) {
                response.status = status;
                response.body = buffer.mid(end + 4, length);
                buffer.remove(0, end + 4 + length);
                return response;
            }
        }
        if (clock.elapsed() > timeoutMs)
            return response;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            return response;
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(50);
        buffer += socket.readAll();
    }
}

inline RawResponse sendRaw(quint16 port, const QByteArray &raw, int timeoutMs = 10000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(raw);
    socket.flush();
    QByteArray buffer;
    return readResponse(socket, buffer, timeoutMs);
}

inline QByteArray buildRequest(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                               const QByteArray &contentType = "application/json",
                               const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {})
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : extraHeaders)
        raw += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH") {
        raw += "Content-Type: " + contentType + "\r\n";
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    raw += "\r\n" + body;
    return raw;
}
