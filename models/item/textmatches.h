#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Where words occur in a turn's text, for highlighting: the words of a full-text search
// (matched as whole tokens, as the FTS5 index matches them), the text typed into "find
// in call" (anywhere, case-insensitively), and the timed words of a turn (in order).
class TextMatches
{
public:
    struct Span
    {
        int start = 0;
        int length = 0;
        bool operator==(const Span &other) const = default;
    };

    // The search text's tokens (runs of letters and digits), case-folded: what the
    // index matches. "Friday's refund" → {"friday", "s", "refund"}.
    static QStringList tokens(const QString &text);
    // True when every token of `terms` occurs in `text` as a whole token.
    static bool containsAllTokens(const QString &text, const QStringList &terms);
    // The spans of `text` that are one of `terms` as a whole token.
    static QList<Span> tokenSpans(const QString &text, const QStringList &terms);
    // Every occurrence of `needle` in `text`, case-insensitively; none for an empty needle.
    static QList<Span> occurrences(const QString &text, const QString &needle);
    // The span of each of `words` in `text`, searched in order from the end of the
    // previous one (case-insensitively, ignoring the word's punctuation); {-1, 0} for a
    // word the text does not carry, e.g. when the transcript was punctuated differently.
    static QList<Span> wordSpans(const QString &text, const QStringList &words);
};
