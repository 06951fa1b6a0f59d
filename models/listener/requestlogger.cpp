#include "requestlogger.h"

#include "listenerlog.h"

#include "store/callstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QTimeZone>

namespace {

QString extensionFor(const QByteArray &mediaType)
{
    if (mediaType == "application/json")
        return QStringLiteral("json");
    if (mediaType == "application/x-www-form-urlencoded")
        return QStringLiteral("form");
    if (mediaType == "multipart/form-data")
        return QStringLiteral("multipart");
    return QStringLiteral("body");
}

} // namespace

RequestLogger::RequestLogger(CallStore *store, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_store(store), m_maxBodyBytes(maxBodyBytes),
      m_bodiesDir(store->databasePath() + QStringLiteral(".requests"))
{
    qRegisterMetaType<RequestLogEntry>("RequestLogEntry");
}

bool RequestLogger::isSecretHeader(QByteArrayView name)
{
    static const char *const secrets[] = {"x-cekura-api-key", "authorization", "x-retell-signature",
                                          "elevenlabs-signature", "x-vapi-secret", "x-vapi-signature",
                                          "proxy-authorization", "cookie", "x-api-key", "xi-api-key"};
    for (const char *secret : secrets) {
        if (name.size() == qsizetype(qstrlen(secret)) && qstrnicmp(name.data(), name.size(), secret, name.size()) == 0)
            return true;
    }
    return false;
}

QJsonObject RequestLogger::maskedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonObject object;
    for (const auto &[name, value] : headers) {
        QString shown = QString::fromLatin1(value);
        if (isSecretHeader(name)) {
            // Keep the scheme so a reader can tell Bearer from Basic; never the secret.
            const qsizetype space = shown.indexOf(QLatin1Char(' '));
            shown = (name.compare("authorization", Qt::CaseInsensitive) == 0 && space > 0 ? shown.left(space + 1)
                                                                                         : QString())
                    + QStringLiteral("***");
        }
        const QString key = QString::fromLatin1(name);
        if (object.contains(key))
            shown = object.value(key).toString() + QStringLiteral(", ") + shown;
        object.insert(key, shown);
    }
    return object;
}

void RequestLogger::log(const HttpExchange &exchange)
{
    const HttpRequest &request = exchange.request;
    RequestLogEntry entry;
    entry.time = QDateTime::fromMSecsSinceEpoch(exchange.startedAtMs, Qt::UTC);
    entry.clientAddress = request.peerAddress.toString();
    entry.method = QString::fromLatin1(request.method);
    entry.path = QString::fromUtf8(request.target);
    entry.status = exchange.response.status;
    entry.latencyMs = exchange.latencyMs;
    entry.requestSize = request.bodySize;
    entry.errors = exchange.response.logErrors;
    entry.headers = maskedHeaders(request.headers);
    entry.callDbId = exchange.response.callDbId;
    QString note = exchange.response.note;
    if (note.isEmpty() && !exchange.transportError.isEmpty())
        note = QString::fromLatin1(exchange.transportError);
    if (exchange.clientGone)
        note += note.isEmpty() ? QStringLiteral("client gone") : QStringLiteral(" (client gone)");

    if (!request.loggedBody.isEmpty()) {
        QDir().mkpath(m_bodiesDir);
        const QString name = QStringLiteral("%1-%2-%3.%4")
                                 .arg(exchange.startedAtMs)
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++m_sequence)
                                 .arg(extensionFor(request.mediaType()));
        const QString path = QDir(m_bodiesDir).filePath(name);
        QFile file(path);
        const QByteArray body = request.loggedBody.left(m_maxBodyBytes);
        if (file.open(QIODevice::WriteOnly) && file.write(body) == body.size()) {
            entry.bodyPath = path;
        } else {
            qCWarning(lcListener) << "cannot keep a request body:" << file.errorString();
        }
        if (request.loggedBodyTruncated || request.loggedBody.size() > m_maxBodyBytes)
            entry.headers.insert(QStringLiteral("X-Callscope-Body-Truncated"),
                                 QStringLiteral("kept the first %1 of %2 bytes").arg(body.size()).arg(request.bodySize));
    }
    if (request.mediaType() == "multipart/form-data") {
        // Which files arrived, for the inspector (their bytes are in the body file only
        // up to the cap; the stored recording is the call's).
        QStringList files;
        for (const HttpRequest::UploadedFile &file : request.files)
            files.append(QStringLiteral("%1=%2 (%3 bytes)").arg(file.fieldName, file.fileName).arg(file.size));
        if (!files.isEmpty())
            entry.headers.insert(QStringLiteral("X-Callscope-Uploaded-Files"), files.join(QStringLiteral("; ")));
    }

    m_pending.ref();
    m_store->logRequest(entry).then(QtFuture::Launch::Sync, [this, entry, note](qint64 id) mutable {
        entry.id = id;
        emit requestLogged(entry, note);
        m_pending.deref();
    });
}

void RequestLogger::flush()
{
    m_store->flush();
    // The continuations above run right after the commit, on the writer thread.
    for (int i = 0; i < 200 && m_pending.loadRelaxed() > 0; ++i)
        QThread::msleep(5);
}

QString RequestLogger::formatLine(const RequestLogEntry &entry, const QString &note)
{
    // Concatenated, not arg()-chained: a path may contain "%1".
    QString line = entry.time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + entry.clientAddress + QLatin1Char(' ')
                   + entry.method + QLatin1Char(' ') + entry.path + QLatin1Char(' ') + QString::number(entry.status)
                   + QLatin1Char(' ') + QString::number(entry.latencyMs, 'f', 1) + QStringLiteral("ms ")
                   + QString::number(entry.requestSize) + QLatin1Char('B');
    if (!note.isEmpty())
        line += QLatin1Char(' ') + note;
    return line;
}
