#pragma once

#include "numberdetector.h"

// bank_account (REDACTION.md §2.24): IBANs that pass mod-97 anywhere; with a bank cue
// (bank, checking, savings, routing, ABA, sort code, SWIFT...), nine-digit ABA routing
// numbers that pass the 3-7-1 checksum, account numbers of 8 to 17 digits and UK sort codes.
class BankAccountDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
