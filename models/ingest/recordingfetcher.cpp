#include "recordingfetcher.h"

#include "ingest/ingestpipeline.h"
#include "store/callstore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryFile>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFetcher, "callscope.ingest.fetcher")

namespace {

QString suffixFor(const QUrl &url, const QByteArray &contentType)
{
    const QString fromPath = QFileInfo(url.path()).suffix().toLower();
    static const QStringList audio{QStringLiteral("wav"), QStringLiteral("mp3"), QStringLiteral("ogg"),
                                   QStringLiteral("opus"), QStringLiteral("flac"), QStringLiteral("m4a"),
                                   QStringLiteral("webm"), QStringLiteral("aac")};
    if (audio.contains(fromPath))
        return fromPath;
    const QString type = QString::fromLatin1(contentType).section(QLatin1Char(';'), 0, 0).trimmed();
    const QString preferred = QMimeDatabase().mimeTypeForName(type).preferredSuffix();
    return preferred.isEmpty() || preferred.size() > 5 ? QStringLiteral("bin") : preferred;
}

} // namespace

RecordingFetcher::RecordingFetcher(CallStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

RecordingFetcher::~RecordingFetcher()
{
    for (const auto &job : std::as_const(m_active)) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
        }
        if (job->file)
            job->file->remove();
    }
}

void RecordingFetcher::watch(IngestPipeline *pipeline)
{
    connect(pipeline, &IngestPipeline::remoteRecordingPending, this, &RecordingFetcher::fetch, Qt::QueuedConnection);
}

void RecordingFetcher::fetch(qint64 callDbId, const QUrl &url)
{
    auto job = std::make_shared<Job>();
    job->callDbId = callDbId;
    job->url = url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
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
    job->failure.clear();
    job->retryable = false;
    const QString dir = QDir(m_store->recordingsDir()).filePath(QStringLiteral(".incoming"));
    QDir().mkpath(dir);
    auto file = std::make_unique<QTemporaryFile>(QDir(dir).filePath(QStringLiteral("fetch-XXXXXX.part")));
    file->setAutoRemove(false);
    if (!file->open()) {
        complete(job, {}, QStringLiteral("Recording not fetched: cannot create a file (%1).").arg(file->errorString()));
        return;
    }
    job->file = std::move(file);

    QNetworkRequest request(job->url);
    request.setTransferTimeout(m_limits.stallTimeoutMs);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("callscope/" CALLSCOPE_VERSION));
    job->reply = m_network->get(request);
    connect(job->reply, &QNetworkReply::readyRead, this, [this, job] { onReadyRead(job); });
    connect(job->reply, &QNetworkReply::finished, this, [this, job] { onFinished(job); });
    connect(job->reply, &QNetworkReply::metaDataChanged, this, [this, job] {
        const qint64 length = job->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_limits.maxBytes)
            abortAttempt(job, QStringLiteral("the recording is %1 bytes, over the limit of %2").arg(length).arg(m_limits.maxBytes),
                         false);
    });
    job->deadline = new QTimer(job->reply);
    job->deadline->setSingleShot(true);
    connect(job->deadline, &QTimer::timeout, this, [this, job] {
        abortAttempt(job, QStringLiteral("no complete answer within %1 s").arg(m_limits.attemptTimeoutMs / 1000), true);
    });
    job->deadline->start(m_limits.attemptTimeoutMs);
}

void RecordingFetcher::abortAttempt(Job *job, const QString &reason, bool retryable)
{
    if (!job->failure.isEmpty() || !job->reply)
        return;
    job->failure = reason;
    job->retryable = retryable;
    job->reply->abort();    // finished() follows
}

void RecordingFetcher::onReadyRead(Job *job)
{
    if (!job->failure.isEmpty())
        return;
    const QByteArray data = job->reply->readAll();
    if (job->file->size() + data.size() > m_limits.maxBytes) {
        abortAttempt(job, QStringLiteral("the recording is over the limit of %1 bytes").arg(m_limits.maxBytes), false);
        return;
    }
    if (job->file->write(data) != data.size())
        abortAttempt(job, QStringLiteral("cannot write the file: %1").arg(job->file->errorString()), false);
}

void RecordingFetcher::onFinished(Job *job)
{
    QNetworkReply *reply = job->reply;
    if (job->failure.isEmpty())
        onReadyRead(job);
    job->reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString failure = job->failure;
    bool retryable = job->retryable;
    if (failure.isEmpty() && reply->error() != QNetworkReply::NoError) {
        failure = status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        retryable = status == 0 || status == 408 || status == 429 || status >= 500;
    }
    if (failure.isEmpty() && status != 200)
        failure = QStringLiteral("HTTP %1").arg(status);
    if (failure.isEmpty() && job->file->size() == 0)
        failure = QStringLiteral("the answer was empty");
    job->file->close();
    if (!failure.isEmpty()) {
        job->file->remove();
        job->file.reset();
        if (retryable && job->attempt < m_limits.maxAttempts) {
            const int backoff = m_limits.initialBackoffMs * (1 << (job->attempt - 1));
            qCInfo(lcFetcher) << "recording of call" << job->callDbId << "attempt" << job->attempt << "failed:" << failure
                              << "- retrying in" << backoff << "ms";
            QTimer::singleShot(backoff, this, [this, job] {
                if (m_active.contains(job))
                    startAttempt(job);
            });
            return;
        }
        complete(job, {}, QStringLiteral("Recording download from %1 failed after %2 attempt(s): %3")
                              .arg(job->url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), QString::number(job->attempt), failure));
        return;
    }
    const QString name = QStringLiteral("fetched-%1.%2")
                             .arg(job->callDbId)
                             .arg(suffixFor(job->url, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()));
    const QString target = QDir(m_store->recordingsDir()).filePath(name);
    QFile::remove(target);
    if (!job->file->rename(target)) {
        job->file->remove();
        complete(job, {}, QStringLiteral("Recording downloaded but not stored: %1").arg(job->file->errorString()));
        return;
    }
    job->file.reset();
    complete(job, name, {});
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
