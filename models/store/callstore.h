#pragma once

#include "agentsettings.h"
#include "calllog/calllog.h"
#include "callquery.h"
#include "metricsaveoutcome.h"
#include "metrics/metricdefinition.h"
#include "pendingrecordingfetch.h"
#include "requestlogentry.h"
#include "reviewchange.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class CallWriter;
class TranscriptionWriter;

// The result of storing one call: its database id, whether it was new, and whether
// anything stored changed (false for an identical re-post, which rewrites nothing).
// On failure id is 0 and `error` says why (nothing of the call was stored).
struct UpsertOutcome
{
    qint64 id = 0;
    bool created = false;
    bool changed = false;       // true when created
    qint64 writtenAtMs = 0;     // created_at/updated_at the write stored (epoch ms)
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// What CallStore::remove() did. NotFound and Failed removed nothing; Failed says why.
struct RemoveOutcome
{
    enum class Result { Removed, NotFound, Failed };

    Result result = Result::Failed;
    QString error;

    bool removed() const { return result == Result::Removed; }
};

// The local database: a SQLite file in WAL mode plus a recordings folder beside it.
// Owns the single writer thread; every write goes through it and is group-committed
// (the writer takes whatever is queued, up to 256 calls, into one transaction), so a
// future resolves only after its transaction committed. If a group transaction fails,
// its requests are retried one per transaction, so one bad request fails alone.
// Reads open their own connection per thread (CallReader), so the GUI thread never
// waits on a write. Thread-safe: any thread may call any method.
//
// Upsert rules: the same (agent key, call_id) updates the row in place (same id,
// created_at kept) and replaces its turns; a call's status and feedback are only
// changed when the new CallLog sets them, and every change of either is recorded as a
// review event (CallReader::reviewEvents), as review() does for a reviewer's change.
class CallStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallStore)

