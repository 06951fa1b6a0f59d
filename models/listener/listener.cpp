#include "listener.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "httpserver.h"
#include "listenerlog.h"
#include "apirouter.h"
#include "requestlogger.h"

#include "store/callstore.h"
#include "store/owneronlyaccess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>

Listener::Listener(CallStore *store, IngestPipeline *pipeline, QObject *parent)
    : QObject(parent), m_store(store), m_pipeline(pipeline)
{
    qRegisterMetaType<RequestLogEntry>("RequestLogEntry");
}

Listener::~Listener()
{
    if (m_server)
        stopAndWait(10'000);
}

QString Listener::baseUrl() const
{
    return m_server ? m_config.baseUrl(m_port) : QString();
}

bool Listener::start(const ListenerConfig &config, QString *error)
{
    if (m_server) {
        if (error)
            *error = QStringLiteral("The listener is already running.");
        return false;
    }
    m_config = config;
    if (m_config.uploadDir.isEmpty())
        m_config.uploadDir = QDir(m_store->recordingsDir()).filePath(QStringLiteral(".incoming"));
    // Uploads left by a killed process are of no use to anyone.
    QDir uploads(m_config.uploadDir);
    if (uploads.exists()) {
        for (const QString &name : uploads.entryList({QStringLiteral("upload-*.part")}, QDir::Files))
            uploads.remove(name);
    }

    RequestLogger::Limits logLimits;
    logLimits.maxBodyBytes = m_config.maxLoggedBodyBytes;
    logLimits.maxRefusedBodyBytes = m_config.maxRefusedLoggedBodyBytes;
    logLimits.maxTotalBytes = m_config.maxRequestLogBytes;
    logLimits.maxAgeDays = m_config.maxRequestLogAgeDays;
    m_logger = std::make_unique<RequestLogger>(m_store, logLimits);
    connect(m_logger.get(), &RequestLogger::requestLogged, this, &Listener::requestLogged, Qt::QueuedConnection);
    m_api = std::make_unique<ApiRouter>(m_store, m_pipeline, m_config, m_logger.get(), m_evaluation);

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("listener-io"));
    m_thread->start();
    auto *server = new HttpServer(m_api.get());
    server->moveToThread(m_thread);
    bool ok = false;
    QString listenError;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [&] {
            ok = server->listen(m_config, &listenError);
            port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    m_server = server;
    if (!ok) {
        tearDown();
        if (error)
            *error = QStringLiteral("Cannot listen on %1:%2: %3")
                         .arg(m_config.address.toString())
                         .arg(m_config.port)
                         .arg(listenError);
        return false;
    }
    m_port = port;
    connect(server, &HttpServer::stopped, this, &Listener::serverStopped, Qt::QueuedConnection);
    qCInfo(lcListener) << "listening on" << baseUrl();
    emit started(baseUrl());
    return true;
}

void Listener::stop()
{
    if (!m_server)
        return;
    QMetaObject::invokeMethod(m_server, &HttpServer::stop, Qt::QueuedConnection);
}

void Listener::serverStopped()
{
    if (!m_server)
        return;
    tearDown();
    qCInfo(lcListener) << "stopped";
    emit stopped();
}

void Listener::tearDown()
{
    if (m_server) {
        HttpServer *server = m_server;
        m_server = nullptr;
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_api)
        m_api->waitForDone();
    if (m_logger)
        m_logger->flush();
    m_api.reset();
    m_logger.reset();
    m_port = 0;
}

bool Listener::stopAndWait(int timeoutMs)
{
    if (!m_server)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &Listener::stopped, &loop, &QEventLoop::quit);
    stop();
    timer.start(timeoutMs);
    if (m_server)
        loop.exec();
    if (!m_server)
        return true;
    qCWarning(lcListener) << "requests still in flight after" << timeoutMs << "ms; closing their connections";
    tearDown();
    emit stopped();
    return false;
}

QString Listener::loadOrCreateApiKey(const QString &databasePath, QString *error)
{
    const QString path = databasePath + QStringLiteral(".listener-key");
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
    };
    // Two attempts: another process may create the file between our read and our create.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile existing(path);
        if (existing.exists()) {
            // A key others could read is not secret any more; say so, and narrow it.
            if (OwnerOnlyAccess::isLoose(path) && !OwnerOnlyAccess::restrict(path))
                fail(QStringLiteral("%1 is readable by other users and cannot be made owner-only").arg(path));
            if (existing.open(QIODevice::ReadOnly)) {
                const QString key = QString::fromUtf8(existing.readAll()).trimmed();
                if (!key.isEmpty())
                    return key;
            }
            // Empty (a crash while it was written): replace it.
            existing.close();
            existing.remove();
        }
        QFile created(path);
        if (OwnerOnlyAccess::createNew(created)) {
            const QString key = ListenerConfig::generateApiKey();
            if (created.write(key.toUtf8() + '\n') < 0 || !created.flush())
                fail(QStringLiteral("Cannot write %1: %2").arg(path, created.errorString()));
            return key;
        }
        if (!created.exists()) {
            fail(QStringLiteral("Cannot write %1: %2").arg(path, created.errorString()));
            return ListenerConfig::generateApiKey();
        }
    }
    fail(QStringLiteral("Cannot read %1").arg(path));
    return ListenerConfig::generateApiKey();
}

bool Listener::saveApiKey(const QString &databasePath, const QString &key, QString *error)
{
    const QString path = databasePath + QStringLiteral(".listener-key");
    const QString staged = path + QStringLiteral(".new");
    QFile::remove(staged);   // left by a crash: never holds a key in use
    QFile file(staged);
    if (!OwnerOnlyAccess::createNew(file) || file.write(key.trimmed().toUtf8() + '\n') < 0 || !file.flush()) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(staged, file.errorString());
        file.remove();
        return false;
    }
    file.close();
    // rename(2) replaces the old key atomically; QFile::rename refuses an existing target.
    if (std::rename(QFile::encodeName(staged).constData(), QFile::encodeName(path).constData()) != 0) {
        if (error)
            *error = QStringLiteral("Cannot replace %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        QFile::remove(staged);
        return false;
    }
    return true;
}
