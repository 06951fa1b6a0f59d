#include "identifiertext.h"

using namespace Qt::StringLiterals;

namespace {

QString codePoint(char16_t unit)
{
    return u"U+"_s + QString::number(uint(unit), 16).rightJustified(4, u'0').toUpper();
}

} // namespace

QString IdentifierText::problem(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;   // a well-formed pair
            continue;
        }
        if (unit.isSurrogate())
            return u"Must be valid Unicode text; found a lone surrogate %1 at position %2."_s
                .arg(codePoint(unit.unicode()))
                .arg(i);
        if (unit.category() == QChar::Other_Control)
            return u"Must not contain control characters; found %1 at position %2."_s
                .arg(codePoint(unit.unicode()))
                .arg(i);
    }
    return {};
}
