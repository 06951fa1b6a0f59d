#pragma once

#include "piidetector.h"

// Ages (REDACTION.md §2.2): a number 0–120 before "years old" ("42-year-old", "forty two
// years old"), after "I'm", "aged" or "turning" when no unit follows ("I'm 42", not "I'm 5
// minutes away"), "in my forties", and a bare number answering "how old are you?". The
// number (or the decade) is the span.
class AgeDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
