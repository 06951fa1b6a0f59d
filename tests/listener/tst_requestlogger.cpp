// The listener's request log on a real Listener and database: no secret a client sends
// (API key, bearer token, shared webhook secret, cookie, secret query value), accepted or
// refused, ever reaches the database file, the request-log folder or the console; and the
// log stays bounded: refused requests keep a short body, the oldest entries and their
// body segments go when the log outgrows its budget or its age.
#include "httptestclient.h"

#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "listener/requestlogger.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

const QByteArray kKey = "logger-test-key-0123456789";

QMutex s_consoleMutex;
QByteArray s_console;
QtMessageHandler s_previousHandler = nullptr;

void captureConsole(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&s_consoleMutex);
        s_console += message.toUtf8() + '\n';
    }
    s_previousHandler(type, context, message);
}

// Every byte of `path` (a file, or every file under a folder).
QByteArray bytesUnder(const QString &path)
{
    QByteArray bytes;
    QStringList files;
    if (QFileInfo(path).isDir()) {
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    } else {
        files.append(path);
    }
    for (const QString &name : files) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

class TestRequestLogger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void secretHeaderNames_data();
    void secretHeaderNames();
    void noSecretIsStoredOrPrinted();
    void refusedBodyKeepsOnlyAPrefix_data();
    void refusedBodyKeepsOnlyAPrefix();
    void refusalWithoutARequestLineIsLogged();
    void logStaysWithinItsBudget();
    void oldEntriesExpire();
    void formatLineEscapesClientText_data();
    void formatLineEscapesClientText();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<Listener> m_listener;
};

void TestRequestLogger::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("log.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_pipeline = std::make_unique<IngestPipeline>(m_store.get());
    m_listener = std::make_unique<Listener>(m_store.get(), m_pipeline.get());
}

void TestRequestLogger::cleanupTestCase()
{
    m_listener.reset();
    m_pipeline.reset();
    m_store.reset();
}

void TestRequestLogger::secretHeaderNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("secret");
    for (const char *name : {"X-CEKURA-API-KEY", "Authorization", "Proxy-Authorization", "x-callscope-secret", "x-vapi-secret",
                             "x-retell-signature", "ElevenLabs-Signature", "Cookie", "Set-Cookie", "X-Api-Key", "xi-api-key",
                             "X-Auth-Token"})
        QTest::newRow(name) << QByteArray(name) << true;
    for (const char *name : {"Content-Type", "Content-Length", "User-Agent", "Host", "X-Request-Id"})
        QTest::newRow(name) << QByteArray(name) << false;
}

void TestRequestLogger::secretHeaderNames()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, secret);
    QCOMPARE(RequestLogger::isSecretHeader(name), secret);
}

