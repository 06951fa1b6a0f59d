#pragma once

#include <QHostAddress>
#include <QString>

// Everything the embedded HTTP listener can be told: where it listens, the API key, and
// every limit it enforces. Plain value; the defaults are the documented ones
// (docs/PERFORMANCE.md, `callscope serve --help`). Loopback by default: the listener is
// for local webhook testing and has no TLS.
struct ListenerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;                            // 0: any free port
    QString apiKey;                                 // empty: every request is refused (401)

    // --- body limits ---
    qint64 maxBodyBytes = 16 * 1024 * 1024;         // JSON / urlencoded, held in memory
    qint64 maxMultipartBytes = 512LL * 1024 * 1024; // multipart, streamed to disk
    qint64 maxMultipartFieldBytes = 16 * 1024 * 1024; // all text fields of one multipart body
    int maxMultipartParts = 64;
    // Bodies of requests that carry no valid API key but may still be authenticated by
    // a provider's webhook signature, which is checked only with the whole body.
    qint64 maxUnauthenticatedBodyBytes = 1024 * 1024;

    // --- request head limits ---
    int maxHeaderBytes = 64 * 1024;                 // request line + headers -> 431
    int maxHeaderCount = 100;

    // --- deadlines ---
    // From the first byte of a request until its head is complete: a total, so a client
    // dripping one byte a second cannot keep a connection forever.
    int headerTimeoutMs = 10'000;
    // A kept-alive connection with no request in progress is closed after this.
    int idleTimeoutMs = 30'000;
    // A body must arrive within bodyTimeoutMs plus the time it takes at minBodyBytesPerSecond:
    // a stalled or dripping upload is dropped, a large upload on a slow link is not.
    int bodyTimeoutMs = 30'000;
    qint64 minBodyBytesPerSecond = 16 * 1024;
    // A client whose unsent output makes no progress for this long (counted from the
    // oldest unsent byte, not from the last response queued) is dropped.
    int writeTimeoutMs = 30'000;
    // Pipelined requests are not read while more than this waits to be sent: a client
    // that pipelines and never reads cannot make responses pile up in memory.
    qint64 maxUnsentResponseBytes = 1024 * 1024;

    // --- connections ---
    int maxConnections = 256;                       // beyond: 503 and close
    int maxRequestsPerConnection = 0;               // 0: unlimited keep-alive

    // --- request log ---
    qint64 maxLoggedBodyBytes = 1024 * 1024;        // bodies kept for the inspector, truncated beyond
    // Requests refused before they were authenticated (401, 404, 405, the transport's
    // own refusals): anyone can send them, so only this much of their body is kept.
    qint64 maxRefusedLoggedBodyBytes = 1024;
    // The whole log (entries and bodies) is kept within this size and age; the oldest
    // entries go first.
    qint64 maxRequestLogBytes = 200LL * 1024 * 1024;
    int maxRequestLogAgeDays = 14;
    bool logRequests = true;

    // Where multipart file parts are streamed while a request is read. Empty: the
    // store's "<recordings>/.incoming" folder (same file system, so the pipeline's
    // move into the recordings folder is a rename).
    QString uploadDir;

    // "http://127.0.0.1:8787" for the configured address and `actualPort`.
    QString baseUrl(quint16 actualPort) const;
    // Parses "127.0.0.1:8787", ":8787", "8787", "[::1]:8787", "localhost:8787".
    bool setListen(const QString &spec, QString *error = nullptr);

    // A fresh random key (32 url-safe characters).
    static QString generateApiKey();
};
