#pragma once

#include "calllog/timedword.h"

#include <QVariant>

// How a turn's words are kept in turns.words: compact JSON text [[start,end,"text"],...]
// (seconds, digits that read back to the same doubles), NULL for a turn without words.
// Text rather than a binary blob, so that the column reads in the sqlite3 shell and with
// json_each(). The words are not indexed for search: turns_fts indexes content only.
class WordsColumn
{
public:
    // NULL for no words.
    static QVariant encode(const TimedWords &words);
    // Empty for NULL, and for text this class did not write (logged).
    static TimedWords decode(const QVariant &value);
};
