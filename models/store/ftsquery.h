#pragma once

#include <QString>

// Turns what a user typed into a search box into an FTS5 MATCH expression that cannot
// be a syntax error: every whitespace-separated word becomes a quoted string (quotes
// doubled), words without a letter or digit are dropped, and the words are ANDed.
// `"refund"` `"friday's"` matches turns containing both words, whatever punctuation,
// operators (AND, NEAR, *) or column filters (content:) the text held.
class FtsQuery
{
public:
    // An empty result means "no full-text filter".
    static QString matchExpression(const QString &userText);
};
