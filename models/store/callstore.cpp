#include "callstore.h"

#include "callwriter.h"
#include "metricresultrow.h"
#include "owneronlyaccess.h"
#include "storelog.h"
#include "transcriptionwriter.h"
#include "writesession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

MetricSaveOutcome failedSave(const QString &error)
{
    MetricSaveOutcome outcome;
    outcome.error = error;
    return outcome;
}

} // namespace

CallStore::CallStore(const QString &path)
    : m_path(path)
{
}

CallStore::~CallStore()
{
    if (m_writer)
        m_writer->stop();
}

std::unique_ptr<CallStore> CallStore::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return nullptr;
    }
    std::unique_ptr<CallStore> store(new CallStore(info.absoluteFilePath()));
    // Owner-only from the start: SQLite gives the -wal and -shm files it creates the
    // database file's mode, so creating the database 0600 covers them too.
    if (!info.exists()) {
        QFile file(store->m_path);
        if (!OwnerOnlyAccess::createNew(file) && !QFileInfo::exists(store->m_path)) {
            if (error)
                *error = QStringLiteral("cannot create %1: %2").arg(store->m_path, file.errorString());
            return nullptr;
        }
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        OwnerOnlyAccess::restrict(store->m_path + suffix);
    if (!OwnerOnlyAccess::ensureDir(store->recordingsDir())) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(store->recordingsDir());
        return nullptr;
    }
    store->m_writer = std::make_unique<CallWriter>(store->m_path, store->recordingsDir(), store.get());
    QString message;
    if (!store->m_writer->start(&message)) {
        if (error)
            *error = message;
        return nullptr;
    }
    // The built-ins are there before anyone lists or evaluates metrics.
    const QFuture<bool> builtins = store->m_writer->submit<bool>(
        1,
        [](WriteSession &session) {
            session.ensureBuiltinMetrics(MetricDefinition::builtins());
            return true;
        },
        [](const QString &) { return false; });
    if (!builtins.result()) {
        if (error)
            *error = QStringLiteral("cannot add the built-in metrics to %1").arg(store->m_path);
        return nullptr;
    }
    qCInfo(lcStore) << "opened" << store->m_path;
    return store;
}

QString CallStore::recordingsDir() const
{
    return m_path + QStringLiteral(".recordings");
}

QString CallStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/callscope.db");
}

QFuture<UpsertOutcome> CallStore::upsert(const CallLog &call)
{
    PromisedResult<UpsertOutcome> outcome = promisedResult<UpsertOutcome>();
    upsert(call, std::move(outcome.fulfil));
    return outcome.future;
}

void CallStore::upsert(const CallLog &call, std::function<void(const UpsertOutcome &)> done)
{
    if (call.callId.isEmpty()) {
        done(UpsertOutcome{0, false, false, 0, QStringLiteral("call_id is empty")});
        return;
    }
    m_writer->submitWithCallback<UpsertOutcome>(
        1,
        [call](WriteSession &session) { return session.upsert(call); },
        [](const QString &error) { return UpsertOutcome{0, false, false, 0, error}; },
        std::move(done),
        [key = call.agentKey(), callId = call.callId](WriteSession &session) {
            if (const auto id = session.findCall(key, callId))
                session.noteTurnChange(*id);
        });
}

QFuture<QList<UpsertOutcome>> CallStore::upsertMany(const QList<CallLog> &calls)
{
    const auto count = calls.size();
    return m_writer->submit<QList<UpsertOutcome>>(
        int(std::max<qsizetype>(1, count)),
        [calls](WriteSession &session) {
            QList<UpsertOutcome> outcomes;
            outcomes.reserve(calls.size());
            for (const CallLog &call : calls)
                outcomes.append(session.upsert(call));
            return outcomes;
        },
        [count](const QString &error) { return QList<UpsertOutcome>(count, UpsertOutcome{0, false, false, 0, error}); },
        [calls](WriteSession &session) {
            for (const CallLog &call : calls) {
                if (const auto id = session.findCall(call.agentKey(), call.callId))
                    session.noteTurnChange(*id);
            }
        });
}

