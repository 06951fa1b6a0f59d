#pragma once

#include <QDateTime>
#include <QJsonObject>
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
};
