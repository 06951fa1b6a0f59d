#pragma once

#include "httpresponse.h"

#include "calllog/fielderrors.h"

#include <optional>
#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

struct IngestStoreFailure;

// The errors an API handler answers with; the value is the HTTP status.
enum class ApiError {
    Unauthorized = 401,
    NotFound = 404,
    MethodNotAllowed = 405,
    PayloadTooLarge = 413,
    UnsupportedMediaType = 415,
    Internal = 500,
};

// What an API handler answers, before it is HTTP: a JSON document, an empty success,
// field errors (400) or an error with a short detail. toHttpResponse() is the one place
// that turns a result into status, headers and body, so every route answers errors in
// the same shapes ({"field": ["..."]} and {"detail": "..."}).
struct ApiResult
{
    enum class Kind { Json, Empty, Invalid, Error };

    Kind kind = Kind::Empty;
    int status = 200;
    QByteArray json;                // Kind::Json: UTF-8 JSON text
    FieldErrors errors;             // Kind::Invalid
    QString detail;                 // Kind::Error
    QList<QPair<QByteArray, QByteArray>> headers;

    // --- for the request log only ---
    qint64 callDbId = 0;            // the call stored or updated
    QString note;                   // a short line about what happened
    // What the log keeps of the request's body instead of its bytes: a body with personal
    // data the sender asked to redact is logged redacted.
    std::optional<QByteArray> loggedRequestBody;

    static ApiResult ok(const QJsonValue &value);
    static ApiResult okJson(const QByteArray &utf8);
    static ApiResult created(const QByteArray &utf8);
    // 200 without a body (a provider's webhook acknowledged).
    static ApiResult acknowledged();
    static ApiResult noContent();
    static ApiResult invalid(const FieldErrors &errors);
    static ApiResult error(ApiError error, const QString &detail);
    // 500 "The call store could not be read.": a read failed, so whether the thing asked
    // for exists is unknown (never a 404). `storeError` (the store's message, which holds
    // no request data) is logged and noted, not sent.
    static ApiResult storeReadFailed(const QString &storeError);
    // 500 "The call could not be stored.", `storeError` logged alike.
    static ApiResult storeWriteFailed(const QString &storeError);
    // One of the two, for the pipeline's failure.
    static ApiResult storeFailed(const IngestStoreFailure &failure);

    ApiResult &withHeader(const QByteArray &name, const QByteArray &value);
    ApiResult &withCall(qint64 callDbId);
    ApiResult &withNote(const QString &note);
    ApiResult &withLoggedRequestBody(const QByteArray &body);

    HttpResponse toHttpResponse() const;
};

// Hands a handler's answer over from whichever thread has it (pool, store writer).
using ApiReply = std::function<void(const ApiResult &)>;
