#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>

// One request seen by the HTTP listener, as the request log keeps it. The caller masks
// secrets in `headers` before logging; the body itself stays on disk at `bodyPath` so
// it can be replayed. `id` is 0 until the store has committed the entry.
struct RequestLogEntry
{
    qint64 id = 0;
    QDateTime time;
    QString clientAddress;
    QString method;
    QString path;
    int status = 0;
    double latencyMs = 0.0;
    qint64 requestSize = 0;
    QJsonObject errors;         // FieldErrors::toJson() of a 400, else empty
    QJsonObject headers;        // masked by the caller
    QString bodyPath;
    qint64 callDbId = 0;        // the stored call this request created/updated, 0 if none
    qint64 loggedBytes = 0;     // what keeping it costs: path, headers, errors and body
};

// What CallStore::pruneRequestLog() did: how many entries it removed, and (when it
// removed any) the body segments ("<segment>" of each remaining bodyPath) still referenced.
struct RequestLogPruning
{
    bool ok = false;            // false: nothing was pruned (the store failed or closed)
    int removed = 0;
    QSet<QString> referencedSegments;
};
