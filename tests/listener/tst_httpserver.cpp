// Tests of the HTTP transport (HttpServer + HttpConnection) with a trivial handler on a
// real loopback socket: keep-alive, pipelining, chunked bodies, Expect: 100-continue,
// body limits answered before the body is read, multipart streamed to disk, the header
// deadline against a slow-drip client, back-pressure and the write deadline against a
// client that does not read, the idle deadline and the connection cap.
#include "httptestclient.h"

#include "listener/httphandler.h"
#include "listener/httpserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QThread>
#include <QtConcurrent>

#include <atomic>

namespace {

// Answers every request with a summary of what the transport delivered.
class EchoHandler : public HttpHandler
{
public:
    HeadDecision checkHead(const HttpRequest &head) override
    {
        if (head.path() == QLatin1String("/refuse"))
            return HeadDecision::refuse(HttpResponse::detail(401, QStringLiteral("no")));
        return HeadDecision::accept();
    }
    QFuture<HttpResponse> handle(const HttpRequest &request) override
    {
        return QtConcurrent::run([request] {
            if (request.path() == QLatin1String("/slow"))
                QThread::msleep(300);
            if (request.path() == QLatin1String("/big")) {
                // "<n>:" and padding up to bytes=: large responses from small requests.
                const QUrlQuery query = request.query();
                HttpResponse response;
                response.contentType = "text/plain";
                response.body = query.queryItemValue(QStringLiteral("n")).toLatin1() + ':';
                response.body.resize(query.queryItemValue(QStringLiteral("bytes")).toLongLong(), '.');
                return response;
            }
            QJsonObject files;
            for (const auto &file : request.files) {
                QFile f(file.path);
                f.open(QIODevice::ReadOnly);
                files.insert(file.fieldName, QJsonObject{{QStringLiteral("name"), file.fileName},
                                                         {QStringLiteral("size"), file.size},
                                                         {QStringLiteral("onDisk"), f.size()}});
            }
            QJsonObject fields;
            for (const auto &[name, value] : request.fields)
                fields.insert(name, QString::fromUtf8(value));
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("path"), request.path()},
                                                       {QStringLiteral("body"), QString::fromUtf8(request.body)},
                                                       {QStringLiteral("size"), request.bodySize},
                                                       {QStringLiteral("fields"), fields},
                                                       {QStringLiteral("files"), files}});
        });
    }
    void exchangeFinished(const HttpExchange &exchange) override
    {
        QMutexLocker lock(&mutex);
        statuses.append(exchange.response.status);
    }
    QMutex mutex;
    QList<int> statuses;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepAliveAndPipelining();
    void chunkedBody();
    void expectContinue();
    void jsonBodyLimit();
    void multipartLimitAndStreaming();
    void refusedBeforeBody();
    void manyPipelinedRefusals();
    void pipeliningWithoutReadingIsBounded();
    void writeDeadlineCountsFromTheOldestUnsentByte();
    void malformedRequest();
    void slowClientDroppedByHeaderDeadline();
    void idleConnectionClosed();
    void tooManyConnections();
    void stopWaitsForRequestsInFlight();

private:
    void startServer();

    EchoHandler m_handler;
    ListenerConfig m_config;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHttpServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_config = ListenerConfig();
    m_config.port = 0;
    m_config.uploadDir = m_dir->filePath(QStringLiteral("uploads"));
    m_handler.statuses.clear();
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

void TestHttpServer::startServer()
{
    m_server = std::make_unique<HttpServer>(&m_handler);
    QString error;
    QVERIFY2(m_server->listen(m_config, &error), qPrintable(error));
}

// Blocking socket calls below would stall the server in this same thread; run the
// client on another thread instead.
template<typename F>
auto onClientThread(F function)
{
    auto future = QtConcurrent::run(function);
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return future.result();
}

