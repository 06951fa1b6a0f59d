#pragma once

#include <QList>
#include <QString>

// A turn's text as the whitespace-separated tokens the electronic detectors read (emails,
// URLs, file names, user names, passwords), each with its place in the text, its
// lower-cased form without the punctuation around it, and what ends it: "J," and "smith."
// are the tokens "j" and "smith", the first followed by a comma, the second ending a
// sentence. Written forms stay whole ("maria@example.com." is "maria@example.com").
class ElectronicTokens
{
public:
    struct Token
    {
        qsizetype begin = 0;   // the word in the text, punctuation around it excluded
        qsizetype end = 0;
        QString word;          // lower-cased
        bool commaAfter = false;
        bool sentenceEndAfter = false;   // . ? ! ; after it
        bool colonAfter = false;          // "username:"

        // A letter or a digit said on its own ("j", "7"), or written spelled ("j-o-h-n").
        bool isSpelled() const;
        // The characters a spelled token stands for ("j-o-h-n" is "john"); its word otherwise.
        QString spelled() const;
    };

    static QList<Token> split(const QString &text);
    // The digit a digit word names ("seven" is "7", "oh" is "0"), empty for other words.
    static QString digitOf(const QString &word);
    // A pronoun, article, preposition or everyday verb: never a user name, the local part of
    // a spoken email ("I work at google dot com") or part of a spoken file name.
    static bool isCommonWord(const QString &word);
};
