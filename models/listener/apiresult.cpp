#include "apiresult.h"

#include "listenerlog.h"

#include "ingest/ingestpipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

ApiResult ApiResult::ok(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return okJson(document.toJson(QJsonDocument::Compact));
}

ApiResult ApiResult::okJson(const QByteArray &utf8)
{
    ApiResult result;
    result.kind = Kind::Json;
    result.json = utf8;
    return result;
}

ApiResult ApiResult::created(const QByteArray &utf8)
{
    ApiResult result = okJson(utf8);
    result.status = 201;
    return result;
}

ApiResult ApiResult::acknowledged()
{
    return ApiResult();
}

ApiResult ApiResult::noContent()
{
    ApiResult result;
    result.status = 204;
    return result;
}

ApiResult ApiResult::invalid(const FieldErrors &errors)
{
    ApiResult result;
    result.kind = Kind::Invalid;
    result.status = 400;
    result.errors = errors;
    result.note = errors.summary().left(200);
    return result;
}

ApiResult ApiResult::error(ApiError error, const QString &detail)
{
    ApiResult result;
    result.kind = Kind::Error;
    result.status = int(error);
    result.detail = detail;
    return result;
}

ApiResult ApiResult::storeReadFailed(const QString &storeError)
{
    qCWarning(lcListener).noquote() << "call store read failed:" << storeError;
    return error(ApiError::Internal, QStringLiteral("The call store could not be read."))
        .withNote(QStringLiteral("call store read failed: %1").arg(storeError));
}

ApiResult ApiResult::storeWriteFailed(const QString &storeError)
{
    qCWarning(lcListener).noquote() << "call store write failed:" << storeError;
    return error(ApiError::Internal, QStringLiteral("The call could not be stored."))
        .withNote(QStringLiteral("call store write failed: %1").arg(storeError));
}

ApiResult ApiResult::storeFailed(const IngestStoreFailure &failure)
{
    return failure.operation == IngestStoreFailure::Operation::Read ? storeReadFailed(failure.error)
                                                                     : storeWriteFailed(failure.error);
}

ApiResult &ApiResult::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

ApiResult &ApiResult::withCall(qint64 id)
{
    callDbId = id;
    return *this;
}

ApiResult &ApiResult::withLoggedRequestBody(const QByteArray &body)
{
    loggedRequestBody = body;
    return *this;
}

ApiResult &ApiResult::withNote(const QString &text)
{
    note = text;
    return *this;
}

HttpResponse ApiResult::toHttpResponse() const
{
    HttpResponse response;
    switch (kind) {
    case Kind::Json:
        response = HttpResponse::jsonText(status, json);
        break;
    case Kind::Empty:
        response = HttpResponse::empty(status);
        break;
    case Kind::Invalid:
        response = HttpResponse::json(status, errors.toJson());
        response.logErrors = errors.toJson();
        break;
    case Kind::Error:
        response = HttpResponse::detail(status, detail);
        break;
    }
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    response.callDbId = callDbId;
    response.note = note;
    response.loggedRequestBody = loggedRequestBody;
    return response;
}
