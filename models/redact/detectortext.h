#pragma once

#include "redactionspan.h"
#include "spokentext.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

// What the cue, grammar and lexicon detectors share: the forms a turn is read in (as
// written, and with spoken numbers as digits, "forty two" as "42"), lexicons turned into
// regular expressions, and the test for words too common to be a name or a place. Every
// span a detector finds in a form is appended in the original's characters.
class DetectorText
{
public:
    // The turn as written and, when SpokenNumbers changes it, with number words as digits.
    static QList<SpokenText> views(const QString &text);
    // A regular-expression alternation of `words`, longest first, so "new year's eve" wins
    // over "new year"; a space in a word matches any run of blanks or a hyphen.
    static QString alternation(const QStringList &words);
    // `pattern`, case-insensitive, UTF-8 aware.
    static QRegularExpression pattern(const QString &pattern);
    // Appends canonical characters [begin, end) of `view` as original characters of `turn`.
    static void append(RedactionSpans &found, int turn, const SpokenText &view, qsizetype begin, qsizetype end,
                       RedactionKind kind);
    static void append(RedactionSpans &found, int turn, const SpokenText &view, const QRegularExpressionMatch &match,
                       int group, RedactionKind kind);
    // Where canonical character `offset` of `view` starts in the original.
    static qsizetype originalOffset(const SpokenText &view, qsizetype offset);
    // Whether the text has capitals: a provider's written transcript, not PocketSphinx's
    // lower-case words, so capitalisation can tell a name from a word.
    static bool isCased(const QString &text);
    // Function words, fillers and everyday nouns, verbs and adjectives: never a name or a place
    // on their own ("speak to someone", "I live in fear"). `word` in any case.
    static bool isCommonWord(QStringView word);
    // What may follow a number that stands alone as a time, an age or a price: the end of the
    // sentence or a word that is no quantity's unit ("at 3 today", not "at 3 minutes").
    static QString numberEnd();
};
