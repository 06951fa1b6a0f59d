#pragma once

#include "numberdetector.h"

// passport_number (REDACTION.md §2.27): only after a "passport" cue (or in the answer to a
// question with one), 6 to 9 letters and digits with a digit: US 9 digits or a letter and
// 8 digits, UK 9 digits.
class PassportNumberDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
