#include "recordingfetcher.h"

#include "ingest/ingestpipeline.h"
#include "store/callstore.h"
#include "store/whenfinished.h"

#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryFile>
#include <QTimer>

#include <algorithm>

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

bool isHttp(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

// For error messages: no credentials, no query (it may carry a signed token).
QString shownUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

bool isRedirect(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

constexpr int kMaxRedirects = 5;

} // namespace

RecordingFetcher::RecordingFetcher(CallStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_network(new QNetworkAccessManager(this))
{
    // Redirects are followed by followRedirect(), which checks each target's address;
    // a proxy would make the connection to an address nobody checked.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setProxy(QNetworkProxy::NoProxy);
}

RecordingFetcher::~RecordingFetcher()
{
    for (const auto &job : std::as_const(m_active)) {
        if (job->lookupId >= 0)
            QHostInfo::abortHostLookup(job->lookupId);
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
    if (isQueuedOrActive(callDbId, url))
        return;
    if (isHttp(url))
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
    if (!isHttp(url)) {
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

    job->currentUrl = job->url;
    job->redirects = 0;
    if (!job->deadline) {
        // One deadline for the whole attempt: lookups, redirects and addresses tried.
        job->deadline = new QTimer(this);
        job->deadline->setSingleShot(true);
        connect(job->deadline, &QTimer::timeout, this, [this, job] {
            abortAttempt(job, QStringLiteral("no complete answer within %1 s").arg(m_limits.attemptTimeoutMs / 1000), true);
        });
    }
    job->deadline->start(m_limits.attemptTimeoutMs);
    startRequest(job);
}

void RecordingFetcher::startRequest(Job *job)
{
    job->lookupId = QHostInfo::lookupHost(job->currentUrl.host(), this, [this, job](const QHostInfo &info) {
        if (m_active.contains(job)) {
            job->lookupId = -1;
            onResolved(job, info);
        }
    });
}

void RecordingFetcher::onResolved(Job *job, const QHostInfo &info)
{
    const QUrl url = job->currentUrl;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        job->failure = QStringLiteral("cannot resolve %1: %2").arg(url.host(), info.errorString());
        job->retryable = true;
        onFinished(job);
        return;
    }
    job->addresses.clear();
    QString refusal;
    for (const QHostAddress &candidate : info.addresses()) {
        const QString reason = m_hostPolicy.refusal(candidate);
        if (reason.isEmpty())
            job->addresses.append(candidate);
        else if (refusal.isEmpty())
            refusal = reason;
    }
    if (job->addresses.isEmpty()) {
        job->file->remove();
        job->file.reset();
        const QString via = job->redirects > 0 ? QStringLiteral("it redirected to %1, and ").arg(shownUrl(url)) : QString();
        complete(job, {}, QStringLiteral("Recording not fetched from %1: refused because %2%3.").arg(shownUrl(job->url), via, refusal));
        return;
    }
    requestFromNextAddress(job);
}

void RecordingFetcher::requestFromNextAddress(Job *job)
{
    // The request goes to an address just checked; the name only travels in Host (and
    // for TLS: SNI and the certificate check), so a second DNS answer changes nothing.
    const QUrl url = job->currentUrl;
    QUrl connectUrl = url;
    connectUrl.setHost(job->addresses.takeFirst().toString());
    QNetworkRequest request(connectUrl);
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() >= 0)
        host += ':' + QByteArray::number(url.port());
    request.setRawHeader("Host", host);
    request.setPeerVerifyName(url.host());
    request.setTransferTimeout(m_limits.stallTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("callscope/" CALLSCOPE_VERSION));
    job->reply = m_network->get(request);
    connect(job->reply, &QNetworkReply::readyRead, this, [this, job] { onReadyRead(job); });
    connect(job->reply, &QNetworkReply::finished, this, [this, job] { onFinished(job); });
    connect(job->reply, &QNetworkReply::metaDataChanged, this, [this, job] {
        if (isRedirect(job->reply))
            return;
        const qint64 length = job->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_limits.maxBytes)
            abortAttempt(job, QStringLiteral("the recording is %1 bytes, over the limit of %2").arg(length).arg(m_limits.maxBytes),
                         false);
    });
}

bool RecordingFetcher::followRedirect(Job *job, QNetworkReply *reply)
{
    if (!isRedirect(reply))
        return false;
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (location.isEmpty())
        return false;
    const QUrl target = job->currentUrl.resolved(location);
    job->reply = nullptr;
    reply->deleteLater();
    QString refusal;
    if (++job->redirects > kMaxRedirects)
        refusal = QStringLiteral("more than %1 redirects").arg(kMaxRedirects);
    else if (!isHttp(target))
        refusal = QStringLiteral("it redirected to %1, which is not an http or https URL").arg(shownUrl(target));
    else if (job->currentUrl.scheme().toLower() == QLatin1String("https") && target.scheme().toLower() == QLatin1String("http"))
        refusal = QStringLiteral("it redirected from https to plain http (%1)").arg(shownUrl(target));
    if (!refusal.isEmpty()) {
        job->file->remove();
        job->file.reset();
        complete(job, {}, QStringLiteral("Recording not fetched from %1: refused because %2.").arg(shownUrl(job->url), refusal));
        return true;
    }
    // What the redirect answer carried is not the recording.
    job->file->resize(0);
    job->file->seek(0);
    job->currentUrl = target;
    startRequest(job);
    return true;
}

void RecordingFetcher::abortAttempt(Job *job, const QString &reason, bool retryable)
{
    if (!job->failure.isEmpty())
        return;
    job->failure = reason;
    job->retryable = retryable;
    if (job->reply) {
        job->reply->abort();    // finished() follows
    } else if (job->lookupId >= 0) {
        QHostInfo::abortHostLookup(job->lookupId);
        job->lookupId = -1;
        onFinished(job);
    }
}

void RecordingFetcher::onReadyRead(Job *job)
{
    const QByteArray data = job->reply->readAll();
    if (!job->failure.isEmpty() || isRedirect(job->reply))
        return;
    if (job->file->size() + data.size() > m_limits.maxBytes) {
        abortAttempt(job, QStringLiteral("the recording is over the limit of %1 bytes").arg(m_limits.maxBytes), false);
        return;
    }
    if (job->file->write(data) != data.size())
        abortAttempt(job, QStringLiteral("cannot write the file: %1").arg(job->file->errorString()), false);
}

void RecordingFetcher::onFinished(Job *job)
{
    // No reply: the attempt failed before a request was made (job->failure says why).
    QNetworkReply *reply = job->reply;
    if (reply && job->failure.isEmpty()) {
        if (followRedirect(job, reply))
            return;
        onReadyRead(job);
    }
    job->reply = nullptr;
    if (reply)
        reply->deleteLater();
    // A name with several addresses (localhost: ::1 and 127.0.0.1): the next one.
    if (reply && job->failure.isEmpty() && reply->error() == QNetworkReply::ConnectionRefusedError
        && !job->addresses.isEmpty()) {
        job->file->resize(0);
        job->file->seek(0);
        requestFromNextAddress(job);
        return;
    }
    if (job->deadline)
        job->deadline->stop();
    const int status = reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
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
                              .arg(shownUrl(job->url), QString::number(job->attempt), failure));
        return;
    }
    const QString name = QStringLiteral("fetched-%1.%2")
                             .arg(job->callDbId)
                             .arg(suffixFor(job->currentUrl, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()));
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
    if (job->deadline) {
        job->deadline->deleteLater();
        job->deadline = nullptr;
    }
    if (!error.isEmpty())
        qCWarning(lcFetcher) << "call" << callDbId << error;
    m_store->setRecording(callDbId, relativePath, error);
    m_active.remove(job);   // may delete the job
    emit finished(callDbId, error);
    startNext();
}
