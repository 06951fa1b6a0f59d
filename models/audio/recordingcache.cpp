#include "recordingcache.h"

#include "store/whenfinished.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRecordingCache, "callscope.audio.recordingcache")

namespace {

// SHA-1 hex, then the URL path's extension when it looks like one.
bool isCacheName(const QString &fileName)
{
    static const QRegularExpression name(QStringLiteral("^[0-9a-f]{40}(\\.[a-z0-9]{1,5})?$"));
    return name.match(fileName).hasMatch();
}

// The cache files of `directory`, least recently used first.
QFileInfoList cacheFiles(const QString &directory)
{
    QFileInfoList files = QDir(directory).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Time | QDir::Reversed);
    files.erase(std::remove_if(files.begin(), files.end(), [](const QFileInfo &file) { return !isCacheName(file.fileName()); }),
                files.end());
    return files;
}

// Marks a cached file as just used; false when it is not cached.
bool touch(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (!file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime))
        qCWarning(lcRecordingCache) << "cannot mark" << path << "as used:" << file.errorString();
    return true;
}

} // namespace

RecordingCache::RecordingCache(QObject *parent)
    : QObject(parent), m_directory(defaultDirectory()), m_network(new QNetworkAccessManager(this))
{
    RecordingDownload::prepareNetwork(m_network);
}

// The jobs' downloads abort and remove their partial files as they go.
RecordingCache::~RecordingCache() = default;

QString RecordingCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/recordings");
}

void RecordingCache::setDirectory(const QString &directory)
{
    m_directory = directory.isEmpty() ? defaultDirectory() : directory;
}

QString RecordingCache::localPathOf(const QUrl &url)
{
    if (url.isLocalFile())
        return url.toLocalFile();
    return url.scheme().isEmpty() && !url.path().isEmpty() ? url.path() : QString();
}

QString RecordingCache::keyOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
}

QString RecordingCache::cachePath(const QString &directory, const QUrl &url)
{
    // The extension only helps whoever looks at the folder: GStreamer sniffs the content.
    static const QRegularExpression extension(QStringLiteral("^[a-z0-9]{1,5}$"));
    const QString suffix = QFileInfo(url.path()).suffix().toLower();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(keyOf(url).toUtf8(), QCryptographicHash::Sha1).toHex());
    return QDir(directory).filePath(extension.match(suffix).hasMatch() ? hash + QLatin1Char('.') + suffix : hash);
}

RecordingCache::Usage RecordingCache::usage(const QString &directory)
{
    Usage usage;
    for (const QFileInfo &file : cacheFiles(directory)) {
        usage.bytes += file.size();
        ++usage.files;
    }
    return usage;
}

void RecordingCache::clear(const QString &directory)
{
    for (const QFileInfo &file : cacheFiles(directory)) {
        if (!QFile::remove(file.filePath()))
            qCWarning(lcRecordingCache) << "cannot remove" << file.filePath();
    }
}

void RecordingCache::evict(const QString &directory, qint64 maxBytes, const QString &keep)
{
    const QFileInfoList files = cacheFiles(directory);
    qint64 total = 0;
    for (const QFileInfo &file : files)
        total += file.size();
    const QString kept = QFileInfo(keep).absoluteFilePath();
    for (const QFileInfo &file : files) {
        if (total <= maxBytes)
            break;
        if (file.absoluteFilePath() == kept)
            continue;
        if (QFile::remove(file.filePath())) {
            qCDebug(lcRecordingCache) << "evicted" << file.filePath();
            total -= file.size();
        }
    }
}

bool RecordingCache::isPending(const QUrl &url) const
{
    return m_jobs.contains(keyOf(url));
}

