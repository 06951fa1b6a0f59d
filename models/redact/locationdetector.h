#pragma once

#include "piidetector.h"

// Places (REDACTION.md §2.8): street addresses ("1600 Pennsylvania Avenue", "one two three
// main street apartment four b"), apartment and suite numbers, ZIP codes after a state or a
// zip cue, UK postcodes, US states and countries, and the one or two words after "I live
// in", "I'm from" or "moved to" (capitalised when the text is cased). Countries that are
// everyday words (Turkey, Chad, Jordan) need a capital or such a cue.
class LocationDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
