#pragma once

#include "httphandler.h"

#include "store/requestlogentry.h"

#include <QAtomicInteger>
#include <QFile>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>

class CallStore;

// Keeps the listener's request log: for each exchange it masks secret headers, appends
// the (size-capped) body to a segment file in "<database>.requests/" (one file per
// listener run, not one per request: creating a file per request cost more CPU than
// everything else the listener does), and adds an entry to the store's request log; then
// emits requestLogged() (from the store's writer thread) for the terminal line and the UI.
// Exchanges are queued and written in batches: one store job takes every entry queued
// when it runs, writes their bodies with one write() and their rows in the writer's
// current transaction (a job and a write per request had cost a sixth of the listener's
// throughput). Secrets never reach the log: every secret-bearing header (isSecretHeader)
// and secret query value is replaced before anything is written or printed, whatever
// the request's outcome.
// The log is bounded: bodies of requests refused before authentication keep only a short
// prefix, and the store prunes the oldest entries (and removes body segments nobody
// references) once the log outgrows Limits::maxTotalBytes or entries pass maxAge; the
// pruning runs on the store's writer thread, at start and after every 1/32 of the budget
// logged, so neither the transport nor the GUI waits for it.
// Thread-safe: log() may be called from any thread.
class RequestLogger : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogger)

public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        qint64 maxRefusedBodyBytes = 1024;          // refused before authentication
        qint64 maxTotalBytes = 200LL * 1024 * 1024;
        int maxAgeDays = 14;
    };

    RequestLogger(CallStore *store, const Limits &limits, QObject *parent = nullptr);
    ~RequestLogger() override;

    void log(const HttpExchange &exchange);
    // Blocks until every entry handed to log() so far was committed.
    void flush();

    // "<database>.requests".
    QString bodiesDir() const { return m_bodiesDir; }

    // A logged body by its RequestLogEntry::bodyPath ("<segment>#<offset>:<length>", or a
    // plain file path); at most `maxBytes` (negative: all). Empty when it is gone.
    static QByteArray readBody(const QString &bodyPath, qint64 maxBytes = -1);
    // After the request log was cleared: removes the body segments of `databasePath`
    // that no logger of this process is writing to.
    static void removeBodySegments(const QString &databasePath);

    // Whether the request was refused before it was authenticated (401, 403, 404, 405,
    // or answered by the transport itself): a stranger's, kept short.
    static bool refusedBeforeAuthentication(const HttpExchange &exchange);

    // Header names whose values are (or may be) secrets: API keys, Authorization, shared
    // webhook secrets (x-callscope-secret, x-vapi-secret), signatures, cookies.
    static bool isSecretHeader(QByteArrayView name);
    // Query parameter names whose values are masked in the logged path (token=, key=, ...).
    static bool isSecretQueryItem(QStringView name);
    // The request target as logged: secret query values replaced by "***".
    static QString maskedTarget(const QByteArray &target);
    // The headers as a JSON object (names as sent), secrets masked.
    static QJsonObject maskedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    // One line for a terminal: time, client, method, path, status, latency, size, note.
    static QString formatLine(const RequestLogEntry &entry, const QString &note);

signals:
    // `note` says what happened ("created call 12", the first validation error, ...).
    void requestLogged(const RequestLogEntry &entry, const QString &note);

private:
    struct Pending
    {
        RequestLogEntry entry;
        QString note;
        QByteArray body;   // goes to a segment, then entry.bodyPath names it
    };

    void scheduleBatch();
    // Asks the store to prune (unless a pruning is already queued).
    void schedulePrune();
    // On the writer thread, after a pruning: removes segments no entry references.
    void removeUnreferencedSegments(const QSet<QString> &referenced);
    // On the writer thread: takes the queue and stores its bodies.
    QList<RequestLogEntry> takeQueue(QList<Pending> &batch);
    void appendBodies(QList<Pending> &batch);
    // Stops writing to m_segment and forgets it (m_segmentMutex held); returns its path.
    QString closeSegment();

    CallStore *m_store;
    Limits m_limits;
    qint64 m_maxSegmentBytes;
    QAtomicInteger<qint64> m_bytesSincePrune = 0;
    QAtomicInteger<int> m_pruneScheduled = 0;
    QString m_bodiesDir;
    QAtomicInteger<quint64> m_sequence = 0;
    QAtomicInteger<int> m_pending = 0;   // logged, not yet committed (or dropped)
    QMutex m_queueMutex;
    QList<Pending> m_queue;
    bool m_batchScheduled = false;   // a store job will take m_queue
    QMutex m_segmentMutex;
    std::unique_ptr<QFile> m_segment;
    quint64 m_segmentClears = 0;   // CallStore::requestLogClears() when m_segment was opened
    int m_writesSinceCheck = 0;
};
