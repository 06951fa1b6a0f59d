#pragma once

#include "piidetector.h"

// Dates, times of day and dates of birth (REDACTION.md §2.5–2.7), written ("03/14/1980",
// "March 3rd, 1980", "3:30 pm") or spoken ("the third of march nineteen eighty", "three
// thirty p m", "half past two"). A date is a date of birth when a birth cue stands before
// it or in the question it answers ("date of birth?"). A bare number is a time only after
// "at", "by" and the like, and only when no unit follows ("at three thirty", not "at three
// minutes"); today and tomorrow are no dates.
class DateTimeDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
