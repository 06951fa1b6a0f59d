#pragma once

#include <QString>

// The file-name extensions of /etc/mime.types (Debian's media-types, ~1,500 of them), read
// once. Spoken, "dot <extension>" is a file name only for extensions that are not also
// everyday words: "report dot pdf" is one, "dot the i's" and "one dot one" are not.
class FileExtensions
{
public:
    // `extension` (without the dot, any case) names a file type.
    static bool contains(const QString &extension);
    // ... and is not an ordinary English word or a letter, so "dot <extension>" said aloud is a file name.
    static bool isSpoken(const QString &extension);
};