void TestHttpServer::keepAliveAndPipelining()
{
    startServer();
    const quint16 port = m_server->serverPort();
    const QList<RawResponse> responses = onClientThread([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        // Three requests in one write; the middle one is slow, so answers must still come in order.
        socket.write(buildRequest("POST", "/a", "{\"n\":1}") + buildRequest("GET", "/slow") + buildRequest("POST", "/c", "x"));
        QByteArray buffer;
        QList<RawResponse> out;
        for (int i = 0; i < 3; ++i)
            out.append(readResponse(socket, buffer));
        // The connection is still usable.
        socket.write(buildRequest("GET", "/d"));
        out.append(readResponse(socket, buffer));
        return out;
    });
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses[0].json()[QStringLiteral("path")].toString(), QStringLiteral("/a"));
    QCOMPARE(responses[0].json()[QStringLiteral("body")].toString(), QStringLiteral("{\"n\":1}"));
    QCOMPARE(responses[1].json()[QStringLiteral("path")].toString(), QStringLiteral("/slow"));
    QCOMPARE(responses[2].json()[QStringLiteral("path")].toString(), QStringLiteral("/c"));
    QCOMPARE(responses[3].status, 200);
    QCOMPARE(responses[3].header("Connection"), QByteArray("keep-alive"));
}

void TestHttpServer::chunkedBody()
{
    startServer();
    const quint16 port = m_server->serverPort();
    const RawResponse response = onClientThread([port] {
        return sendRaw(port, "POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
    });
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json()[QStringLiteral("body")].toString(), QStringLiteral("{\"a\":1}"));
}

void TestHttpServer::expectContinue()
{
    startServer();
    const quint16 port = m_server->serverPort();
    const QByteArray interim = onClientThread([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        socket.write("POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n");
        socket.waitForReadyRead(3000);
        const QByteArray first = socket.readAll();
        socket.write("{}");
        QByteArray buffer;
        const RawResponse response = readResponse(socket, buffer);
        return first + "|" + QByteArray::number(response.status);
    });
    QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), interim.constData());
    QVERIFY(interim.endsWith("|200"));
}

void TestHttpServer::jsonBodyLimit()
{
    m_config.maxBodyBytes = 1000;
    startServer();
    const quint16 port = m_server->serverPort();
    const QList<int> statuses = onClientThread([port] {
        QList<int> out;
        // Declared too large: refused from the head alone.
        out.append(sendRaw(port, buildRequest("POST", "/x", QByteArray(1001, 'a'))).status);
        // Chunked, so only counting can tell.
        QByteArray chunked = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 3; ++i)
            chunked += "190\r\n" + QByteArray(400, 'b') + "\r\n";
        chunked += "0\r\n\r\n";
        out.append(sendRaw(port, chunked).status);
        out.append(sendRaw(port, buildRequest("POST", "/x", QByteArray(1000, 'a'))).status);
        return out;
    });
    QCOMPARE(statuses, (QList<int>{413, 413, 200}));
}

void TestHttpServer::multipartLimitAndStreaming()
{
    m_config.maxMultipartBytes = 200 * 1024;
    startServer();
    const quint16 port = m_server->serverPort();
    auto multipart = [](qsizetype audioBytes) {
        QByteArray body = "--XX\r\nContent-Disposition: form-data; name=\"call_id\"\r\n\r\nc1\r\n"
                          "--XX\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"a.wav\"\r\n"
                          "Content-Type: audio/wav\r\n\r\n"
                          + QByteArray(audioBytes, 'w') + "\r\n--XX--\r\n";
        return buildRequest("POST", "/m", body, "multipart/form-data; boundary=XX");
    };
    const QList<RawResponse> responses = onClientThread([&] {
        return QList<RawResponse>{sendRaw(port, multipart(150 * 1024)), sendRaw(port, multipart(300 * 1024))};
    });
    QCOMPARE(responses[0].status, 200);
    const QJsonObject file = responses[0].json()[QStringLiteral("files")][QStringLiteral("voice_recording")].toObject();
    QCOMPARE(file[QStringLiteral("size")].toInteger(), 150 * 1024);
    QCOMPARE(file[QStringLiteral("onDisk")].toInteger(), 150 * 1024);
    QCOMPARE(responses[0].json()[QStringLiteral("fields")][QStringLiteral("call_id")].toString(), QStringLiteral("c1"));
    QCOMPARE(responses[1].status, 413);
    // Temporary upload files are gone once the requests are over.
    QTRY_COMPARE(QDir(m_config.uploadDir).entryList(QDir::Files).size(), 0);
}

