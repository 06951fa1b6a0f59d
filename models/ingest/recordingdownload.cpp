#include "recordingdownload.h"

#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryFile>
#include <QTimer>

namespace {

constexpr int kMaxRedirects = 5;

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool isRedirect(QNetworkReply *reply)
{
    const int status = statusOf(reply);
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// "HTTP 404 Not Found"
QString statusText(QNetworkReply *reply)
{
    const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
    const QString code = QStringLiteral("HTTP %1").arg(statusOf(reply));
    return phrase.isEmpty() ? code : code + QLatin1Char(' ') + phrase;
}

} // namespace

RecordingDownload::RecordingDownload(QNetworkAccessManager *network, const QUrl &url, const Limits &limits,
                                     const RecordingHostPolicy &policy, QObject *parent)
    : QObject(parent), m_network(network), m_url(url), m_limits(limits), m_policy(policy), m_currentUrl(url),
      m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        abortWith(QStringLiteral("no complete answer within %1 s").arg(m_limits.attemptTimeoutMs / 1000), true);
    });
}

RecordingDownload::~RecordingDownload()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_file)
        m_file->remove();
}

void RecordingDownload::prepareNetwork(QNetworkAccessManager *network)
{
    network->setProxy(QNetworkProxy::NoProxy);
    // Redirects are followed by followRedirect(), which checks each target's address.
    network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

bool RecordingDownload::isFetchable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QString RecordingDownload::shownUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

QString RecordingDownload::suffix() const
{
    const QString fromPath = QFileInfo(m_currentUrl.path()).suffix().toLower();
    static const QStringList audio{QStringLiteral("wav"), QStringLiteral("mp3"), QStringLiteral("ogg"),
                                   QStringLiteral("opus"), QStringLiteral("flac"), QStringLiteral("m4a"),
                                   QStringLiteral("webm"), QStringLiteral("aac")};
    if (audio.contains(fromPath))
        return fromPath;
    const QString type = QString::fromLatin1(m_contentType).section(QLatin1Char(';'), 0, 0).trimmed();
    const QString preferred = QMimeDatabase().mimeTypeForName(type).preferredSuffix();
    return preferred.isEmpty() || preferred.size() > 5 ? QStringLiteral("bin") : preferred;
}

void RecordingDownload::start(const QString &partialDir)
{
    Q_ASSERT(m_network->proxy().type() == QNetworkProxy::NoProxy);
    // Finished later, never inside start(): the caller may still be connecting to it.
    auto finishLater = [this](Outcome outcome, const QString &reason) {
        QMetaObject::invokeMethod(this, [this, outcome, reason] { finish(outcome, reason); }, Qt::QueuedConnection);
    };
    if (!isFetchable(m_url)) {
        finishLater(Outcome::Refused, QStringLiteral("only http and https URLs are fetched (%1)")
                                          .arg(m_url.scheme().isEmpty() ? QStringLiteral("no scheme") : m_url.scheme()));
        return;
    }
    QDir().mkpath(partialDir);
    auto file = std::make_unique<QTemporaryFile>(QDir(partialDir).filePath(QStringLiteral("fetch-XXXXXX.part")));
    file->setAutoRemove(false);
    if (!file->open()) {
        finishLater(Outcome::Failed, QStringLiteral("cannot create a file (%1)").arg(file->errorString()));
        return;
    }
    m_file = std::move(file);
    m_deadline->start(m_limits.attemptTimeoutMs);
    lookUp();
}

void RecordingDownload::lookUp()
{
    m_lookupId = QHostInfo::lookupHost(m_currentUrl.host(), this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        onResolved(info);
    });
}

void RecordingDownload::onResolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        finish(Outcome::Failed, QStringLiteral("cannot resolve %1: %2").arg(m_currentUrl.host(), info.errorString()), true);
        return;
    }
    m_addresses.clear();
    QString refusal;
    for (const QHostAddress &candidate : info.addresses()) {
        const QString reason = m_policy.refusal(candidate);
        if (reason.isEmpty())
            m_addresses.append(candidate);
        else if (refusal.isEmpty())
            refusal = reason;
    }
    if (m_addresses.isEmpty()) {
        const QString via = m_redirects > 0 ? QStringLiteral("it redirected to %1, and ").arg(shownUrl(m_currentUrl)) : QString();
        finish(Outcome::Refused, via + refusal);
        return;
    }
    requestFromNextAddress();
}

void RecordingDownload::requestFromNextAddress()
{
    // The request goes to an address just checked; the name only travels in Host (and
    // for TLS: SNI and the certificate check), so a second DNS answer changes nothing.
    QUrl connectUrl = m_currentUrl;
    connectUrl.setHost(m_addresses.takeFirst().toString());
    QNetworkRequest request(connectUrl);
    QByteArray host = m_currentUrl.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (m_currentUrl.port() >= 0)
        host += ':' + QByteArray::number(m_currentUrl.port());
    request.setRawHeader("Host", host);
    request.setPeerVerifyName(m_currentUrl.host());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_limits.stallTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("callscope/" CALLSCOPE_VERSION));
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &RecordingDownload::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &RecordingDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &RecordingDownload::onReplyFinished);
}

