#pragma once

#include "piidetector.h"
#include "spokentext.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

// What the number detectors share: each turn is read as written and, when SpokenNumbers
// changes it, with number words as digits ("four one five" as "415"); a detector looks at
// one reading at a time and its spans are mapped back to the original characters. Cues are
// looked for before a match and in the other party's previous turn (the question answered).
class NumberDetector : public PiiDetector
{
public:
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;

protected:
    // One reading of one turn.
    struct Reading
    {
        const RedactionContext &context;
        int turn;
        const SpokenText &view;
        bool spoken;   // SpokenNumbers' or SpelledCharacters' form, not the text as written

        const QString &text() const { return view.text(); }
        // Appends canonical characters [begin, end) as a span of the original.
        void add(qsizetype begin, qsizetype end, RedactionKind kind, RedactionSpans &found) const;
        void add(const QRegularExpressionMatch &match, RedactionKind kind, RedactionSpans &found, int group = 0) const;
        // The cue text for a match at canonical `offset`: `words` words before it and the other party's previous turn.
        QString cueBefore(qsizetype offset, int words = 6) const;
        // Whether the original characters of canonical [begin, end) contain `pattern`.
        bool originalHas(qsizetype begin, qsizetype end, const QRegularExpression &pattern) const;
    };

    virtual void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const = 0;

    // A number read in groups over the caller's turns with the agent's "okay" between ("four
    // one five" | "okay" | "five five five zero one three two"): at most `maxDigits` digits,
    // redacted as `kind` in every part when `accept` takes the digits joined so far and the
    // cue before the first group.
    struct SplitNumber
    {
        RedactionKind kind;
        int maxDigits;
        std::function<bool(const QString &digits, const QString &cue)> accept;
    };
    // The split numbers this detector looks for across turns; none unless overridden.
    virtual QList<SplitNumber> splitNumbers(const QSet<RedactionKind> &wanted) const;

    // Appends the runs of `run` that a `cue` introduces, as `kind`: the first within a few words
    // after each cue in the turn, and every one in the turn when the other party's previous
    // turn asked with the cue ("what's your member ID?"). Only runs `accept` takes.
    static void findAfterCue(const Reading &reading, const QRegularExpression &cue, const QRegularExpression &run,
                             const std::function<bool(QStringView)> &accept, RedactionKind kind, RedactionSpans &found);

    // The readings of a turn: as written, then spoken when that differs, then with IDs read
    // character by character joined (SpelledCharacters) when that differs.
    static QList<SpokenText> views(const QString &text);
    // A case-insensitive pattern.
    static QRegularExpression pattern(const QString &expression);
    // Digits in groups of one separator each (a space, a hyphen or a dot): "4111 1111-1111", "415 555 0132".
    static const QRegularExpression &digitRun();
    // Letters and digits with a digit among them, in groups joined by one space or hyphen: "AB-12345", "7ABC 123".
    static const QRegularExpression &alphanumericRun();
    // Each `split` number whose first group ends `turn` and whose last starts a turn continuing it.
    static void findAcrossTurns(const RedactionContext &context, int turn, const SplitNumber &split, RedactionSpans &found);
    // The first run of `run` after canonical `offset` within `window` characters.
    static QRegularExpressionMatch firstAfter(const QString &text, qsizetype offset, const QRegularExpression &run,
                                              qsizetype window = 40);
};
