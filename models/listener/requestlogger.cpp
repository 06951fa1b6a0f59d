#include "requestlogger.h"

#include "listenerlog.h"

#include "store/callstore.h"
#include "store/owneronlyaccess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace {

// Segments are a sixteenth of the log's budget (within these bounds), so that removing
// whole segments keeps the folder near its budget.
constexpr qint64 kMinSegmentBytes = 16 * 1024;
constexpr qint64 kMaxSegmentBytes = 256LL * 1024 * 1024;
// Logged header values of a refused request are cut beyond this.
constexpr qsizetype kMaxRefusedHeaderValue = 256;
// Another process's segment is left alone unless it has not changed for this long.
constexpr qint64 kForeignSegmentGraceMs = 10 * 60 * 1000;

QMutex &openSegmentsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString> &openSegments()
{
    static QSet<QString> segments;
    return segments;
}

} // namespace

RequestLogger::RequestLogger(CallStore *store, const Limits &limits, QObject *parent)
    : QObject(parent), m_store(store), m_limits(limits),
      m_maxSegmentBytes(std::clamp(limits.maxTotalBytes / 16, kMinSegmentBytes, kMaxSegmentBytes)),
      m_bodiesDir(store->databasePath() + QStringLiteral(".requests"))
{
    qRegisterMetaType<RequestLogEntry>("RequestLogEntry");
    // What a previous run left may be over the budget or too old by now.
    schedulePrune();
}

RequestLogger::~RequestLogger()
{
    flush();
    if (m_segment)
        closeSegment();
}

bool RequestLogger::refusedBeforeAuthentication(const HttpExchange &exchange)
{
    const int status = exchange.response.status;
    return status == 401 || status == 403 || status == 404 || status == 405 || !exchange.transportError.isEmpty();
}

void RequestLogger::schedulePrune()
{
    if (!m_pruneScheduled.testAndSetOrdered(0, 1))
        return;
    m_bytesSincePrune.storeRelease(0);
    const QDateTime oldest = QDateTime::currentDateTimeUtc().addDays(-m_limits.maxAgeDays);
    m_store->pruneRequestLog(m_limits.maxTotalBytes, oldest, [this](const RequestLogPruning &pruning) {
        if (pruning.ok && pruning.removed > 0)
            removeUnreferencedSegments(pruning.referencedSegments);
        m_pruneScheduled.storeRelease(0);
    });
}

void RequestLogger::removeUnreferencedSegments(const QSet<QString> &referenced)
{
    QDir dir(m_bodiesDir);
    if (!dir.exists())
        return;
    const QString ownPid = QString::number(QCoreApplication::applicationPid());
    const QDateTime graceLimit = QDateTime::currentDateTimeUtc().addMSecs(-kForeignSegmentGraceMs);
    QMutexLocker registry(&openSegmentsMutex());
    for (const QFileInfo &file : dir.entryInfoList({QStringLiteral("*.bodies")}, QDir::Files)) {
        const QString path = file.filePath();
        if (referenced.contains(path) || openSegments().contains(path))
            continue;
        // "<ms>-<pid>-<n>.bodies": another process's segment may be waiting for the
        // commit of its first entries.
        const bool ours = file.fileName().section(QLatin1Char('-'), 1, 1) == ownPid;
        if (ours || file.lastModified() < graceLimit)
            QFile::remove(path);
    }
}

bool RequestLogger::isSecretHeader(QByteArrayView name)
{
    // By the words a credential's name carries rather than by a list of names alone:
    // providers add headers (x-callscope-secret was missed once), and logging one
    // secret in clear is worse than masking a harmless header.
    static const char *const secretWords[] = {"secret", "signature", "authorization", "api-key", "apikey", "token",
                                              "cookie", "password", "credential", "auth"};
    const QByteArray lower = name.toByteArray().toLower().replace('_', '-');
    for (const char *word : secretWords) {
        if (lower.contains(word))
            return true;
    }
    return false;
}

bool RequestLogger::isSecretQueryItem(QStringView name)
{
    return isSecretHeader(name.toLatin1()) || name.compare(u"key", Qt::CaseInsensitive) == 0
           || name.compare(u"sig", Qt::CaseInsensitive) == 0;
}

