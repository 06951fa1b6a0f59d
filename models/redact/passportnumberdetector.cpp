#include "passportnumberdetector.h"

QList<RedactionKind> PassportNumberDetector::kinds() const
{
    return {RedactionKind::PassportNumber};
}

void PassportNumberDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::PassportNumber))
        return;
    static const QRegularExpression cue = pattern(QStringLiteral("passport"));
    findAfterCue(reading, cue, alphanumericRun(), [](QStringView run) {
        const qsizetype characters = run.size() - run.count(u' ') - run.count(u'-');
        return characters >= 6 && characters <= 9;
    }, RedactionKind::PassportNumber, found);
}
