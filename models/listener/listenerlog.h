#pragma once

#include <QLoggingCategory>
#include <QString>

// The HTTP listener's logging category: "callscope.listener".
Q_DECLARE_LOGGING_CATEGORY(lcListener)

namespace ListenerLog {

// `text` from a client made safe for a one-line terminal log: control characters (C0,
// DEL, C1: ESC sequences, CR/LF that would forge lines) and backslash become \xNN /
// \uNNNN escapes; invalid UTF-8 has already become U+FFFD when the bytes were decoded.
QString escaped(QStringView text);

} // namespace ListenerLog