QString RequestLogger::maskedTarget(const QByteArray &target)
{
    const QString text = QString::fromUtf8(target);
    const qsizetype question = text.indexOf(QLatin1Char('?'));
    if (question < 0)
        return text;
    // Rebuilt by hand, not through QUrlQuery, so that the rest reads exactly as sent.
    QStringList items = text.mid(question + 1).split(QLatin1Char('&'));
    for (QString &item : items) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const QString name = QUrl::fromPercentEncoding(item.left(equals < 0 ? item.size() : equals).toUtf8());
        if (equals >= 0 && isSecretQueryItem(name))
            item = item.left(equals + 1) + QStringLiteral("***");
    }
    return text.left(question + 1) + items.join(QLatin1Char('&'));
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
    entry.path = maskedTarget(request.target);
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

    const bool refused = refusedBeforeAuthentication(exchange);
    if (refused) {
        for (auto it = entry.headers.begin(); it != entry.headers.end(); ++it) {
            const QString value = it.value().toString();
            if (value.size() > kMaxRefusedHeaderValue)
                it.value() = value.left(kMaxRefusedHeaderValue) + QStringLiteral("… (%1 characters)").arg(value.size());
        }
    }
    const qint64 maxBody = refused ? m_limits.maxRefusedBodyBytes : m_limits.maxBodyBytes;
    Pending pending;
    if (exchange.response.loggedRequestBody) {
        // Redacted: the bytes as they came must not reach the disk.
        pending.body = exchange.response.loggedRequestBody->left(maxBody);
        entry.headers.insert(QStringLiteral("X-Callscope-Body-Redacted"), QStringLiteral("the body as stored, redacted"));
    } else if (!request.loggedBody.isEmpty()) {
        pending.body = request.loggedBody.left(maxBody);
        if (request.loggedBodyTruncated || request.loggedBody.size() > maxBody)
            entry.headers.insert(QStringLiteral("X-Callscope-Body-Truncated"),
                                 QStringLiteral("kept the first %1 of %2 bytes").arg(pending.body.size()).arg(request.bodySize));
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
    // Roughly what the row and its body cost (the JSON adds a few bytes per header).
    entry.loggedBytes = entry.path.size() + pending.body.size();
    for (auto it = entry.headers.constBegin(); it != entry.headers.constEnd(); ++it)
        entry.loggedBytes += it.key().size() + it.value().toString().size() + 6;
    if (!entry.errors.isEmpty())
        entry.loggedBytes += QJsonDocument(entry.errors).toJson(QJsonDocument::Compact).size();
    pending.entry = std::move(entry);
    pending.note = std::move(note);

    m_pending.ref();
    QMutexLocker lock(&m_queueMutex);
    m_queue.append(std::move(pending));
    if (m_batchScheduled)
        return;
    m_batchScheduled = true;
    lock.unlock();
    scheduleBatch();
}

void RequestLogger::scheduleBatch()
{
    auto batch = std::make_shared<QList<Pending>>();
    auto collected = std::make_shared<bool>(false);
    m_store->logRequests([this, batch, collected] {
        *collected = true;
        return takeQueue(*batch);
    }, [this, batch, collected](const QList<qint64> &ids) {
        if (!*collected) {
            // The store closed before the job ran: these entries are dropped.
            QMutexLocker lock(&m_queueMutex);
            batch->swap(m_queue);
            m_batchScheduled = false;
        }
        qint64 logged = 0;
        for (qsizetype i = 0; i < ids.size() && i < batch->size(); ++i) {
            Pending &pending = (*batch)[i];
            pending.entry.id = ids.at(i);
            logged += pending.entry.loggedBytes;
            emit requestLogged(pending.entry, pending.note);
        }
        if (m_bytesSincePrune.fetchAndAddOrdered(logged) + logged >= std::max<qint64>(1, m_limits.maxTotalBytes / 32))
            schedulePrune();
        m_pending.fetchAndSubOrdered(int(batch->size()));
    });
}

QList<RequestLogEntry> RequestLogger::takeQueue(QList<Pending> &batch)
{
    {
        QMutexLocker lock(&m_queueMutex);
        batch.swap(m_queue);
        m_batchScheduled = false;
    }
    appendBodies(batch);
    QList<RequestLogEntry> entries;
    entries.reserve(batch.size());
    for (const Pending &pending : std::as_const(batch))
        entries.append(pending.entry);
    return entries;
}

void RequestLogger::flush()
{
    // The continuations of log() run on the writer thread right after each commit and
    // use this object: wait for every one of them, not just for the commits.
    QElapsedTimer clock;
    clock.start();
    while (m_pending.loadAcquire() > 0 || m_pruneScheduled.loadAcquire() > 0) {
        m_store->flush();
        if (m_pending.loadAcquire() > 0 || m_pruneScheduled.loadAcquire() > 0)
            QThread::msleep(2);
        if (clock.elapsed() > 60'000) {
            qCWarning(lcListener) << "request log entries still pending after a minute";
            clock.restart();
        }
    }
}

