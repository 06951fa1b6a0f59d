#pragma once

#include "spokentext.h"

#include <QString>

// The spoken-form normaliser for numbers (REDACTION.md §1): number words become digits,
// each digit mapped back to the words it came from, so a detector that looks for digits
// finds "four one five, five five five, zero one three two" as "415 555 0132".
//
// Within a run of number words: digit words (zero, nought, and oh/o inside a run), "double
// five" / "triple oh", teens and tens, compounds with hundred/thousand/million ("eight
// hundred" 800, "two thousand and five" 2005, "twenty-three" 23) and ordinals in compounds
// or alone ("twenty third" 23rd, "first" 1st; never "second"). Groups convert separately and
// join: "one twenty three" 123, "nineteen eighty five" 1985, "three thirty" 330. Fillers
// inside a run (uh, um, er, dash, hyphen; "and" between digits read one by one) are
// dropped; a comma, period or dash between groups becomes one space. Everything else stays
// as it is, so ordinary words ("someone", "often", "tone", "phone") are never digits.
class SpokenNumbers
{
public:
    static SpokenText canonical(const QString &text);
};
