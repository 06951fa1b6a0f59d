#pragma once

// Word error rate of a transcript against its reference: (substitutions + deletions +
// insertions) / reference words, by Levenshtein distance over lower-cased words.

#include <QString>
#include <QStringList>

#include <algorithm>
#include <numeric>
#include <vector>

struct WordErrors
{
    qsizetype errors = 0;
    qsizetype referenceWords = 0;

    double rate() const { return referenceWords > 0 ? double(errors) / double(referenceWords) : 0.0; }

    WordErrors &operator+=(const WordErrors &other)
    {
        errors += other.errors;
        referenceWords += other.referenceWords;
        return *this;
    }
};

inline QStringList wordsOf(const QString &text)
{
    return text.toLower().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

inline WordErrors wordErrors(const QStringList &reference, const QStringList &hypothesis)
{
    // One row of the edit-distance table at a time: distance[j] is between the reference
    // read so far and the first j hypothesis words.
    std::vector<qsizetype> distance(std::size_t(hypothesis.size() + 1));
    std::iota(distance.begin(), distance.end(), qsizetype(0));
    for (qsizetype i = 1; i <= reference.size(); ++i) {
        qsizetype diagonal = distance[0];
        distance[0] = i;
        for (qsizetype j = 1; j <= hypothesis.size(); ++j) {
            const qsizetype above = distance[std::size_t(j)];
            const qsizetype substitution = diagonal + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
            distance[std::size_t(j)] = std::min({above + 1, distance[std::size_t(j - 1)] + 1, substitution});
            diagonal = above;
        }
    }
    return {distance.back(), reference.size()};
}

inline WordErrors wordErrors(const QString &reference, const QString &hypothesis)
{
    return wordErrors(wordsOf(reference), wordsOf(hypothesis));
}
