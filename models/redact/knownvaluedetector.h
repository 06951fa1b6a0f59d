#pragma once

#include "piidetector.h"

#include <optional>

// The values the sender told us (customer_number, dynamic_variables): always personal
// data, found wherever they are said, as written or with the digits of a number spaced or
// grouped differently ("+1 415 555 0132" is "415-555-0132"). Each takes the kind its field
// names (customer_number a phone number, "patient_dob" a date of birth, ...); a value of a
// field that names no kind is numerical_pii when it is a number, and left alone otherwise
// (a company or a product name the agent says is not personal).
class KnownValueDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;

    // The kind a known value of `field` is, nullopt when its field names none and it is not a number.
    static std::optional<RedactionKind> kindOf(const RedactionContext::KnownValue &known);
};
