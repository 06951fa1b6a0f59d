#include "listenerlog.h"

Q_LOGGING_CATEGORY(lcListener, "callscope.listener")

QString ListenerLog::escaped(QStringView text)
{
    auto needsEscape = [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == u'\\' || c.category() == QChar::Other_Format;
    };
    qsizetype first = 0;
    while (first < text.size() && !needsEscape(text[first]))
        ++first;
    if (first == text.size())
        return text.toString();     // the usual case: nothing to copy twice
    QString result = text.first(first).toString();
    for (qsizetype i = first; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!needsEscape(c))
            result += c;
        else if (c == QLatin1Char('\\'))
            result += QLatin1String("\\\\");
        else if (c.unicode() <= 0xff)
            result += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            result += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return result;
}
