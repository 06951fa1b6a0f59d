#pragma once

#include "piidetector.h"

// url (REDACTION.md §2.16): web addresses with or without a scheme ("https://example.com/a",
// "www.example.com", "example.co.uk/help") whose host ends in a public suffix, as written and
// as said ("w w w dot example dot com slash help", "h t t p s colon slash slash …", through
// SpokenElectronic). A bare "name.<extension>" with no path is left to the file-name detector
// unless a cue (website, link, url, site) stands before it, and an email's domain is not a URL.
class UrlDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
