#pragma once

#include "piidetector.h"

// ip_address (REDACTION.md §2.15): IPv4 ("192.168.1.10") and IPv6 ("2001:db8::8a2e:370:7334")
// addresses that QHostAddress accepts, and IPv4 said aloud: "one ninety two dot one sixty
// eight dot one dot ten" (SpokenNumbers turns the groups into digits). Four groups only, so
// "version 2.1.3" is not one, and none after a version cue ("version 1.2.0.4", "build").
class IpAddressDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
