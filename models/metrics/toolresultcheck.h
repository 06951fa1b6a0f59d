#pragma once

#include "calllog/turn.h"

#include <QString>

// Whether a Function Call Result reports a failure. Its result (data.result, else the
// turn's text) is an error when it is a JSON object (or the text of one) with a non-empty
// error/errors, isError true, success or ok false, or a status/statusCode of 400 or more
// or "error"/"failed"; or when its text says so: error, exception, failed, timeout,
// unauthorized, forbidden, not found, invalid. For a JSON result the text is its string
// values, not its keys, so that {"error": null} stays a success as the field rule says.
class ToolResultCheck
{
public:
    // Why the result is an error ("status is 503", "its text says \"timed out\""), empty
    // when it is not.
    static QString errorReason(const Turn &result);
    // The result as compact text, to quote in an explanation.
    static QString resultText(const Turn &result);
};
