#pragma once

#include "spokentext.h"

#include <QString>

// A text with its spoken email addresses, URLs and file names written as symbols
// (REDACTION.md §1): "maria underscore lopez at outlook dot com" becomes
// "maria_lopez@outlook.com", "j o h n dot smith" "john.smith", "w w w dot example dot com
// slash help" "www.example.com/help", "report dot p d f" "report.pdf". Words become symbols
// (at, dot/period/point, dash/hyphen, underscore, slash, colon) and spelled letters and
// digits join only in electronic context: an "at" before a domain ("X dot <public
// suffix>"), "dot com/net/org/…", "w w w", "colon slash slash" or "dot <file extension>".
// Letters said as words join too ("n as in nancy", NATO words beside other letters).
// Everything else stays as it is: "meet at ten", "that's a good point", "dot the i's".
class SpokenElectronic
{
public:
    static SpokenText canonical(const QString &text);
};
