#pragma once

// A recording host for download tests: an HTTP/1.1 server on 127.0.0.1 (free port) that
// answers each path with what the test set up, one request per connection, and counts
// what it was asked.

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class TestRecordingHost : public QTcpServer
{
public:
    struct Answer
    {
        QByteArray status = "200 OK";
        QByteArray body;
        QByteArray contentLength;   // empty: the body's size; more than it: the answer ends early
        bool stall = false;         // reads the request, never answers
    };

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    void serve(const QByteArray &path, const Answer &answer) { m_answers.insert(path, answer); }
    int requestsFor(const QByteArray &path) const { return int(paths.count(path)); }

    QList<QByteArray> paths;    // every path requested, in order

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_heads[socket] += socket->readAll();
            const QByteArray head = m_heads.value(socket);
            if (!head.contains("\r\n\r\n"))
                return;
            m_heads.remove(socket);
            const QByteArray path = head.split(' ').value(1);
            paths.append(path);
            const Answer answer = m_answers.value(path, Answer{"404 Not Found", "not served here", {}, false});
            if (answer.stall)
                return;
            const QByteArray length = answer.contentLength.isEmpty() ? QByteArray::number(answer.body.size()) : answer.contentLength;
            socket->write("HTTP/1.1 " + answer.status + "\r\nContent-Type: audio/wav\r\nContent-Length: " + length
                          + "\r\nConnection: close\r\n\r\n" + answer.body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_heads.remove(socket);
            socket->deleteLater();
        });
    }

private:
    QHash<QByteArray, Answer> m_answers;
    QHash<QTcpSocket *, QByteArray> m_heads;
};
