#pragma once

#include "calllog/calllog.h"
#include "calllog/fielderrors.h"
#include "ingest/observerequest.h"
#include "store/agentsettings.h"

#include <QHash>
#include <QMutex>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class CallStore;

// Where a body came from, and what arrived beside it.
struct IngestSource
{
    ObserveRequest::Encoding encoding = ObserveRequest::Encoding::Json;
    // Whether a `voice_recording` path may name a local file. Only for file import: a
    // body from the network must never make Callscope read files of its own choosing.
    bool localRecordingPaths = false;
    // Resolves a relative `voice_recording` path (file import: the JSON file's folder).
    QString baseDir;
    // A recording already on disk (multipart upload, streamed to a temporary file).
    // It is moved into the store's recordings folder.
    QString uploadedRecording;
    // The uploaded file's original name, for its extension.
    QString uploadedRecordingName;
};

// A body checked and made ready for the store: either errors, or a call to upsert.
struct PreparedCall
{
    FieldErrors errors;
    QString storeError;        // the agent's settings could not be read: nothing checked
    CallLog call;

    bool isValid() const { return errors.isEmpty() && storeError.isEmpty(); }
};

// The store failing while a body was handled: it is not the body's fault.
struct IngestStoreFailure
{
    enum class Operation { Read, Write };

    Operation operation = Operation::Read;
    QString error;             // the store's message
};

// What became of one body.
struct IngestResult
{
    FieldErrors errors;        // non-empty: nothing was stored
    // Set: the store failed. Writing: nothing was stored. Reading the agent's settings:
    // nothing was stored. Reading an updated call back: it was stored, `call` is the
    // call as sent.
    std::optional<IngestStoreFailure> storeFailure;
    CallLog call;              // as stored, id set
    bool created = false;      // false: an existing call was updated
};

// The observe pipeline every entry point shares (listener, importer, command line, UI):
// validate -> normalize -> attach the recording -> store. A call counts as ingested only
// when `done` is called, which happens after the store committed it. Thread-safe;
// ingest() may be called from any thread.
class IngestPipeline : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestPipeline)

public:
    explicit IngestPipeline(CallStore *store, QObject *parent = nullptr);

    CallStore *store() const { return m_store; }

    // Validates `body` and copies/moves its recording into the recordings folder.
    // Does not touch the database; the importer batches prepared calls itself.
    PreparedCall prepare(const QJsonObject &body, const IngestSource &source) const;
    // prepare() then store; calls `done` after the commit on a thread of the global pool
    // (or at once, on this thread, with errors).
    void ingest(const QJsonObject &body, const IngestSource &source, std::function<void(const IngestResult &)> done);

    // Announces calls an entry point stored that changed (created or updated), with their
    // ids and turns, as callsStored: the importer's batches call it.
    void noteStored(const QList<CallLog> &calls) { emit callsStored(calls); }

signals:
    // A stored call names a remote recording that is not downloaded yet (from any thread).
    void remoteRecordingPending(qint64 callDbId, const QUrl &url);
    // Calls that were stored new or changed, as sent with their database ids: metrics are
    // evaluated on them (from any thread; connect directly).
    void callsStored(const QList<CallLog> &calls);

private:
    // The agent's settings (role aliases, default redact_fields); `storeError` set when
    // they could not be read.
    AgentSettings agentSettingsFor(const QString &agentKey, QString *storeError) const;

    CallStore *m_store;
    // Agent settings change rarely and are read for every body: a short-lived cache
    // saves a query per call while a change still takes effect within seconds.
    struct CachedSetting
    {
        AgentSettings settings;
        qint64 readAtMs = 0;
    };
    mutable QMutex m_agentCacheMutex;
    mutable QHash<QString, CachedSetting> m_agentCache;
};
