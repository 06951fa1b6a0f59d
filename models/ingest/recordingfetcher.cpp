#include "recordingfetcher.h"

#include "ingest/ingestpipeline.h"
#include "redact/redactor.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"
#include "store/whenfinished.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcFetcher, "callscope.ingest.fetcher")

namespace {

struct RedactedDownload
{
    QString path;    // the recording to keep (a new name when its format changed)
    QString error;   // set: nothing is kept
};

// Where the stored call's text was redacted, its downloaded recording is silenced too
// before it is kept. Reads and decodes: for a pool thread.
RedactedDownload redactDownload(const QString &databasePath, qint64 callDbId, const QString &path)
{
    const StoreLookup<CallLog> call = ThreadReader::forDatabase(databasePath).callById(callDbId);
    if (!call)
        return {path, {}};
    QString error;
    const QString redacted = Redactor::redactRecording(call->turns, path, &error);
    if (redacted.isEmpty()) {
        QFile::remove(path);
        return {{}, QStringLiteral("Recording downloaded but not redacted: %1").arg(error)};
    }
    return {redacted, {}};
}

} // namespace

RecordingFetcher::RecordingFetcher(CallStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_network(new QNetworkAccessManager(this))
{
    RecordingDownload::prepareNetwork(m_network);
}

// The jobs' downloads abort and remove their partial files as they go.
RecordingFetcher::~RecordingFetcher() = default;

void RecordingFetcher::watch(IngestPipeline *pipeline)
{
    connect(pipeline, &IngestPipeline::remoteRecordingPending, this, &RecordingFetcher::fetch, Qt::QueuedConnection);
}

void RecordingFetcher::fetch(qint64 callDbId, const QUrl &url)
{
    if (isQueuedOrActive(callDbId, url))
        return;
    if (RecordingDownload::isFetchable(url))
        m_store->queueRecordingFetch(callDbId, url.toString(QUrl::FullyEncoded));
    enqueue(callDbId, url);
}

void RecordingFetcher::resumePending()
{
    whenFinished(m_store->pendingRecordingFetches(), this, [this](const QFuture<QList<PendingRecordingFetch>> &future) {
        if (future.resultCount() == 0)
            return;
        const QList<PendingRecordingFetch> pending = future.result();
        if (!pending.isEmpty())
            qCInfo(lcFetcher) << "resuming" << pending.size() << "recording download(s)";
        for (const PendingRecordingFetch &fetch : pending) {
            const QUrl url(fetch.url, QUrl::StrictMode);
            if (!isQueuedOrActive(fetch.callDbId, url))
                enqueue(fetch.callDbId, url);
        }
    });
}

bool RecordingFetcher::isQueuedOrActive(qint64 callDbId, const QUrl &url) const
{
    auto same = [&](const std::shared_ptr<Job> &job) { return job->callDbId == callDbId && job->url == url; };
    return std::any_of(m_queue.cbegin(), m_queue.cend(), same) || std::any_of(m_active.cbegin(), m_active.cend(), same);
}

void RecordingFetcher::enqueue(qint64 callDbId, const QUrl &url)
{
    auto job = std::make_shared<Job>();
    job->callDbId = callDbId;
    job->url = url;
    if (!RecordingDownload::isFetchable(url)) {
        m_active.insert(job.get(), job);
        complete(job.get(), {}, QStringLiteral("Recording not fetched: only http and https URLs are fetched (%1).")
                                     .arg(url.scheme().isEmpty() ? QStringLiteral("no scheme") : url.scheme()));
        return;
    }
    m_queue.enqueue(job);
    startNext();
}

void RecordingFetcher::startNext()
{
    while (!m_queue.isEmpty() && m_active.size() < m_limits.maxConcurrent) {
        std::shared_ptr<Job> job = m_queue.dequeue();
        m_active.insert(job.get(), job);
        startAttempt(job.get());
    }
}

void RecordingFetcher::startAttempt(Job *job)
{
    ++job->attempt;
    RecordingDownload::Limits limits;
    limits.maxBytes = m_limits.maxBytes;
    limits.stallTimeoutMs = m_limits.stallTimeoutMs;
    limits.attemptTimeoutMs = m_limits.attemptTimeoutMs;
    job->download = std::make_unique<RecordingDownload>(m_network, job->url, limits, m_hostPolicy);
    connect(job->download.get(), &RecordingDownload::finished, this, [this, job] { onAttemptFinished(job); });
    job->download->start(QDir(m_store->recordingsDir()).filePath(QStringLiteral(".incoming")));
}

void RecordingFetcher::onAttemptFinished(Job *job)
{
    // Deleted later: this runs in the download's own finished().
    RecordingDownload *download = job->download.release();
    download->deleteLater();
    const QString shownUrl = RecordingDownload::shownUrl(job->url);
    switch (download->outcome()) {
    case RecordingDownload::Outcome::Completed: {
        const QString name = QStringLiteral("fetched-%1.%2").arg(job->callDbId).arg(download->suffix());
        QString error;
        const QString path = QDir(m_store->recordingsDir()).filePath(name);
        if (!download->moveTo(path, &error)) {
            complete(job, {}, QStringLiteral("Recording downloaded but not stored: %1").arg(error));
            return;
        }
        whenFinished(QtConcurrent::run(redactDownload, m_store->databasePath(), job->callDbId, path), this,
                     [this, job](const QFuture<RedactedDownload> &done) {
                         const RedactedDownload kept = done.result();
                         complete(job, kept.error.isEmpty() ? QDir(m_store->recordingsDir()).relativeFilePath(kept.path) : QString(),
                                  kept.error);
                     });
        return;
    }
    case RecordingDownload::Outcome::Refused:
        complete(job, {}, QStringLiteral("Recording not fetched from %1: refused because %2.").arg(shownUrl, download->reason()));
        return;
    case RecordingDownload::Outcome::Failed:
    case RecordingDownload::Outcome::Running:
        break;
    }
    if (download->isRetryable() && job->attempt < m_limits.maxAttempts) {
        const int backoff = m_limits.initialBackoffMs * (1 << (job->attempt - 1));
        qCInfo(lcFetcher) << "recording of call" << job->callDbId << "attempt" << job->attempt << "failed:" << download->reason()
                          << "- retrying in" << backoff << "ms";
        QTimer::singleShot(backoff, this, [this, job] {
            if (m_active.contains(job))
                startAttempt(job);
        });
        return;
    }
    complete(job, {}, QStringLiteral("Recording download from %1 failed after %2 attempt(s): %3")
                          .arg(shownUrl, QString::number(job->attempt), download->reason()));
}

void RecordingFetcher::complete(Job *job, const QString &relativePath, const QString &error)
{
    const qint64 callDbId = job->callDbId;
    if (!error.isEmpty())
        qCWarning(lcFetcher) << "call" << callDbId << error;
    m_store->setRecording(callDbId, relativePath, error);
    m_active.remove(job);   // may delete the job
    emit finished(callDbId, error);
    startNext();
}
