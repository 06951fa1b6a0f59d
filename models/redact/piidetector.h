#pragma once

#include "redactioncontext.h"
#include "redactionspan.h"

#include <QList>
#include <QSet>

// Finds personal data of some kinds in a call's turns (REDACTION.md §2). Each detector
// looks at the written form and at the spoken one (SpokenNumbers and the like), and
// returns character spans of the original text; overlaps between detectors are merged by
// the Redactor. Over-redaction is the safe error, but ordinary words and small numbers
// ("two large pizzas", "press one") must survive. Stateless and thread-safe.
class PiiDetector
{
public:
    virtual ~PiiDetector() = default;

    // The kinds it finds.
    virtual QList<RedactionKind> kinds() const = 0;
    // Appends the spans of the `wanted` kinds (among kinds()) in the speech turns of `context`.
    virtual void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const = 0;
};