void TestHttpServer::refusedBeforeBody()
{
    startServer();
    const quint16 port = m_server->serverPort();
    // A large declared body that is never sent: the answer must come from the head.
    const RawResponse response = onClientThread([port] {
        return sendRaw(port, "POST /refuse HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n", 3000);
    });
    QCOMPARE(response.status, 401);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
}

void TestHttpServer::manyPipelinedRefusals()
{
    startServer();
    const quint16 port = m_server->serverPort();
    // Refusals of bodyless requests keep the connection; answering each one must not
    // nest the next one's parsing in its call (that overflowed the stack).
    constexpr int kRequests = 25'000;
    const QPair<int, int> result = onClientThread([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        socket.write(QByteArray("GET /refuse HTTP/1.1\r\n\r\n").repeated(kRequests));
        // Count status lines as they stream in (all answers are bodyless 401s or not).
        int refused = 0;
        int other = 0;
        QByteArray tail;
        while (refused + other < kRequests && socket.waitForReadyRead(10000)) {
            const QByteArray data = tail + socket.readAll();
            for (qsizetype at = data.indexOf("HTTP/1.1 "); at >= 0 && at + 12 <= data.size();
                 at = data.indexOf("HTTP/1.1 ", at + 1))
                (data.mid(at + 9, 3) == "401" ? refused : other) += 1;
            const qsizetype last = data.lastIndexOf("HTTP/1.1 ");
            // Keep a partial status line for the next read, else only a few bytes.
            tail = (last >= 0 && last + 12 > data.size()) ? data.mid(last) : data.right(8);
        }
        return qMakePair(refused, other);
    });
    QCOMPARE(result.first, kRequests);
    QCOMPARE(result.second, 0);
}

// The client pipelines 300 requests for 256 KiB each and reads nothing for a while: the
// server stops reading requests once 1 MiB waits to be sent, instead of queueing 75 MB,
// and once the client reads, every answer arrives, in order.
void TestHttpServer::pipeliningWithoutReadingIsBounded()
{
    constexpr int kRequests = 300;
    constexpr qint64 kResponseBytes = 256 * 1024;
    m_config.maxUnsentResponseBytes = 1024 * 1024;
    startServer();
    const quint16 port = m_server->serverPort();
    std::atomic<bool> clientReading = false;
    auto client = QtConcurrent::run([port, &clientReading] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        // A fixed receive buffer: the kernel's autotuning would absorb tens of MB.
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        QByteArray requests;
        for (int i = 0; i < kRequests; ++i)
            requests += buildRequest("GET", "/big?n=" + QByteArray::number(i) + "&bytes=" + QByteArray::number(kResponseBytes));
        socket.write(requests);
        socket.flush();
        // No event loop and no waitFor*() on this thread: nothing is read meanwhile.
        QThread::msleep(2000);
        clientReading = true;
        QList<int> order;
        QByteArray buffer;
        for (int i = 0; i < kRequests; ++i) {
            const RawResponse response = readResponse(socket, buffer);
            if (response.status != 200 || response.body.size() != kResponseBytes)
                break;
            order.append(response.body.left(response.body.indexOf(':')).toInt());
        }
        return order;
    });
    qint64 maxUnsent = 0;
    while (!client.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!clientReading)
            maxUnsent = std::max(maxUnsent, m_server->unsentResponseBytes());
    }
    QList<int> expected;
    for (int i = 0; i < kRequests; ++i)
        expected.append(i);
    QCOMPARE(client.result(), expected);
    QVERIFY(maxUnsent > 0);     // the backlog did build up: the bound was what held it
    // The bound, plus the one response that crossed it.
    QVERIFY2(maxUnsent <= m_config.maxUnsentResponseBytes + kResponseBytes + 1024, qPrintable(QString::number(maxUnsent)));
}

