#pragma once

#include "numberdetector.h"

// account_number (REDACTION.md §2.23): after a cue (account, acct, customer, member,
// order, reference, confirmation, case, ticket, booking, invoice, tracking; "number", "ID"
// or "#" optional), or in the answer to a question with one, letters and digits with at
// least four characters and a digit: "order number is A1B2-3456", "confirmation 88213".
class AccountNumberDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
