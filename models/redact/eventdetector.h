#pragma once

#include "piidetector.h"

// Events (REDACTION.md §2.18): holidays and named events from a lexicon ("Christmas",
// "Ramadan", "the Super Bowl"), a capitalised name before Conference, Summit, Festival and
// the like ("Austin Music Festival"), and a caller's own occasions ("my wedding", "our
// daughter's graduation"). A plain "meeting" or "appointment" is no event.
class EventDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