void RecordingDownload::onMetaData()
{
    if (isRedirect(m_reply))
        return;
    m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    bool known = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    m_bytesTotal = known ? length : -1;
    if (m_bytesTotal > m_limits.maxBytes)
        abortWith(QStringLiteral("the recording is %1 bytes, over the limit of %2").arg(m_bytesTotal).arg(m_limits.maxBytes), false);
}

void RecordingDownload::onReadyRead()
{
    const QByteArray data = m_reply->readAll();
    // Only a 200's body is the recording (a redirect's or an error page is not).
    if (!m_abortReason.isEmpty() || statusOf(m_reply) != 200 || data.isEmpty())
        return;
    if (m_file->size() + data.size() > m_limits.maxBytes) {
        abortWith(QStringLiteral("the recording is over the limit of %1 bytes").arg(m_limits.maxBytes), false);
        return;
    }
    if (m_file->write(data) != data.size()) {
        abortWith(QStringLiteral("cannot write the file: %1").arg(m_file->errorString()), false);
        return;
    }
    emit progress(m_file->size(), m_bytesTotal);
}

void RecordingDownload::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (m_abortReason.isEmpty()) {
        if (followRedirect(reply))
            return;
        onReadyRead();
    }
    m_reply = nullptr;
    reply->deleteLater();
    // A name with several addresses (localhost: ::1 and 127.0.0.1): the next one.
    if (m_abortReason.isEmpty() && reply->error() == QNetworkReply::ConnectionRefusedError && !m_addresses.isEmpty()) {
        requestFromNextAddress();
        return;
    }
    const int status = statusOf(reply);
    if (!m_abortReason.isEmpty())
        finish(Outcome::Failed, m_abortReason, m_abortRetryable);
    else if (status == 200 && reply->error() != QNetworkReply::NoError)   // cut short
        finish(Outcome::Failed, m_bytesTotal >= 0 ? QStringLiteral("the answer ended after %1 of %2 bytes (%3)")
                                                        .arg(m_file->size()).arg(m_bytesTotal).arg(reply->errorString())
                                                  : reply->errorString(),
               true);
    else if (reply->error() != QNetworkReply::NoError)
        finish(Outcome::Failed, status > 0 ? statusText(reply) : reply->errorString(),
               status == 0 || status == 408 || status == 429 || status >= 500);
    else if (status != 200)
        finish(Outcome::Failed, statusText(reply));
    else if (m_file->size() == 0)
        finish(Outcome::Failed, QStringLiteral("the answer was empty"));
    else
        finish(Outcome::Completed);
}

bool RecordingDownload::followRedirect(QNetworkReply *reply)
{
    if (!isRedirect(reply))
        return false;
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (location.isEmpty())
        return false;
    const QUrl target = m_currentUrl.resolved(location);
    m_reply = nullptr;
    reply->deleteLater();
    if (++m_redirects > kMaxRedirects)
        finish(Outcome::Refused, QStringLiteral("more than %1 redirects").arg(kMaxRedirects));
    else if (!isFetchable(target))
        finish(Outcome::Refused, QStringLiteral("it redirected to %1, which is not an http or https URL").arg(shownUrl(target)));
    else if (m_currentUrl.scheme().toLower() == QLatin1String("https") && target.scheme().toLower() == QLatin1String("http"))
        finish(Outcome::Refused, QStringLiteral("it redirected from https to plain http (%1)").arg(shownUrl(target)));
    else {
        m_currentUrl = target;
        m_bytesTotal = -1;
        lookUp();
    }
    return true;
}

void RecordingDownload::abortWith(const QString &reason, bool retryable)
{
    if (m_outcome != Outcome::Running || !m_abortReason.isEmpty())
        return;
    if (m_reply) {
        m_abortReason = reason;
        m_abortRetryable = retryable;
        // Later: aborting inside one of the reply's own signals makes Qt report an error
        // twice. Its finished() ends the attempt.
        QMetaObject::invokeMethod(m_reply, &QNetworkReply::abort, Qt::QueuedConnection);
        return;
    }
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    finish(Outcome::Failed, reason, retryable);
}

void RecordingDownload::finish(Outcome outcome, const QString &reason, bool retryable)
{
    if (m_outcome != Outcome::Running)
        return;
    m_deadline->stop();
    m_outcome = outcome;
    m_reason = reason;
    m_retryable = retryable;
    if (m_file) {
        m_file->close();
        if (outcome != Outcome::Completed) {
            m_file->remove();
            m_file.reset();
        }
    }
    emit finished();
}

bool RecordingDownload::moveTo(const QString &target, QString *error)
{
    Q_ASSERT(m_outcome == Outcome::Completed && m_file);
    QFile::remove(target);
    const bool moved = m_file->rename(target);
    if (!moved) {
        *error = m_file->errorString();
        m_file->remove();
    }
    m_file.reset();
    return moved;
}