void RecordingCache::request(const QUrl &url)
{
    const QString key = keyOf(url);
    if (m_jobs.contains(key))
        return;
    auto job = std::make_shared<Job>();
    job->url = url;
    m_jobs.insert(key, job);

    const QString local = localPathOf(url);
    if (!local.isEmpty()) {
        whenFinished(QtConcurrent::run([local] { return QFileInfo(local).isFile(); }), this,
                     [this, job, local](const QFuture<bool> &exists) {
                         if (exists.result())
                             finish(job, QFileInfo(local).absoluteFilePath(), {});
                         else
                             finish(job, {}, tr("The recording file %1 does not exist.").arg(QDir::toNativeSeparators(local)));
                     });
        return;
    }
    if (!RecordingDownload::isFetchable(url)) {
        const QString reason = tr("The recording at %1 cannot be downloaded: only http and https addresses can.")
                                   .arg(RecordingDownload::shownUrl(url));
        QMetaObject::invokeMethod(this, [this, job, reason] { finish(job, {}, reason); }, Qt::QueuedConnection);
        return;
    }
    job->directory = m_directory;
    job->target = cachePath(m_directory, url);
    whenFinished(QtConcurrent::run(touch, job->target), this, [this, job](const QFuture<bool> &cached) {
        if (m_jobs.value(keyOf(job->url)) != job)
            return;     // cancelled meanwhile
        if (cached.result())
            finish(job, job->target, {});
        else
            startDownload(job);
    });
}

void RecordingCache::cancel(const QUrl &url)
{
    const std::shared_ptr<Job> job = m_jobs.take(keyOf(url));
    if (job && job->download) {
        // Destroying the download aborts it and removes its partial file; later, as this
        // may run inside one of its signals.
        job->download->disconnect(this);
        job->download.release()->deleteLater();
    }
}

void RecordingCache::startDownload(const std::shared_ptr<Job> &job)
{
    RecordingDownload::Limits limits = m_limits;
    limits.maxBytes = std::min(limits.maxBytes, m_maxBytes);
    job->download = std::make_unique<RecordingDownload>(m_network, job->url, limits, m_hostPolicy);
    // Weak: the job owns the download, whose connections must not keep the job alive.
    const std::weak_ptr<Job> weakJob = job;
    connect(job->download.get(), &RecordingDownload::progress, this, [this, weakJob](qint64 received, qint64 total) {
        if (const std::shared_ptr<Job> job = weakJob.lock())
            emit progress(job->url, received, total);
    });
    connect(job->download.get(), &RecordingDownload::finished, this, [this, weakJob] {
        if (const std::shared_ptr<Job> job = weakJob.lock())
            onDownloadFinished(job);
    });
    job->download->start(QDir(job->directory).filePath(QStringLiteral(".incoming")));
}

void RecordingCache::onDownloadFinished(const std::shared_ptr<Job> &job)
{
    // Deleted later: this runs in the download's own finished().
    RecordingDownload *download = job->download.release();
    download->deleteLater();
    const QString host = job->url.host();
    switch (download->outcome()) {
    case RecordingDownload::Outcome::Completed:
        break;
    case RecordingDownload::Outcome::Refused:
        finish(job, {}, tr("The recording was not downloaded from %1: %2.").arg(host, download->reason()));
        return;
    case RecordingDownload::Outcome::Failed:
    case RecordingDownload::Outcome::Running:
        finish(job, {}, tr("The recording could not be downloaded from %1: %2.").arg(host, download->reason()));
        return;
    }
    QString error;
    if (!download->moveTo(job->target, &error)) {
        finish(job, {}, tr("The recording was downloaded but could not be kept in %1: %2.")
                            .arg(QDir::toNativeSeparators(job->directory), error));
        return;
    }
    // Delivered once the folder fits again, so whoever plays it finds the cache settled.
    whenFinished(QtConcurrent::run(evict, job->directory, m_maxBytes, job->target), this,
                 [this, job](const QFuture<void> &) { finish(job, job->target, {}); });
}

void RecordingCache::finish(const std::shared_ptr<Job> &job, const QString &localPath, const QString &reason)
{
    const QString key = keyOf(job->url);
    if (m_jobs.value(key) != job)
        return;     // cancelled
    m_jobs.remove(key);
    if (reason.isEmpty()) {
        emit ready(job->url, localPath);
    } else {
        qCInfo(lcRecordingCache) << reason;
        emit failed(job->url, reason);
    }
}
