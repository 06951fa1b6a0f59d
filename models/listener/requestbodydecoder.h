#pragma once

#include "calllog/fielderrors.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

struct HttpRequest;

// A request body as the API's handlers read it: one JSON object, whatever the body's
// encoding (JSON, application/x-www-form-urlencoded, or the text fields of a multipart
// form). Form values stay strings; boolean() and idList() read the typed values a form
// carries as text. Stateless and free of I/O (multipart files are already on disk).
class RequestBodyDecoder
{
public:
    struct Body
    {
        QJsonObject object;
        bool form = false;          // urlencoded or multipart: every value is text
        FieldErrors errors;         // set when the body is not usable; `object` is then empty

        bool ok() const { return errors.isEmpty(); }
    };

    // An empty body without a Content-Type reads as an empty JSON object.
    static Body decode(const HttpRequest &request);

    // true/false, or their text forms "true"/"1"/"false"/"0".
    static std::optional<bool> boolean(const QJsonValue &value);
    // A list of positive integers: a JSON array, or text "1,2,3" / "[1,2,3]".
    static std::optional<QList<qint64>> idList(const QJsonValue &value);
    // Id lists (call_ids, call_logs) past this are refused: each id costs a lookup.
    static constexpr int kMaxIds = 1000;
    // The error for a list past kMaxIds, or empty when the list is within it.
    static QString tooManyIds(const QList<qint64> &ids);
};
