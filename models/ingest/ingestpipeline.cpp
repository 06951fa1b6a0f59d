#include "ingestpipeline.h"

#include "redact/redactor.h"

#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIngest, "callscope.ingest")

namespace {

// Recordings are named after the call's identity, so that posting or importing the same
// call again replaces its recording instead of piling up copies.
QString recordingFileName(const CallLog &call, const QString &originalName)
{
    const QByteArray identity = (call.agentKey() + QLatin1Char('\n') + call.callId).toUtf8();
    const QString stem = QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(20));
    QString suffix = QFileInfo(originalName).suffix().toLower();
    if (suffix.isEmpty() || suffix.size() > 5)
        suffix = QStringLiteral("bin");
    return stem + QLatin1Char('.') + suffix;
}

QByteArray fileDigest(QFile &file)
{
    // Streamed: recordings can be hundreds of megabytes.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    return hash.addData(&file) ? hash.result() : QByteArray();
}

bool sameFile(const QString &a, const QString &b)
{
    QFile left(a), right(b);
    if (left.size() != right.size() || !left.open(QIODevice::ReadOnly) || !right.open(QIODevice::ReadOnly))
        return false;
    const QByteArray digest = fileDigest(left);
    return !digest.isEmpty() && digest == fileDigest(right);
}

// Copies (or moves) `from` into the recordings folder; returns the stored file name.
QString storeRecording(const QString &from, bool move, const QString &recordingsDir, const QString &fileName,
                       QString *error)
{
    QDir().mkpath(recordingsDir);
    const QString target = QDir(recordingsDir).filePath(fileName);
    if (QFile::exists(target)) {
        if (!move && sameFile(from, target))
            return fileName;
        QFile::remove(target);
    }
    const bool ok = move ? QFile::rename(from, target) || (QFile::copy(from, target) && QFile::remove(from))
                         : QFile::copy(from, target);
    if (!ok) {
        *error = QStringLiteral("Could not store the recording %1.").arg(QFileInfo(from).fileName());
        return {};
    }
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return fileName;
}

} // namespace

IngestPipeline::IngestPipeline(CallStore *store, QObject *parent)
    : QObject(parent), m_store(store)
{
}

AgentSettings IngestPipeline::agentSettingsFor(const QString &agentKey, QString *storeError) const
{
    constexpr qint64 kAgentCacheMs = 2000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_agentCacheMutex);
        const auto cached = m_agentCache.constFind(agentKey);
        if (cached != m_agentCache.constEnd() && now - cached->readAtMs < kAgentCacheMs)
            return cached->settings;
    }
    const StoreLookup<AgentSettings> settings = ThreadReader::forDatabase(m_store->databasePath()).agentSettings(agentKey);
    if (settings.isFailed()) {
        *storeError = settings.error();
        return {};
    }
    const AgentSettings read = settings.value_or(AgentSettings());
    QMutexLocker lock(&m_agentCacheMutex);
    m_agentCache.insert(agentKey, {read, now});
    return read;
}

