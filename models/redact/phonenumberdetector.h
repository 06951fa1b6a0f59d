#pragma once

#include "numberdetector.h"

// phone_number (REDACTION.md §2.3): libphonenumber's matcher at leniency VALID, for US
// numbers always and for the other regions Presidio reads (GB DE FR IL IN CA BR) when a
// phone cue is near; and runs of 7, 10 or 11 digits that pass only as possible numbers
// ("555-1234", "123-456-7890") when the caller is asked for or offers a number to call,
// also when read in groups over the caller's turns (10 or 11 digits).
class PhoneNumberDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
    QList<SplitNumber> splitNumbers(const QSet<RedactionKind> &wanted) const override;
};
