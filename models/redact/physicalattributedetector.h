#pragma once

#include "piidetector.h"

// How a caller looks (REDACTION.md §2.11): height ("five foot ten", 5'10", "180 cm tall"),
// weight ("I weigh 180 pounds", "I'm 80 kilos"), eye and hair colour ("my eyes are green",
// "I have red hair"), marks (tattoo, scar, birthmark, beard) and build words after "I'm"
// ("I'm tall", "I'm overweight"), not "I'm short on time".
class PhysicalAttributeDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
