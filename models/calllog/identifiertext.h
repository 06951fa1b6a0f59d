#pragma once

#include <QString>
#include <QStringView>

// The rule every identifier a sender gives (call_id, assistant_id, customer_number, ...)
// follows on every entry point: well-formed Unicode (no lone UTF-16 surrogate, which the
// store would write as UTF-8 no other reader decodes) and no NUL or other control
// character (which make two ids look alike and break terminals, CSV and logs).
class IdentifierText
{
public:
    // Why `text` is not a valid identifier ("Must not contain control characters; found
    // U+0000 at position 3."), or an empty string when it is one.
    static QString problem(QStringView text);
};