PreparedCall IngestPipeline::prepare(const QJsonObject &body, const IngestSource &source) const
{
    ObserveRequest::Options options;
    options.encoding = source.encoding;
    options.hasUploadedRecording = !source.uploadedRecording.isEmpty();
    PreparedCall prepared;
    const AgentSettings agent = agentSettingsFor(ObserveRequest::agentKeyOf(body), &prepared.storeError);
    options.lenientRoles = agent.lenientRoles;
    if (!prepared.storeError.isEmpty())
        return prepared;
    ObserveRequest request = ObserveRequest::parse(body, options);

    prepared.errors = request.errors();
    if (!request.isValid())
        return prepared;
    prepared.call = request.call();
    // Before anything is stored or logged: the sender's redact_fields, else the agent's.
    if (prepared.call.redactFields.isEmpty())
        prepared.call.redactFields = agent.redactFields;
    Redactor(Redactor::kindsOf(prepared.call.redactFields)).redact(prepared.call);

    QString from;
    QString name;
    bool move = false;
    if (!source.uploadedRecording.isEmpty()) {
        from = source.uploadedRecording;
        name = source.uploadedRecordingName.isEmpty() ? from : source.uploadedRecordingName;
        move = true;
    } else if (!request.recordingFile().isEmpty() && !source.localRecordingPaths) {
        prepared.errors.add(QStringLiteral("voice_recording"),
                            QStringLiteral("Send the recording as a multipart file part, or give voice_recording_url."));
        prepared.call = CallLog();
        return prepared;
    } else if (!request.recordingFile().isEmpty()) {
        const QString path = request.recordingFile();
        from = QDir::isRelativePath(path) && !path.startsWith(QLatin1Char(':')) && !source.baseDir.isEmpty()
                   ? QDir(source.baseDir).filePath(path)
                   : path;
        name = path;
        if (!QFileInfo(from).isFile()) {
            prepared.errors.add(QStringLiteral("voice_recording"), QStringLiteral("File not found: %1").arg(path));
            prepared.call = CallLog();
            return prepared;
        }
    }
    if (!from.isEmpty()) {
        QString error;
        prepared.call.recordingPath = storeRecording(from, move, m_store->recordingsDir(),
                                                     recordingFileName(prepared.call, name), &error);
        if (!error.isEmpty()) {
            prepared.errors.add(QStringLiteral("voice_recording"), error);
            prepared.call = CallLog();
            return prepared;
        }
        // What was redacted in the text is silenced in the recording too, before it is kept.
        const QString stored = QDir(m_store->recordingsDir()).filePath(prepared.call.recordingPath);
        const QString redacted = Redactor::redactRecording(prepared.call.turns, stored, &error);
        if (redacted.isEmpty()) {
            QFile::remove(stored);
            prepared.errors.add(QStringLiteral("voice_recording"), QStringLiteral("Could not be redacted: %1").arg(error));
            prepared.call = CallLog();
            return prepared;
        }
        prepared.call.recordingPath = QDir(m_store->recordingsDir()).relativeFilePath(redacted);
    }
    return prepared;
}

void IngestPipeline::ingest(const QJsonObject &body, const IngestSource &source,
                            std::function<void(const IngestResult &)> done)
{
    PreparedCall prepared = prepare(body, source);
    if (!prepared.isValid()) {
        IngestResult result;
        result.errors = prepared.errors;
        if (!prepared.storeError.isEmpty())
            result.storeFailure = IngestStoreFailure{IngestStoreFailure::Operation::Read, prepared.storeError};
        done(result);
        return;
    }
    const QString databasePath = m_store->databasePath();
    const bool needsDownload = prepared.call.recordingPath.isEmpty() && !prepared.call.voiceRecordingUrl.isEmpty();
    // A new call is stored exactly as prepared, so the answer is built from it. An update
    // may keep stored fields the body left out (status, feedback, a downloaded
    // recording), so it is read back. Either way on the thread pool, so that neither
    // reading nor the caller's answer delays the writer's next group commit.
    m_store->upsert(prepared.call, [this, call = prepared.call, databasePath, needsDownload,
                                    done = std::move(done)](const UpsertOutcome &outcome) {
        IngestResult result;
        if (!outcome.ok()) {
            result.storeFailure = IngestStoreFailure{IngestStoreFailure::Operation::Write, outcome.error};
            done(result);
            return;
        }
        result.created = outcome.created;
        result.call = call;
        result.call.id = outcome.id;
        const QDateTime written = QDateTime::fromMSecsSinceEpoch(outcome.writtenAtMs, Qt::UTC);
        result.call.createdAt = written;
        result.call.updatedAt = written;
        if (!result.call.timestamp.isValid())
            result.call.timestamp = written;
        const bool changed = outcome.changed;
        QThreadPool::globalInstance()->start([this, result = std::move(result), databasePath, needsDownload, changed,
                                              done]() mutable {
            // Here, not on the writer thread: metrics are queued off the group commit's path.
            if (changed)
                emit callsStored({result.call});
            if (!result.created) {
                const StoreLookup<CallLog> stored = ThreadReader::forDatabase(databasePath).callById(result.call.id);
                if (stored.isFailed())
                    result.storeFailure = IngestStoreFailure{IngestStoreFailure::Operation::Read, stored.error()};
                result.call = stored.value_or(result.call);
            }
            if (needsDownload)
                emit remoteRecordingPending(result.call.id, QUrl(result.call.voiceRecordingUrl));
            done(result);
        });
    });
}
