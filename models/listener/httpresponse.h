#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// One HTTP response as a handler returns it, plus what the request log wants to know
// about it (validation errors, the call it stored) that is never sent. serialize()
// writes the status line, the headers (Content-Length always, Connection as decided by
// the transport) and the body.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;         // empty with an empty body: no Content-Type header
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // The transport closes the connection after sending this response.
    bool closeConnection = false;

    // --- for the request log only ---
    QJsonObject logErrors;          // FieldErrors::toJson() of a 400
    qint64 callDbId = 0;            // the call stored or updated by this request
    QString note;                   // a short line about what happened ("created", "updated", ...)
    std::optional<QByteArray> loggedRequestBody;   // kept instead of the request's body (redacted)

    static HttpResponse json(int status, const QJsonValue &value);
    // A body that is already JSON text (UTF-8).
    static HttpResponse jsonText(int status, const QByteArray &utf8);
    // {"detail": message}: 401, 404, 405, 413, 415 and friends.
    static HttpResponse detail(int status, const QString &message);
    static HttpResponse empty(int status);

    void setHeader(const QByteArray &name, const QByteArray &value);

    // The bytes on the wire. `keepAlive` chooses the Connection header.
    QByteArray serialize(bool keepAlive, bool headRequest = false) const;

    static QByteArray reasonPhrase(int status);
};
