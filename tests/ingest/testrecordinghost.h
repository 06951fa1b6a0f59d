#pragma once

// A recording host for download tests: an HTTP/1.1 server on 127.0.0.1 (free port) that
// answers each path with what the test set up (a path not set up: 404), one request per
// connection, and records what it was asked.

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <utility>

class TestRecordingHost : public QTcpServer
{
public:
    struct Answer
    {
        // contentLength empty: the body's size; more than it: the answer ends early.
        // location: sent as Location (with a 3xx status).
        Answer(QByteArray status = "200 OK", QByteArray body = {}, QByteArray contentLength = {}, QByteArray location = {})
            : status(std::move(status)), body(std::move(body)), contentLength(std::move(contentLength)),
              location(std::move(location))
        {
        }
        // Reads the request, never answers.
        static Answer stalling()
        {
            Answer answer;
            answer.stall = true;
            return answer;
        }

        QByteArray status;
        QByteArray body;
        QByteArray contentLength;
        QByteArray location;
        bool stall = false;
    };

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    void serve(const QByteArray &path, const Answer &answer) { m_answers.insert(path, answer); }
    // The next request for `path` only (a flaky host); later ones get serve()'s answer.
    void serveOnce(const QByteArray &path, const Answer &answer) { m_onceAnswers.insert(path, answer); }
    int requestsFor(const QByteArray &path) const { return int(paths.count(path)); }

    QList<QByteArray> paths;    // every path requested, in order
    QByteArray lastHostHeader;

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
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("host:"))
                    lastHostHeader = line.mid(5).trimmed();
            }
            static const Answer notServed("404 Not Found", "not served here");
            const Answer answer = m_onceAnswers.contains(path) ? m_onceAnswers.take(path) : m_answers.value(path, notServed);
            if (answer.stall)
                return;
            const QByteArray length = answer.contentLength.isEmpty() ? QByteArray::number(answer.body.size()) : answer.contentLength;
            socket->write("HTTP/1.1 " + answer.status + "\r\nContent-Type: audio/wav\r\nContent-Length: " + length
                          + (answer.location.isEmpty() ? QByteArray() : "\r\nLocation: " + answer.location)
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
    QHash<QByteArray, Answer> m_onceAnswers;
    QHash<QTcpSocket *, QByteArray> m_heads;
};