QFuture<ReviewOutcome> CallStore::review(const ReviewChange &change)
{
    std::function<void(WriteSession &)> noteTurnChanges;
    if (change.content)
        noteTurnChanges = [id = change.callDbId](WriteSession &session) { session.noteTurnChange(id); };
    return m_writer->submit<ReviewOutcome>(
        1, [change](WriteSession &session) { return session.review(change); },
        [](const QString &error) {
            ReviewOutcome failed;
            failed.error = error;
            return failed;
        },
        std::move(noteTurnChanges));
}

QFuture<RemoveOutcome> CallStore::remove(qint64 id)
{
    return m_writer->submit<RemoveOutcome>(
        1,
        [id](WriteSession &session) {
            return RemoveOutcome{session.remove(id) ? RemoveOutcome::Result::Removed : RemoveOutcome::Result::NotFound, {}};
        },
        [](const QString &error) { return RemoveOutcome{RemoveOutcome::Result::Failed, error}; },
        [id](WriteSession &session) { session.noteTurnChange(id); });
}

QFuture<bool> CallStore::setRecording(qint64 callDbId, const QString &recordingPath, const QString &errorMessage)
{
    return m_writer->submit<bool>(
        1,
        [=](WriteSession &session) { return session.setRecording(callDbId, recordingPath, errorMessage); },
        [](const QString &) { return false; });
}

QFuture<bool> CallStore::queueRecordingFetch(qint64 callDbId, const QString &url)
{
    return m_writer->submit<bool>(
        1,
        [=](WriteSession &session) {
            session.queueRecordingFetch(callDbId, url);
            return true;
        },
        [](const QString &) { return false; });
}

QFuture<QList<PendingRecordingFetch>> CallStore::pendingRecordingFetches()
{
    // On the writer's connection: it sees every queued entry committed before it.
    return m_writer->submit<QList<PendingRecordingFetch>>(
        0, [](WriteSession &session) { return session.pendingRecordingFetches(); },
        [](const QString &) { return QList<PendingRecordingFetch>(); });
}

QFuture<QList<qint64>> CallStore::queueTranscription(const QList<qint64> &callDbIds)
{
    return m_writer->submit<QList<qint64>>(
        1,
        [=](WriteSession &session) {
            const QList<qint64> queued = session.transcriptions().queue(callDbIds, QDateTime::currentMSecsSinceEpoch());
            for (qint64 id : queued)
                session.markChanged(id);
            return queued;
        },
        [](const QString &) { return QList<qint64>(); });
}

QFuture<int> CallStore::requeueInterruptedTranscriptions()
{
    return m_writer->submit<int>(
        1, [](WriteSession &session) { return session.transcriptions().requeueInterrupted(QDateTime::currentMSecsSinceEpoch()); },
        [](const QString &) { return -1; });
}

// One step of the transcription queue on one call, telling listeners when it moved.
QFuture<bool> CallStore::transcriptionStep(qint64 callDbId, std::function<bool(TranscriptionWriter &, qint64)> step)
{
    return m_writer->submit<bool>(
        1,
        [=](WriteSession &session) {
            const bool moved = step(session.transcriptions(), QDateTime::currentMSecsSinceEpoch());
            if (moved)
                session.markChanged(callDbId);
            return moved;
        },
        [](const QString &) { return false; });
}

QFuture<bool> CallStore::claimTranscription(qint64 callDbId)
{
    return transcriptionStep(callDbId, [=](TranscriptionWriter &writer, qint64 now) { return writer.claim(callDbId, now); });
}

QFuture<bool> CallStore::reportTranscription(qint64 callDbId, double progress)
{
    return transcriptionStep(callDbId,
                             [=](TranscriptionWriter &writer, qint64 now) { return writer.report(callDbId, progress, now); });
}

QFuture<bool> CallStore::failTranscription(qint64 callDbId, const QString &reason)
{
    return transcriptionStep(callDbId,
                             [=](TranscriptionWriter &writer, qint64 now) { return writer.fail(callDbId, reason, now); });
}

QFuture<bool> CallStore::optimizeSearchIndex()
{
    return m_writer->submit<bool>(
        1,
        [](WriteSession &session) {
            session.optimizeSearchIndex();
            return true;
        },
        [](const QString &) { return false; });
}

QFuture<bool> CallStore::setDetectedAgentChannel(qint64 callDbId, int channel)
{
    return transcriptionStep(callDbId,
                             [=](TranscriptionWriter &writer, qint64) { return writer.setDetectedAgentChannel(callDbId, channel); });
}

