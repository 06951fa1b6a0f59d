#pragma once

#include "recordingdownload.h"
#include "recordinghostpolicy.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QUrl>

#include <memory>

class CallStore;
class IngestPipeline;
class QNetworkAccessManager;

// Downloads `voice_recording_url` recordings in the background, after their calls were
// stored (IngestPipeline::remoteRecordingPending), and attaches each through
// CallStore::setRecording: the file on success, an error message on the call's
// error_message on failure. Each attempt is a RecordingDownload (host policy, pinned
// addresses, redirects, size limit, timeouts); retries with exponential backoff on
// network errors, 5xx and 429. Lives in the thread that created it (which needs an
// event loop); at most maxConcurrent downloads run at once, the rest queue.
//
// Invariants: every fetch() ends in exactly one setRecording() call and one finished()
// signal, unless this object is destroyed first, in which case the download stays queued
// in the database; a partial download never reaches the recordings folder (it is
// written to a temporary file and renamed only when complete).
class RecordingFetcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingFetcher)

public:
    struct Limits
    {
        qint64 maxBytes = RecordingDownload::Limits().maxBytes;
        int stallTimeoutMs = RecordingDownload::Limits().stallTimeoutMs;
        int attemptTimeoutMs = RecordingDownload::Limits().attemptTimeoutMs;
        int maxAttempts = 4;
        int initialBackoffMs = 1'000;       // doubled after each failed attempt
        int maxConcurrent = 4;
    };

    explicit RecordingFetcher(CallStore *store, QObject *parent = nullptr);
    ~RecordingFetcher() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    void setHostPolicy(const RecordingHostPolicy &policy) { m_hostPolicy = policy; }
    const RecordingHostPolicy &hostPolicy() const { return m_hostPolicy; }
    // Fetches every recording `pipeline` reports as pending.
    void watch(IngestPipeline *pipeline);

    // Queues the download, in the database too (CallStore::queueRecordingFetch), so that
    // a download cut by a kill is resumed by resumePending() at the next start. A call
    // whose download is already queued or running with the same URL is not fetched twice.
    void fetch(qint64 callDbId, const QUrl &url);
    // Queues every download the database still has (left by a process that stopped
    // before finishing them). Does not wait: the list is read on the store's writer.
    void resumePending();
    int pendingCount() const { return int(m_queue.size() + m_active.size()); }

signals:
    // After setRecording() was queued for the call. `error` is empty on success.
    void finished(qint64 callDbId, const QString &error);

private:
    struct Job
    {
        qint64 callDbId = 0;
        QUrl url;
        int attempt = 0;
        std::unique_ptr<RecordingDownload> download;   // the attempt running
    };

    void enqueue(qint64 callDbId, const QUrl &url);
    bool isQueuedOrActive(qint64 callDbId, const QUrl &url) const;
    void startNext();
    void startAttempt(Job *job);
    void onAttemptFinished(Job *job);
    void complete(Job *job, const QString &relativePath, const QString &error);

    CallStore *m_store;
    Limits m_limits;
    RecordingHostPolicy m_hostPolicy;
    QNetworkAccessManager *m_network;
    QQueue<std::shared_ptr<Job>> m_queue;
    QHash<Job *, std::shared_ptr<Job>> m_active;
};
