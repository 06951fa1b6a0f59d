#pragma once

#include "numberdetector.h"

// credit_card (REDACTION.md §2.22): 13 to 19 digits that pass Luhn, in one turn or read in
// groups across the caller's turns with the agent's "okay" between (every part redacted);
// and, when a card is being talked about, its expiry ("05/27", "oh five twenty seven"),
// its security code (3 or 4 digits after CVV, CVC or "security code") and its last four.
class CreditCardDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
    QList<SplitNumber> splitNumbers(const QSet<RedactionKind> &wanted) const override;
};
