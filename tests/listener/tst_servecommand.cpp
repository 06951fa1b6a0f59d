// `callscope serve` as a real process: a stream of posts is cut by SIGKILL, and after a
// restart every call that got a 201 is there, intact, in a database that passes
// PRAGMA integrity_check; SIGTERM stops it cleanly with the requests in flight answered;
// a recording download cut by SIGKILL completes after the restart.
#include "httptestclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>

namespace {

const QByteArray kKey = "serve-test-key";

QByteArray body(const QString &callId)
{
    QJsonArray turns;
    for (int i = 0; i < 20; ++i)
        turns.append(QJsonObject{{QStringLiteral("role"), i % 2 ? QStringLiteral("Testing Agent") : QStringLiteral("Main Agent")},
                                 {QStringLiteral("content"), QStringLiteral("Turn %1 of call %2, about an order.").arg(i).arg(callId)},
                                 {QStringLiteral("start_time"), i * 3.0},
                                 {QStringLiteral("end_time"), i * 3.0 + 2.5}});
    return QJsonDocument(QJsonObject{{QStringLiteral("call_id"), callId},
                                     {QStringLiteral("agent"), 3},
                                     {QStringLiteral("transcript_json"), turns}})
        .toJson(QJsonDocument::Compact);
}

// A recording host that never answers its first request (the download is in flight when
// serve is killed) and answers every later one with a small WAV.
class StallingRecordingHost : public QTcpServer
{
public:
    static QByteArray audio() { return QByteArray("RIFF") + QByteArray(2000, 'r'); }
    int requests = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->readAll();
            if (requests++ == 0)
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: " + QByteArray::number(audio().size())
                          + "\r\nConnection: close\r\n\r\n" + audio());
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

QString recordingPathOf(const QString &database, const QString &callId)
{
    QString path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("recording"));
        db.setDatabaseName(database);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT recording_path FROM calls WHERE call_id = ?"));
            query.addBindValue(callId);
            if (query.exec() && query.next())
                path = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("recording"));
    return path;
}

} // namespace

class TestServeCommand : public QObject
{
    Q_OBJECT

private slots:
    void killNineLosesNoAcknowledgedCall();
    void sigtermStopsCleanly();
    void killedDownloadResumesAtRestart();

private:
    quint16 startServe(QProcess &process, const QString &database, const QStringList &extraArguments = {});
    QTemporaryDir m_dir;
};

quint16 TestServeCommand::startServe(QProcess &process, const QString &database, const QStringList &extraArguments)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(CALLSCOPE_BINARY),
                  QStringList{QStringLiteral("serve"), QStringLiteral("--db"), database, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--api-key"), QString::fromLatin1(kKey),
                              QStringLiteral("--quiet")}
                      + extraArguments);
    if (!process.waitForStarted(5000))
        return 0;
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains('\n') && clock.elapsed() < 10000) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n'));
    if (!line.startsWith("ready "))
        return 0;
    return quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
}