void TestRequestLogger::noSecretIsStoredOrPrinted()
{
    s_previousHandler = qInstallMessageHandler(captureConsole);
    QLoggingCategory::setFilterRules(QStringLiteral("callscope.*=true"));
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(kKey);
    QString error;
    QVERIFY2(m_listener->start(config, &error), qPrintable(error));
    QStringList lines;
    connect(m_listener.get(), &Listener::requestLogged, this,
            [&lines](const RequestLogEntry &entry, const QString &note) { lines.append(RequestLogger::formatLine(entry, note)); });

    const QByteArray body = R"({"call_id":"s1","agent":7,"transcript_json":[]})";
    struct Sent
    {
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray secret;
    };
    const QList<Sent> sent{
        // Session webhooks (pipecat, livekit) authenticate with x-callscope-secret.
        {"/observability/v1/pipecat/observe/?agent_id=7", {{"x-callscope-secret", "SECRET-PIPECAT-1"}}, "SECRET-PIPECAT-1"},
        {"/observability/v1/livekit/observe/?agent_id=7", {{"X-CEKURA-API-KEY", kKey}, {"x-callscope-secret", "SECRET-LIVEKIT-2"}},
         "SECRET-LIVEKIT-2"},
        {"/observability/v1/vapi/observe/?agent_id=7", {{"x-vapi-secret", "SECRET-VAPI-3"}}, "SECRET-VAPI-3"},
        {"/observability/v1/observe/", {{"X-CEKURA-API-KEY", "SECRET-WRONG-KEY-4"}}, "SECRET-WRONG-KEY-4"},
        {"/observability/v1/observe/", {{"Authorization", "Bearer SECRET-BEARER-5"}}, "SECRET-BEARER-5"},
        {"/observability/v1/observe/", {{"X-CEKURA-API-KEY", kKey}, {"Cookie", "session=SECRET-COOKIE-6"}}, "SECRET-COOKIE-6"},
        {"/observability/v1/observe/?api_key=SECRET-QUERY-7&x=1", {}, "SECRET-QUERY-7"},
        {"/no/such/route/?token=SECRET-QUERY-8", {{"X-CEKURA-API-KEY", "SECRET-404-9"}}, "SECRET-404-9"},
    };
    for (const Sent &request : sent)
        QVERIFY(sendRaw(m_listener->port(), buildRequest("POST", request.target, body, "application/json", request.headers)).status > 0);
    QVERIFY(m_listener->stopAndWait(10'000));
    m_store->flush();
    QTRY_COMPARE(lines.size(), sent.size());
    qInstallMessageHandler(s_previousHandler);
    QLoggingCategory::setFilterRules(QString());

    const QString database = m_store->databasePath();
    const QByteArray stored = bytesUnder(database) + bytesUnder(database + QStringLiteral("-wal"));
    const QByteArray bodies = bytesUnder(database + QStringLiteral(".requests"));
    QVERIFY(stored.contains("/observability/v1/pipecat/observe/"));   // the log is there at all
    QVERIFY(!bodies.isEmpty());
    QByteArray console;
    {
        QMutexLocker lock(&s_consoleMutex);
        console = s_console + lines.join(QLatin1Char('\n')).toUtf8();
    }
    QStringList secrets{QString::fromLatin1(kKey)};
    for (const Sent &request : sent)
        secrets.append(QString::fromLatin1(request.secret));
    for (const QString &secret : std::as_const(secrets)) {
        const QByteArray bytes = secret.toLatin1();
        QVERIFY2(!stored.contains(bytes), qPrintable(QStringLiteral("%1 is in the database").arg(secret)));
        QVERIFY2(!bodies.contains(bytes), qPrintable(QStringLiteral("%1 is in the request-log folder").arg(secret)));
        QVERIFY2(!console.contains(bytes), qPrintable(QStringLiteral("%1 was printed").arg(secret)));
    }
}

namespace {

HttpExchange exchangeWithBody(int status, const QByteArray &body, qint64 startedAtMs = QDateTime::currentMSecsSinceEpoch())
{
    HttpExchange exchange;
    exchange.request.method = "POST";
    exchange.request.target = "/observability/v1/observe/";
    exchange.request.headers = {{"Content-Type", "application/json"}, {"X-Padding", QByteArray(4000, 'p')}};
    exchange.request.loggedBody = body;
    exchange.request.bodySize = body.size();
    exchange.response.status = status;
    exchange.startedAtMs = startedAtMs;
    return exchange;
}

} // namespace

void TestRequestLogger::refusedBodyKeepsOnlyAPrefix_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("keptBody");
    QTest::addColumn<bool>("headerCut");
    QTest::newRow("401") << 401 << qint64(1024) << true;
    QTest::newRow("404") << 404 << qint64(1024) << true;
    QTest::newRow("201 keeps its body") << 201 << qint64(100'000) << false;
    QTest::newRow("400 keeps its body") << 400 << qint64(100'000) << false;
}

void TestRequestLogger::refusedBodyKeepsOnlyAPrefix()
{
    QFETCH(int, status);
    QFETCH(qint64, keptBody);
    QFETCH(bool, headerCut);
    RequestLogger logger(m_store.get(), RequestLogger::Limits());
    QList<RequestLogEntry> logged;
    connect(&logger, &RequestLogger::requestLogged, this, [&logged](const RequestLogEntry &entry) { logged.append(entry); },
            Qt::DirectConnection);
    logger.log(exchangeWithBody(status, QByteArray(100'000, 'x')));
    logger.flush();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(RequestLogger::readBody(logged.first().bodyPath).size(), keptBody);
    const std::optional<RequestLogEntry> stored = CallReader(m_store->databasePath()).requestById(logged.first().id);
    QVERIFY(stored);
    QCOMPARE(stored->headers.value(QStringLiteral("X-Padding")).toString().size() < 1000, headerCut);
}

// Garbage where the request line should be leaves no method or target to log; the 400
// must still be on record (its NOT NULL columns once made the write fail).
void TestRequestLogger::refusalWithoutARequestLineIsLogged()
{
    RequestLogger logger(m_store.get(), RequestLogger::Limits());
    QList<RequestLogEntry> logged;
    connect(&logger, &RequestLogger::requestLogged, this, [&logged](const RequestLogEntry &entry) { logged.append(entry); },
            Qt::DirectConnection);
    HttpExchange exchange = exchangeWithBody(400, {});
    exchange.request.method = QByteArray();
    exchange.request.target = QByteArray();
    exchange.request.headers.clear();
    exchange.transportError = "bad request line";
    logger.log(exchange);
    logger.flush();
    QCOMPARE(logged.size(), 1);
    const std::optional<RequestLogEntry> stored = CallReader(m_store->databasePath()).requestById(logged.first().id);
    QVERIFY(stored);
    QCOMPARE(stored->status, 400);
    QCOMPARE(stored->method, QString());
}

void TestRequestLogger::logStaysWithinItsBudget()
{
    const qint64 budget = 256 * 1024;
    RequestLogger::Limits limits;
    limits.maxTotalBytes = budget;
    RequestLogger logger(m_store.get(), limits);
    qint64 lastId = 0;
    connect(&logger, &RequestLogger::requestLogged, this, [&lastId](const RequestLogEntry &entry) { lastId = entry.id; },
            Qt::DirectConnection);
    // Four times the budget, in rounds as a listener would see them.
    for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < 10; ++i)
            logger.log(exchangeWithBody(201, QByteArray(1000, char('a' + i))));
        logger.flush();
    }
    const CallReader reader(m_store->databasePath());
    const QList<RequestLogEntry> kept = reader.requests(1000);
    QVERIFY(!kept.isEmpty());
    QCOMPARE(kept.first().id, lastId);   // the newest stays
    QVERIFY2(kept.size() < 200, qPrintable(QString::number(kept.size())));
    qint64 keptBytes = 0;
    for (const RequestLogEntry &entry : kept)
        keptBytes += entry.loggedBytes;
    QVERIFY2(keptBytes <= budget, qPrintable(QString::number(keptBytes)));
    // The folder holds the kept bodies plus at most the segment being written and one
    // whose older entries went first.
    const qint64 folderBytes = bytesUnder(logger.bodiesDir()).size();
    QVERIFY2(folderBytes <= budget / 2 + 2 * (budget / 16), qPrintable(QString::number(folderBytes)));
    // Every kept entry still has its body.
    for (const RequestLogEntry &entry : kept)
        QCOMPARE(RequestLogger::readBody(entry.bodyPath).size(), 1000);
}

void TestRequestLogger::oldEntriesExpire()
{
    const qint64 fifteenDaysAgo = QDateTime::currentDateTimeUtc().addDays(-15).toMSecsSinceEpoch();
    qint64 oldId = 0;
    qint64 newId = 0;
    {
        RequestLogger logger(m_store.get(), RequestLogger::Limits());
        QList<qint64> ids;
        connect(&logger, &RequestLogger::requestLogged, this, [&ids](const RequestLogEntry &entry) { ids.append(entry.id); },
                Qt::DirectConnection);
        logger.log(exchangeWithBody(201, "old", fifteenDaysAgo));
        logger.flush();
        logger.log(exchangeWithBody(201, "new"));
        logger.flush();
        QCOMPARE(ids.size(), 2);
        oldId = ids.at(0);
        newId = ids.at(1);
    }
    // The next start prunes what passed the age limit (14 days by default).
    RequestLogger restarted(m_store.get(), RequestLogger::Limits());
    restarted.flush();
    const CallReader reader(m_store->databasePath());
    QVERIFY(!reader.requestById(oldId));
    QVERIFY(reader.requestById(newId));
}

// The terminal line of `callscope serve`: client text in it must not be able to forge
// lines or send escape sequences to the terminal.
void TestRequestLogger::formatLineEscapesClientText_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("expectedEnd");

    QTest::newRow("plain") << QStringLiteral("/observability/v1/observe/") << QStringLiteral("created call 1")
                           << QStringLiteral("/observability/v1/observe/ 200 1.5ms 10B created call 1");
    QTest::newRow("forged line in the note")
        << QStringLiteral("/x") << QStringLiteral("vapi event \"a\r\n2026-01-01T00:00:00.000Z 10.0.0.1 GET /admin 200\"")
        << QStringLiteral("/x 200 1.5ms 10B vapi event \"a\\x0d\\x0a2026-01-01T00:00:00.000Z 10.0.0.1 GET /admin 200\"");
    QTest::newRow("ANSI escape") << QStringLiteral("/x") << QStringLiteral("\x1b[2J\x1b[31mred")
                                 << QStringLiteral("/x 200 1.5ms 10B \\x1b[2J\\x1b[31mred");
    QTest::newRow("C1 CSI and DEL in the path (valid UTF-8)")
        << QString::fromUtf8("/a\xc2\x9b" "31m\x7f") << QString()
        << QStringLiteral("/a\\x9b31m\\x7f 200 1.5ms 10B");
    QTest::newRow("bidi override") << QString::fromUtf8("/\xe2\x80\xae" "evil") << QString()
                                   << QStringLiteral("/\\u202eevil 200 1.5ms 10B");
    QTest::newRow("invalid UTF-8 decoded as replacement") << QString::fromUtf8("/\xff\xfe") << QString()
                                                          << QString::fromUtf8("/\xef\xbf\xbd\xef\xbf\xbd 200 1.5ms 10B");
    QTest::newRow("backslash kept unambiguous") << QStringLiteral("/a\\x1b") << QString()
                                                << QStringLiteral("/a\\\\x1b 200 1.5ms 10B");
}

void TestRequestLogger::formatLineEscapesClientText()
{
    QFETCH(QString, path);
    QFETCH(QString, note);
    QFETCH(QString, expectedEnd);
    RequestLogEntry entry;
    entry.time = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    entry.clientAddress = QStringLiteral("127.0.0.1");
    entry.method = QStringLiteral("POST");
    entry.path = path;
    entry.status = 200;
    entry.latencyMs = 1.5;
    entry.requestSize = 10;
    const QString line = RequestLogger::formatLine(entry, note);
    QCOMPARE(line, QStringLiteral("1970-01-01T00:00:00.000Z 127.0.0.1 POST ") + expectedEnd);
    for (QChar c : line)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(line));
}

QTEST_GUILESS_MAIN(TestRequestLogger)
#include "tst_requestlogger.moc"
