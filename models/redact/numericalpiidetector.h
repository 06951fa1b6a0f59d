#pragma once

#include "numberdetector.h"

// numerical_pii (REDACTION.md §2.29), the catch-all: runs of five or more digits, letters
// mixed with at least two digits in one ID-like token ("AB12345", "X7Y9Z3"), and MAC
// addresses. Quantities stay: money ("$12,500", "25000 dollars"), counts said with
// hundred/thousand/million, dates ("2024-05-12"), decimals, percentages, ordinals and
// units ("1990s", "500mg").
class NumericalPiiDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
