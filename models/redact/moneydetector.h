#pragma once

#include "piidetector.h"

// Amounts of money (REDACTION.md §2.25): a currency symbol or code with a number ("$25.50",
// "USD 40"), a number with a currency word ("twenty five dollars and fifty cents", "300
// bucks", "2 grand"), and a bare price ("twelve ninety-nine", "45") only after a price cue
// (cost, charge, balance, owe, pay, total) when no other word follows it, so "pay for two
// large pizzas" keeps its pizzas. Pounds after "weigh" are a weight, not money.
class MoneyDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
