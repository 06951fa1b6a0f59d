#pragma once

#include "numberdetector.h"

// ssn (REDACTION.md §2.26): 3-2-4 digits with one delimiter throughout (-, . or space) that
// pass the SSA's rules (no group 00, serial 0000, area 000, 666 or 900-999, no samples),
// the area rules waived when a social-security cue is near; nine digits in a row only with
// the cue, grouped any way and in one turn or across the caller's turns (spoken grouping is
// lost); and four digits after "last four of your social".
class SsnDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
    QList<SplitNumber> splitNumbers(const QSet<RedactionKind> &wanted) const override;
};