QString RequestLogger::formatLine(const RequestLogEntry &entry, const QString &note)
{
    // Concatenated, not arg()-chained: a path may contain "%1".
    // Method, path and note carry client text: escaped, so no byte of it can move the
    // cursor, recolour the terminal or start a forged line.
    QString line = entry.time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + entry.clientAddress + QLatin1Char(' ')
                   + ListenerLog::escaped(entry.method) + QLatin1Char(' ') + ListenerLog::escaped(entry.path)
                   + QLatin1Char(' ') + QString::number(entry.status)
                   + QLatin1Char(' ') + QString::number(entry.latencyMs, 'f', 1) + QStringLiteral("ms ")
                   + QString::number(entry.requestSize) + QLatin1Char('B');
    if (!note.isEmpty())
        line += QLatin1Char(' ') + ListenerLog::escaped(note);
    return line;
}

QString RequestLogger::closeSegment()
{
    const QString name = m_segment->fileName();
    QMutexLocker registry(&openSegmentsMutex());
    openSegments().remove(name);
    m_segment.reset();
    return name;
}

void RequestLogger::appendBodies(QList<Pending> &batch)
{
    QByteArray bytes;
    for (const Pending &pending : std::as_const(batch))
        bytes += pending.body;
    if (bytes.isEmpty())
        return;
    QMutexLocker lock(&m_segmentMutex);
    // This runs on the writer thread, like the clearing, so a clear since the segment was
    // opened covered every body in it: remove it rather than keep cleared bodies on disk.
    const quint64 clears = m_store->requestLogClears();
    if (m_segment && clears != m_segmentClears)
        QFile::remove(closeSegment());
    // A segment removed by another process: start a new one.
    if (m_segment && ++m_writesSinceCheck >= 64) {
        m_writesSinceCheck = 0;
        if (!QFile::exists(m_segment->fileName()))
            m_segment.reset();
    }
    if (m_segment && m_segment->size() + bytes.size() > m_maxSegmentBytes)
        closeSegment();
    if (!m_segment) {
        // Bodies carry callers' data (transcripts, phone numbers): owner-only.
        OwnerOnlyAccess::ensureDir(m_bodiesDir);
        const QString name = QStringLiteral("%1-%2-%3.bodies")
                                 .arg(QDateTime::currentMSecsSinceEpoch())
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++m_sequence);
        auto file = std::make_unique<QFile>(QDir(m_bodiesDir).filePath(name));
        // Registered before it exists, so that removeBodySegments() (on another thread)
        // never sees the new file unclaimed.
        QMutexLocker registry(&openSegmentsMutex());
        openSegments().insert(file->fileName());
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append, QFile::ReadOwner | QFile::WriteOwner)) {
            openSegments().remove(file->fileName());
            qCWarning(lcListener) << "cannot keep request bodies:" << file->errorString();
            return;
        }
        m_segment = std::move(file);
        m_segmentClears = clears;
    }
    qint64 offset = m_segment->size();
    if (m_segment->write(bytes) != bytes.size() || !m_segment->flush()) {
        qCWarning(lcListener) << "cannot keep request bodies:" << m_segment->errorString();
        return;
    }
    const QString prefix = m_segment->fileName() + QLatin1Char('#');
    for (Pending &pending : batch) {
        if (pending.body.isEmpty())
            continue;
        pending.entry.bodyPath = prefix + QString::number(offset) + QLatin1Char(':') + QString::number(pending.body.size());
        offset += pending.body.size();
        pending.body.clear();
    }
}

QByteArray RequestLogger::readBody(const QString &bodyPath, qint64 maxBytes)
{
    if (bodyPath.isEmpty())
        return {};
    QString path = bodyPath;
    qint64 offset = 0;
    qint64 length = -1;
    const qsizetype hash = bodyPath.lastIndexOf(QLatin1Char('#'));
    if (hash > 0) {
        const QStringList range = bodyPath.mid(hash + 1).split(QLatin1Char(':'));
        if (range.size() == 2) {
            path = bodyPath.left(hash);
            offset = range[0].toLongLong();
            length = range[1].toLongLong();
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    if (length < 0)
        length = file.size() - offset;
    if (maxBytes >= 0)
        length = std::min(length, maxBytes);
    return file.read(length);
}

void RequestLogger::removeBodySegments(const QString &databasePath)
{
    QDir dir(databasePath + QStringLiteral(".requests"));
    if (!dir.exists())
        return;
    QMutexLocker registry(&openSegmentsMutex());
    for (const QString &name : dir.entryList({QStringLiteral("*.bodies")}, QDir::Files)) {
        if (!openSegments().contains(dir.filePath(name)))
            dir.remove(name);
    }
}