QFuture<bool> CallStore::storeTranscript(qint64 callDbId, const Turns &turns, std::optional<int> detectedAgentChannel,
                                         const QMap<RedactionKind, int> &redactionCounts)
{
    return m_writer->submit<bool>(
        1, [=](WriteSession &session) { return session.storeTranscript(callDbId, turns, detectedAgentChannel, redactionCounts); },
        [](const QString &) { return false; }, [callDbId](WriteSession &session) { session.noteTurnChange(callDbId); });
}

QFuture<bool> CallStore::storeMetricResults(qint64 callDbId, const QList<MetricResult> &results, bool rerun)
{
    // Made into rows here, on the caller's thread, to keep the one writer thread free.
    QList<MetricResultRow> rows;
    rows.reserve(results.size());
    for (const MetricResult &result : results)
        rows.append(MetricResultRow::of(result));
    return m_writer->submit<bool>(
        1, [=](WriteSession &session) { return session.storeMetricResults(callDbId, rows, rerun); },
        [](const QString &) { return false; }, {}, /*background=*/true);
}

QFuture<MetricSaveOutcome> CallStore::saveMetric(const MetricDefinition &definition)
{
    return m_writer->submit<MetricSaveOutcome>(
        1, [=](WriteSession &session) { return session.saveMetric(definition); }, failedSave);
}

QFuture<MetricSaveOutcome> CallStore::removeMetric(qint64 metricId)
{
    return m_writer->submit<MetricSaveOutcome>(
        1, [=](WriteSession &session) { return session.removeMetric(metricId); }, failedSave);
}

QFuture<MetricSaveOutcome> CallStore::setMetricEnabled(qint64 metricId, const QString &agentKey, bool enabled)
{
    return m_writer->submit<MetricSaveOutcome>(
        1, [=](WriteSession &session) { return session.setMetricEnabled(metricId, agentKey, enabled); }, failedSave);
}

QFuture<bool> CallStore::setAgentSettings(const AgentSettings &settings)
{
    return m_writer->submit<bool>(
        1,
        [settings](WriteSession &session) {
            session.setAgentSettings(settings);
            return true;
        },
        [](const QString &) { return false; });
}

QFuture<qint64> CallStore::logRequest(const RequestLogEntry &entry)
{
    PromisedResult<qint64> id = promisedResult<qint64>();
    logRequests([entry] { return QList<RequestLogEntry>{entry}; },
                [fulfil = std::move(id.fulfil)](const QList<qint64> &ids) { fulfil(ids.value(0)); });
    return id.future;
}

void CallStore::logRequests(std::function<QList<RequestLogEntry>()> collect,
                            std::function<void(const QList<qint64> &)> done)
{
    // A failed group transaction runs its jobs again one by one: collect only once.
    auto entries = std::make_shared<std::optional<QList<RequestLogEntry>>>();
    m_writer->submitWithCallback<QList<qint64>>(
        1,
        [entries, collect = std::move(collect)](WriteSession &session) {
            if (!*entries)
                *entries = collect();
            QList<qint64> ids;
            ids.reserve((*entries)->size());
            for (const RequestLogEntry &entry : std::as_const(**entries))
                ids.append(session.logRequest(entry));
            return ids;
        },
        [](const QString &) { return QList<qint64>(); },
        std::move(done));
}

void CallStore::pruneRequestLog(qint64 maxBytes, const QDateTime &olderThan,
                                std::function<void(const RequestLogPruning &)> done)
{
    const qint64 olderThanMs = olderThan.toMSecsSinceEpoch();
    m_writer->submitWithCallback<RequestLogPruning>(
        1, [=](WriteSession &session) { return session.pruneRequestLog(maxBytes, olderThanMs); },
        [](const QString &) { return RequestLogPruning(); }, std::move(done));
}

QFuture<int> CallStore::clearRequestLog()
{
    return m_writer->submit<int>(
        1,
        [this](WriteSession &session) {
            const int removed = session.clearRequestLog();
            ++m_requestLogClears;
            return removed;
        },
        [](const QString &) { return -1; });
}

void CallStore::flush()
{
    // Background work runs after the foreground's, in order: a background job queued now
    // commits after everything queued before it.
    m_writer->submit<bool>(
        0, [](WriteSession &) { return true; }, [](const QString &) { return false; }, {}, /*background=*/true)
        .waitForFinished();
}