public:
    // Opens (creating and migrating as needed) the database at `path`.
    // Returns nullptr and sets `error` when the file cannot be opened or migrated.
    static std::unique_ptr<CallStore> open(const QString &path, QString *error = nullptr);
    // Finishes every queued write, then closes.
    ~CallStore() override;

    QString databasePath() const { return m_path; }
    // Folder for recording files, "<database>.recordings" next to the database
    // (created by open()). CallLog::recordingPath is relative to it.
    QString recordingsDir() const;

    // Futures returned here are finished by the writer thread: wait for them, or watch
    // them with whenFinished(); a then() attached from another thread can crash Qt 6.4.

    // Inserts or updates (same agent key + call_id) the call and replaces its turns.
    // Metric results are replaced only when `call.metrics` is not empty.
    QFuture<UpsertOutcome> upsert(const CallLog &call);
    // The same, calling `done` on the writer thread after COMMIT (or on this thread at
    // once when the call is refused): the listener's path, with no future to chain on.
    void upsert(const CallLog &call, std::function<void(const UpsertOutcome &)> done);
    // Many calls in one transaction, all or nothing; one outcome per call, in order.
    QFuture<QList<UpsertOutcome>> upsertMany(const QList<CallLog> &calls);
    // The one review operation: status, feedback, is_reviewed and content of a call with
    // a review event per field that changed, in one transaction. PATCH, `callscope
    // review` and the UI all go through it.
    QFuture<ReviewOutcome> review(const ReviewChange &change);
    // Deletes the call, its turns (and their index entries), metric results, review
    // events and recording file.
    QFuture<RemoveOutcome> remove(qint64 id);
    // The background recording download's result: the local file (relative to
    // recordingsDir(), empty: none) and an error message (empty: none).
    QFuture<bool> setRecording(qint64 callDbId, const QString &recordingPath, const QString &errorMessage);
    // The download queue, kept in the database so that downloads survive a kill:
    // queued until setRecording() records the outcome (or the call is removed).
    QFuture<bool> queueRecordingFetch(qint64 callDbId, const QString &url);
    // Every queued download, oldest first.
    QFuture<QList<PendingRecordingFetch>> pendingRecordingFetches();
    // The transcription queue of audio-only calls, kept on the calls (TranscriptionWriter):
    // queue them (again: "transcribe again"; resolves to the ids queued, audio-only calls
    // only), take one up, say how far it is, fail it, or store its transcript (its turns,
    // and the agent's channel the transcription found). Each resolves to false when the
    // call is not in the state the step expects (posted anew meanwhile, or removed).
    QFuture<QList<qint64>> queueTranscription(const QList<qint64> &callDbIds);
    // After a restart (a kill, a crash): what was being transcribed is queued again.
    QFuture<int> requeueInterruptedTranscriptions();
    QFuture<bool> claimTranscription(qint64 callDbId);
    QFuture<bool> reportTranscription(qint64 callDbId, double progress);
    QFuture<bool> failTranscription(qint64 callDbId, const QString &reason);
    QFuture<bool> storeTranscript(qint64 callDbId, const Turns &turns, std::optional<int> detectedAgentChannel,
                                  const QMap<RedactionKind, int> &redactionCounts = {});
    // Merges the search index into one segment: text replaced since (callscope redact)
    // leaves the index itself, not just its live view. Slow on a big database.
    QFuture<bool> optimizeSearchIndex();
    // The Main Agent's channel the audio analysis detected (kept while the request names none).
    QFuture<bool> setDetectedAgentChannel(qint64 callDbId, int channel);
    // Stores evaluated metric results (each replaces its (metric, version) row) and,
    // when their pass/fail verdict is known and nobody else set the status (no reviewer
    // ever; no sender, unless `rerun`), sets success/failure with a review event by
    // "metrics". Resolves to false when the call does not exist.
    QFuture<bool> storeMetricResults(qint64 callDbId, const QList<MetricResult> &results, bool rerun = false);
    // Metric definitions (CallReader::metrics reads them): create (id 0) or update,
    // remove (not a built-in), and switch on or off for one agent or by default.
    QFuture<MetricSaveOutcome> saveMetric(const MetricDefinition &definition);
    QFuture<MetricSaveOutcome> removeMetric(qint64 metricId);
    QFuture<MetricSaveOutcome> setMetricEnabled(qint64 metricId, const QString &agentKey, bool enabled);
    // Creates or updates the agent's row (read back with CallReader::agentSettings).
    QFuture<bool> setAgentSettings(const AgentSettings &settings);

    // The listener's request log. Resolves to the new entry's id (0 on failure).
    QFuture<qint64> logRequest(const RequestLogEntry &entry);
    // Adds the entries `collect` returns; it is called once, on the writer thread, when
    // the job's transaction starts, so entries that arrive while the writer is busy join
    // the same transaction. `done` gets their ids in order on the writer thread (empty on
    // failure, and when the store was closed before `collect` could run).
    void logRequests(std::function<QList<RequestLogEntry>()> collect,
                     std::function<void(const QList<qint64> &)> done);
    // Deletes every entry and, after commit, the body files they referenced.
    // Resolves to the number of entries removed (-1 on failure).
    QFuture<int> clearRequestLog();
    // Keeps the request log within `maxBytes` (RequestLogEntry::loggedBytes, oldest
    // removed first) and removes entries older than `olderThan`. `done` runs on the writer
    // thread after COMMIT (with ok false when the store failed or was closed); the
    // listener removes the body segments nobody references any more there.
    void pruneRequestLog(qint64 maxBytes, const QDateTime &olderThan, std::function<void(const RequestLogPruning &)> done);
    // How many clearRequestLog() jobs the writer has run. Read on the writer thread (in a
    // logRequests() collector) it orders a clear against the bodies being written: a
    // change means every body written before it belongs to a deleted entry.
    quint64 requestLogClears() const { return m_requestLogClears.load(); }

    // Blocks until everything queued so far is committed (command line, tests).
    // Never call it (or wait on a store future) from a slot directly connected to
    // callsChanged/requestsChanged: those run on the writer thread.
    void flush();

    // The user's default database: <AppDataLocation>/callscope.db (the folder is created).
    static QString defaultPath();

signals:
    // Emitted from the writer thread after a transaction that changed these calls
    // (created, updated, reviewed, removed) committed.
    void callsChanged(const QList<qint64> &ids);
    // Emitted from the writer thread after request log entries were added or cleared.
    void requestsChanged();
    // Emitted from the writer thread after a metric definition or switch changed.
    void metricsChanged();

private:
    explicit CallStore(const QString &path);
    QFuture<bool> transcriptionStep(qint64 callDbId, std::function<bool(TranscriptionWriter &, qint64 nowMs)> step);

    QString m_path;
    std::unique_ptr<CallWriter> m_writer;
    std::atomic<quint64> m_requestLogClears{0};
};
