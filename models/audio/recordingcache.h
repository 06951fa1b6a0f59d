#pragma once

#include "ingest/recordingdownload.h"
#include "ingest/recordinghostpolicy.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

// A size-bounded local copy of remote recordings, for playback of calls whose recording
// was never stored (imported from files, a fetch that failed or was off). The folder is
// the whole state: one file per URL, named by the SHA-1 of the URL with the URL path's
// extension; its modification time is its recency (set on every hit), so the cache
// survives restarts and several instances agree on it. Downloads use RecordingDownload:
// the same host policy and limits as the ingest fetcher, one attempt.
//
// Invariants: every request() ends in exactly one ready() or failed() for its URL (a
// request for a URL already on its way shares that end), unless cancel() came first; no
// signal is emitted inside request(); a partial download never appears under its cache
// name; after each download, the least recently used cache files are removed until the
// total fits maxBytes(), never the file just delivered; files whose names are not cache
// names (the folder may be shared with anything) are never counted nor removed. Disk
// work (lookups, eviction) runs on the thread pool; the object lives on a thread with an
// event loop.
class RecordingCache : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingCache)

public:
    static constexpr qint64 DefaultMaxBytes = 2LL * 1024 * 1024 * 1024;

    struct Usage
    {
        qint64 bytes = 0;
        int files = 0;
    };

    explicit RecordingCache(QObject *parent = nullptr);
    ~RecordingCache() override;

    // QStandardPaths::CacheLocation + "/recordings".
    static QString defaultDirectory();
    // Takes effect for the next request(); downloads on their way finish in the old one.
    void setDirectory(const QString &directory);
    const QString &directory() const { return m_directory; }
    void setMaxBytes(qint64 maxBytes) { m_maxBytes = maxBytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    void setHostPolicy(const RecordingHostPolicy &policy) { m_hostPolicy = policy; }
    const RecordingHostPolicy &hostPolicy() const { return m_hostPolicy; }
    // A single file over maxBytes() is refused too, whatever limits.maxBytes says.
    void setLimits(const RecordingDownload::Limits &limits) { m_limits = limits; }
    const RecordingDownload::Limits &limits() const { return m_limits; }

    // Delivers `url` as a local file: ready() at once when cached (and marked as just
    // used), else after downloading it. A file: URL or a plain path is never copied:
    // ready() with its path when the file exists, failed() otherwise.
    void request(const QUrl &url);
    // No signal for `url` after this; a download on its way is aborted.
    void cancel(const QUrl &url);
    bool isPending(const QUrl &url) const;

    // A file: URL's or a plain path's local path; empty for anything else.
    static QString localPathOf(const QUrl &url);
    // The file `url` is (or would be) cached as, in `directory`.
    static QString cachePath(const QString &directory, const QUrl &url);
    // What the cache files in `directory` take. Reads the folder: call it off the GUI thread.
    static Usage usage(const QString &directory);
    // Removes every cache file in `directory` (partial downloads and other files stay).
    // Reads the folder: call it off the GUI thread.
    static void clear(const QString &directory);
    // Removes the least recently used cache files until they take at most `maxBytes`,
    // never `keep`.
    static void evict(const QString &directory, qint64 maxBytes, const QString &keep);

signals:
    // bytesTotal is -1 while unknown.
    void progress(const QUrl &url, qint64 bytesReceived, qint64 bytesTotal);
    void ready(const QUrl &url, const QString &localPath);
    // `reason` is a sentence for the reviewer: "The recording could not be downloaded
    // from example.com: HTTP 404 Not Found."
    void failed(const QUrl &url, const QString &reason);

private:
    struct Job
    {
        QUrl url;
        QString directory;
        QString target;
        std::unique_ptr<RecordingDownload> download;
    };

    static QString keyOf(const QUrl &url);
    void startDownload(const std::shared_ptr<Job> &job);
    void onDownloadFinished(const std::shared_ptr<Job> &job);
    // Ends the job with ready() (empty reason) or failed(), unless it was cancelled.
    void finish(const std::shared_ptr<Job> &job, const QString &localPath, const QString &reason);

    QString m_directory;
    qint64 m_maxBytes = DefaultMaxBytes;
    RecordingHostPolicy m_hostPolicy;
    RecordingDownload::Limits m_limits;
    QNetworkAccessManager *m_network;
    QHash<QString, std::shared_ptr<Job>> m_jobs;    // by keyOf(url)
};
