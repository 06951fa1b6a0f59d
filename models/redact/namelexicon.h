#pragma once

#include <QStringView>

// The first names and surnames of the 1990 US Census (Debian's libtext-names-perl, embedded
// at build time in namelexicondata.inc so no package is read at run time), without those
// that are everyday words: "Will", "Mark", "Rose", "Grant" and "May" are never taken for
// names on their own. Case-insensitive.
class NameLexicon
{
public:
    static bool isFirstName(QStringView word);
    static bool isSurname(QStringView word);
};
