#pragma once

#include "piidetector.h"

// filename (REDACTION.md §2.17): a name, a dot and an extension of /etc/mime.types
// ("scan_0042.pdf", "archive.tar.gz"), and said aloud, "<words> dot pdf" (SpokenElectronic;
// up to two words before the name that are not everyday ones: "the quarterly report dot
// pdf"). Not web domains (".com", ".org", ".net"), nor "a.m.", "e.g." or "Ph.D.": a one-letter
// extension needs a lower-case letter after a name of three characters or more.
class FilenameDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
