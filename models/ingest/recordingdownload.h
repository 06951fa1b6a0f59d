#pragma once

#include "recordinghostpolicy.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QHostInfo;
class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryFile;
class QTimer;

// One attempt at downloading a recording over http or https into a temporary file, for
// the ingest fetcher and the playback cache alike. Every host, the first and each
// redirect target (at most 5, never https to http), is resolved once and its addresses
// checked against the RecordingHostPolicy; the request then goes to a checked address
// with the name only in Host and for TLS, so a second DNS answer cannot point it
// elsewhere (DNS rebinding). A size limit (Content-Length and while receiving), a
// no-progress timeout and one deadline for the whole attempt.
//
// Invariants: after start() exactly one finished() follows, unless the object is
// destroyed first; the downloaded bytes are in a temporary file until moveTo() renames
// the complete file to its place, and a failed, aborted or destroyed download leaves no
// file behind.
class RecordingDownload : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingDownload)

public:
    struct Limits
    {
        qint64 maxBytes = 512LL * 1024 * 1024;
        int stallTimeoutMs = 30'000;        // no byte for this long: the attempt fails
        int attemptTimeoutMs = 300'000;     // the whole attempt, lookups and redirects included
    };

    enum class Outcome {
        Running,
        Completed,
        Refused,    // the policy or a redirect forbade it; trying again changes nothing
        Failed,     // see isRetryable()
    };

    // `network` must have no proxy (prepareNetwork()): a proxy would connect to an
    // address nobody checked.
    RecordingDownload(QNetworkAccessManager *network, const QUrl &url, const Limits &limits,
                      const RecordingHostPolicy &policy, QObject *parent = nullptr);
    ~RecordingDownload() override;

    static void prepareNetwork(QNetworkAccessManager *network);
    // http or https with a host: the only URLs a download fetches.
    static bool isFetchable(const QUrl &url);
    // For messages: no credentials, no query (it may carry a signed token).
    static QString shownUrl(const QUrl &url);

    // Downloads into a new temporary file in `partialDir` (created when missing). Delete
    // the object from a finished() handler with deleteLater(); deleting it at any other
    // time aborts the download.
    void start(const QString &partialDir);

    Outcome outcome() const { return m_outcome; }
    // Why it was refused or failed, as a phrase for a message: "HTTP 404 Not Found",
    // "127.0.0.1 is a loopback address", "it redirected from https to plain http (...)".
    const QString &reason() const { return m_reason; }
    // A network error, a timeout, 408, 429 or 5xx: another attempt may succeed.
    bool isRetryable() const { return m_retryable; }
    const QUrl &url() const { return m_url; }
    // Where the recording finally came from (after redirects).
    const QUrl &finalUrl() const { return m_currentUrl; }
    // A file suffix for the recording: the URL's audio extension, else one for its
    // Content-Type, else "bin".
    QString suffix() const;

    // Renames the complete download to `target` (replacing it). False with `error` set
    // when the rename failed; the temporary file is gone either way.
    bool moveTo(const QString &target, QString *error);

signals:
    // bytesTotal is -1 while unknown.
    void progress(qint64 bytesReceived, qint64 bytesTotal);
    void finished();

private:
    void lookUp();
    void onResolved(const QHostInfo &info);
    void requestFromNextAddress();
    // A 3xx with a Location: true when it was followed (or refused).
    bool followRedirect(QNetworkReply *reply);
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    // Ends the attempt as Failed, now or (while a reply runs) when its finished() comes.
    void abortWith(const QString &reason, bool retryable);
    void finish(Outcome outcome, const QString &reason = {}, bool retryable = false);

    QNetworkAccessManager *m_network;
    const QUrl m_url;
    const Limits m_limits;
    const RecordingHostPolicy m_policy;
    QUrl m_currentUrl;
    int m_redirects = 0;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;    // allowed addresses of m_currentUrl not tried yet
    QNetworkReply *m_reply = nullptr;
    std::unique_ptr<QTemporaryFile> m_file;
    QTimer *m_deadline;
    qint64 m_bytesTotal = -1;
    QByteArray m_contentType;
    Outcome m_outcome = Outcome::Running;
    QString m_reason;
    bool m_retryable = false;
    QString m_abortReason;      // abortWith() while a reply ran: its finished() ends the attempt
    bool m_abortRetryable = false;
};
