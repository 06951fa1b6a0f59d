#pragma once

#include "piidetector.h"

// email_address (REDACTION.md §2.4): "maria@example.com" as written and "maria at example
// dot com", "j o h n dot smith at gmail dot com" as said (SpokenElectronic), the domain
// ending in a public suffix (libpsl). A spoken address reaches left over letters spelled
// before it and over up to two words after a cue ("send it to maria lopez at gmail dot com").
class EmailDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
