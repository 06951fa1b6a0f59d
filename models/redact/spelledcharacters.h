#pragma once

#include "spokentext.h"

// The letter pass of the spoken-form normaliser (REDACTION.md §1): an ID read out character
// by character becomes one token, so "three u l l oh four four" (SpokenNumbers' "3 u l l
// 044") reads "3ULL044" and "d as in delta, one two three" reads "D123". A run joins single
// letters, NATO words ("delta"), "B as in boy", "capital x" and "double d" with digit groups;
// it is joined only when it holds a letter and a digit, since only IDs mix them, and the
// words "a" and "i" count as letters only beside another spelled letter ("is a 4 door" stays).
// Letters come out in capitals, each mapped to the words it came from.
class SpelledCharacters
{
public:
    // `view` with its spelled runs joined; `view` itself when it has none.
    static SpokenText joined(const SpokenText &view);
    // `view` with letters said as words written as the letters, lower case and apart, for the
    // readers of spelled addresses: "n as in nancy delta r e" reads "n d r e". A NATO word
    // counts only beside other spelled characters ("delta dot com" stays).
    static SpokenText lettersSaid(const SpokenText &view);
};