// A client that sends a request every 100 ms and never reads: every response is queued
// (the back-pressure bound is out of the way here), and none of those writes may restart
// the write deadline, so the client is dropped about a second after its output stalled,
// long before it stops sending.
void TestHttpServer::writeDeadlineCountsFromTheOldestUnsentByte()
{
    constexpr int kSendingMs = 8000;
    m_config.writeTimeoutMs = 1000;
    m_config.maxUnsentResponseBytes = qint64(1) << 40;
    startServer();
    const quint16 port = m_server->serverPort();
    auto client = QtConcurrent::run([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < kSendingMs && socket.state() == QAbstractSocket::ConnectedState) {
            socket.write(buildRequest("GET", "/big?n=0&bytes=1048576"));
            socket.flush();
            QThread::msleep(100);
        }
    });
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE(m_server->connectionCount(), 1);
    qint64 droppedAtMs = -1;
    while (!client.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (droppedAtMs < 0 && m_server->connectionCount() == 0)
            droppedAtMs = clock.elapsed();
    }
    if (droppedAtMs < 0 && m_server->connectionCount() == 0)
        droppedAtMs = clock.elapsed();
    QVERIFY2(droppedAtMs >= 0 && droppedAtMs < kSendingMs - 2000, qPrintable(QString::number(droppedAtMs)));
}

void TestHttpServer::malformedRequest()
{
    startServer();
    const quint16 port = m_server->serverPort();
    const RawResponse response = onClientThread([port] { return sendRaw(port, "HELLO\r\n\r\n"); });
    QCOMPARE(response.status, 400);
    QTRY_COMPARE(m_handler.statuses, QList<int>{400});
}

void TestHttpServer::slowClientDroppedByHeaderDeadline()
{
    m_config.headerTimeoutMs = 1500;
    startServer();
    const quint16 port = m_server->serverPort();
    // One byte every 200 ms never pauses long enough for a per-read timeout; the total
    // header deadline must still end it.
    const QPair<int, qint64> result = onClientThread([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        QElapsedTimer clock;
        clock.start();
        const QByteArray request = "GET /x HTTP/1.1\r\nHost: a\r\nX-Long: " + QByteArray(200, 'a') + "\r\n\r\n";
        QByteArray buffer;
        for (char c : request) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            socket.write(&c, 1);
            socket.flush();
            socket.waitForReadyRead(200);
            buffer += socket.readAll();
            if (buffer.contains("\r\n\r\n"))
                break;
        }
        const RawResponse response = readResponse(socket, buffer, 1000);
        return qMakePair(response.status, clock.elapsed());
    });
    QCOMPARE(result.first, 408);
    QVERIFY2(result.second < 4000, qPrintable(QString::number(result.second)));
}

void TestHttpServer::idleConnectionClosed()
{
    m_config.headerTimeoutMs = 500;
    startServer();
    const quint16 port = m_server->serverPort();
    const bool closed = onClientThread([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        return socket.waitForDisconnected(3000);
    });
    QVERIFY(closed);
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::tooManyConnections()
{
    m_config.maxConnections = 2;
    startServer();
    const quint16 port = m_server->serverPort();
    QTcpSocket first, second;
    first.connectToHost(QHostAddress::LocalHost, port);
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(first.waitForConnected());
    QVERIFY(second.waitForConnected());
    QTRY_COMPARE(m_server->connectionCount(), 2);
    const RawResponse third = onClientThread([port] { return sendRaw(port, buildRequest("GET", "/x")); });
    QCOMPARE(third.status, 503);
    first.abort();
    QTRY_COMPARE(m_server->connectionCount(), 1);
    const RawResponse fourth = onClientThread([port] { return sendRaw(port, buildRequest("GET", "/x")); });
    QCOMPARE(fourth.status, 200);
}

void TestHttpServer::stopWaitsForRequestsInFlight()
{
    startServer();
    const quint16 port = m_server->serverPort();
    auto client = QtConcurrent::run([port] { return sendRaw(port, buildRequest("GET", "/slow")); });
    QTRY_COMPARE(m_server->connectionCount(), 1);
    QTest::qWait(50);
    QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
    m_server->stop();
    QVERIFY(stopped.wait(5000));
    while (!client.isFinished())
        QCoreApplication::processEvents();
    QCOMPARE(client.result().status, 200);
    QCOMPARE(client.result().header("Connection"), QByteArray("close"));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