void TestServeCommand::killNineLosesNoAcknowledgedCall()
{
    const QString database = m_dir.filePath(QStringLiteral("kill.db"));
    QProcess serve;
    const quint16 port = startServe(serve, database);
    QVERIFY(port > 0);

    // Four clients post unique calls as fast as they can until the server dies.
    QMutex mutex;
    QHash<QString, qint64> acknowledged;
    std::atomic<bool> stop = false;
    QThreadPool clients;
    clients.setMaxThreadCount(4);
    QList<QFuture<void>> futures;
    for (int c = 0; c < 4; ++c) {
        futures.append(QtConcurrent::run(&clients, [&, c] {
            QTcpSocket socket;
            QByteArray buffer;
            for (int i = 0; !stop; ++i) {
                if (socket.state() != QAbstractSocket::ConnectedState) {
                    socket.abort();
                    socket.connectToHost(QHostAddress::LocalHost, port);
                    if (!socket.waitForConnected(1000))
                        return;
                    buffer.clear();
                }
                const QString callId = QStringLiteral("kill-%1-%2").arg(c).arg(i);
                socket.write(buildRequest("POST", "/observability/v1/observe/", body(callId), "application/json",
                                          {{"X-CEKURA-API-KEY", kKey}}));
                const RawResponse response = readResponse(socket, buffer, 3000);
                if (response.status == 201) {
                    QMutexLocker lock(&mutex);
                    acknowledged.insert(callId, response.json()[QStringLiteral("id")].toInteger());
                } else if (response.status == 0) {
                    return;     // the server is gone
                }
            }
        }));
    }
    QTest::qWait(1500);
    serve.kill();   // SIGKILL
    QVERIFY(serve.waitForFinished(5000));
    stop = true;
    for (auto &future : futures)
        future.waitForFinished();
    QVERIFY2(acknowledged.size() > 20, qPrintable(QString::number(acknowledged.size())));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(database);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    QProcess again;
    const quint16 port2 = startServe(again, database);
    QVERIFY(port2 > 0);
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        const RawResponse response = sendRaw(port2, buildRequest("GET", "/observability/v1/call-logs/" + QByteArray::number(it.value()) + "/",
                                                                 {}, {}, {{"X-CEKURA-API-KEY", kKey}}));
        QVERIFY2(response.status == 200, qPrintable(it.key()));
        QCOMPARE(response.json()[QStringLiteral("call_id")].toString(), it.key());
        QCOMPARE(response.json()[QStringLiteral("transcript_object")].toArray().size(), 20);
    }
    again.terminate();
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(again.exitCode(), 0);
}

void TestServeCommand::sigtermStopsCleanly()
{
    const QString database = m_dir.filePath(QStringLiteral("term.db"));
    QProcess serve;
    const quint16 port = startServe(serve, database);
    QVERIFY(port > 0);
    QThreadPool clients;
    auto inFlight = QtConcurrent::run(&clients, [port] {
        return sendRaw(port, buildRequest("POST", "/observability/v1/observe/", body(QStringLiteral("term-1")), "application/json",
                                          {{"X-CEKURA-API-KEY", kKey}}));
    });
    inFlight.waitForFinished();
    serve.terminate();  // SIGTERM
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QCOMPARE(inFlight.result().status, 201);
    QVERIFY(serve.readAllStandardError().contains("stopping"));
}

void TestServeCommand::killedDownloadResumesAtRestart()
{
    StallingRecordingHost host;
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    const QString database = m_dir.filePath(QStringLiteral("resume.db"));
    // The recording host is on 127.0.0.1: private hosts must be allowed.
    const QStringList allowLocal{QStringLiteral("--allow-private-recording-hosts")};
    QProcess serve;
    const quint16 port = startServe(serve, database, allowLocal);
    QVERIFY(port > 0);
    QJsonObject call = QJsonDocument::fromJson(body(QStringLiteral("with-recording"))).object();
    call.insert(QStringLiteral("voice_recording_url"), QStringLiteral("http://127.0.0.1:%1/call.wav").arg(host.serverPort()));
    QCOMPARE(sendRaw(port, buildRequest("POST", "/observability/v1/observe/", QJsonDocument(call).toJson(QJsonDocument::Compact),
                                        "application/json", {{"X-CEKURA-API-KEY", kKey}}))
                 .status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(host.requests, 1, 10000);   // the download is in flight
    serve.kill();   // SIGKILL
    QVERIFY(serve.waitForFinished(5000));
    QVERIFY(recordingPathOf(database, QStringLiteral("with-recording")).isEmpty());

    QProcess again;
    QVERIFY(startServe(again, database, allowLocal) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!recordingPathOf(database, QStringLiteral("with-recording")).isEmpty(), 15000);
    QCOMPARE(host.requests, 2);
    again.terminate();
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(again.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
