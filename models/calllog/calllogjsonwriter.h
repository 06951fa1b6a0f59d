#pragma once

#include <QByteArray>

struct CallLog;

// Writes a call as the API's JSON object straight to UTF-8 bytes (RapidJSON's Writer).
// The one place that knows the response shape: CallLog::toResponseJson() and
// toDetailJson() parse what it writes. The listener answers with the bytes directly:
// building a QJsonObject and serializing it had cost more CPU than parsing and
// validating the request being answered.
class CallLogJsonWriter
{
public:
    enum class Shape {
        Response,   // CallLogList: the 201 body and the items of list pages
        Detail,     // CallLogDetail: Response plus the stored request fields
    };

    static QByteArray write(const CallLog &call, Shape shape);
};
