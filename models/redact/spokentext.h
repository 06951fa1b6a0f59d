#pragma once

#include <QList>
#include <QString>

#include <utility>

// A text in another form, each of its characters mapped back to the characters of the
// original it came from, so that what a detector finds in the canonical form ("415 555
// 0132" from "four one five, five five five, zero one three two") is redacted in the
// original. Made by SpokenNumbers (digit words to digits) and the like.
class SpokenText
{
public:
    SpokenText() = default;
    // The original itself, each character its own.
    static SpokenText identity(const QString &original);
    // `outer`, a form of `inner`'s text, mapped back through `inner` to `inner`'s original.
    static SpokenText through(const SpokenText &outer, const SpokenText &inner);

    const QString &text() const { return m_text; }
    // Appends `text`, all of it made from original characters [originalBegin, originalEnd).
    void append(const QString &text, qsizetype originalBegin, qsizetype originalEnd);
    // The original characters canonical [begin, end) came from (begin < end).
    std::pair<qsizetype, qsizetype> originalRange(qsizetype begin, qsizetype end) const;

private:
    QString m_text;
    QList<qsizetype> m_originalBegin;   // per canonical character
    QList<qsizetype> m_originalEnd;
};
