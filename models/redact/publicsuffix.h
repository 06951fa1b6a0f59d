#pragma once

#include <QString>

// Whether a domain can be someone's: it ends in a suffix of the Public Suffix List (libpsl
// over Debian's publicsuffix data, the newest of the built-in and the installed list) and
// has a label before it. "example.com" and "bbc.co.uk" can, "2.1.3", "example.notatld" and
// "co.uk" cannot: the list's implicit "*" rule for unknown top-level domains is not used.
class PublicSuffix
{
public:
    static bool isRegistrable(const QString &domain);
    // The whole of `suffix` is on the list ("com", "co.uk").
    static bool isSuffix(const QString &suffix);
};
