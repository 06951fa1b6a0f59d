#include "accountnumberdetector.h"

QList<RedactionKind> AccountNumberDetector::kinds() const
{
    return {RedactionKind::AccountNumber};
}

void AccountNumberDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::AccountNumber))
        return;
    static const QRegularExpression cue = pattern(
        QStringLiteral("\\b(account|acct|customer|member|order|reference|ref|confirmation|case|ticket|booking|invoice|"
                       "tracking|reservation)\\b"));
    findAfterCue(reading, cue, alphanumericRun(), [](QStringView run) {
        int characters = 0;
        for (QChar c : run)
            characters += c.isLetterOrNumber() ? 1 : 0;
        return characters >= 4;
    }, RedactionKind::AccountNumber, found);
}
