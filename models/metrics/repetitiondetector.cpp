#include "repetitiondetector.h"

#include "metrictext.h"
#include "speechturns.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int ListedRepetitions = 5;

const QRegularExpression &askedToRepeat()
{
    static const QRegularExpression expression(uR"(repeat|say that again|sorry\?|what\?|didn'?t (hear|catch))"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    return expression;
}

quint64 mix(quint64 value)
{
    // splitmix64's finalizer: spreads every input bit over the whole hash.
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

// A 64-bit hash of the lower-cased word, so that 3-grams compare as numbers, not strings.
quint64 lowerCaseHash(QStringView word)
{
    quint64 hash = 0xcbf29ce484222325ULL;   // FNV-1a
    for (QChar unit : word) {
        const char16_t c = unit.unicode();
        // ASCII without a call into QChar's case tables.
        const char16_t lower = c < 128 ? char16_t(c >= u'A' && c <= u'Z' ? c + 32 : c) : char16_t(QChar::toLower(c));
        hash ^= lower;
        hash *= 0x100000001b3ULL;
    }
    return mix(hash);
}

// Appends the set of word 3-grams of the words to `grams`, as sorted distinct hashes;
// returns how many.
qsizetype appendTrigrams(std::span<const QStringView> words, QVarLengthArray<quint64, 256> &grams)
{
    if (words.size() < 3)
        return 0;
    const qsizetype first = grams.size();
    quint64 older = lowerCaseHash(words[0]);
    quint64 old = lowerCaseHash(words[1]);
    for (size_t i = 2; i < words.size(); ++i) {
        const quint64 next = lowerCaseHash(words[i]);
        grams.append(mix(mix(older ^ 0x9e3779b97f4a7c15ULL) ^ old) ^ next);
        older = old;
        old = next;
    }
    std::sort(grams.begin() + first, grams.end());
    grams.resize(std::unique(grams.begin() + first, grams.end()) - grams.begin());
    return grams.size() - first;
}

double jaccard(std::span<const quint64> a, std::span<const quint64> b)
{
    size_t common = 0;
    for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
        if (*x < *y) {
            ++x;
        } else if (*y < *x) {
            ++y;
        } else {
            ++common;
            ++x;
            ++y;
        }
    }
    const size_t all = a.size() + b.size() - common;
    return all == 0 ? 0.0 : double(common) / double(all);
}

} // namespace

RepetitionDetector::RepetitionDetector(const SpeechTurns &speech)
{
    // The 3-gram sets of the agent turns so far, one after another in `grams`.
    struct TrigramSet
    {
        int turn;
        qsizetype first;
        qsizetype count;
    };
    QVarLengthArray<quint64, 256> grams;
    QVarLengthArray<TrigramSet, 32> earlier;
    const auto setOf = [&grams](const TrigramSet &set) {
        return std::span<const quint64>(grams.constData() + set.first, size_t(set.count));
    };

    MetricEvents events;
    QStringList details;
    QStringList excused;
    for (int i = 0; i < speech.size(); ++i) {
        if (!speech.isAgent(i))
            continue;
        const qsizetype first = grams.size();
        const TrigramSet current{i, first, appendTrigrams(speech.words(i), grams)};
        if (speech.words(i).size() >= MinimumWords) {
            int repeated = -1;
            double similarity = 0.0;
            for (const TrigramSet &before : earlier) {
                // |A n B| / |A u B| <= min(|A|, |B|) / max(|A|, |B|): skip sets too different in size.
                const auto smaller = double(std::min(current.count, before.count));
                const auto larger = double(std::max(current.count, before.count));
                if (!SpeechTurns::atLeast(smaller, MinimumSimilarity * larger))
                    continue;
                const double candidate = jaccard(setOf(current), setOf(before));
                if (candidate > similarity) {
                    similarity = candidate;
                    repeated = before.turn;
                }
            }
            if (repeated >= 0 && SpeechTurns::atLeast(similarity, MinimumSimilarity)) {
                const int asking = speech.previousSpeech(i);
                const QString repeats = u"The agent's %1 repeats %2 (similarity %3)"_s.arg(
                    MetricText::turn(i), MetricText::turn(repeated), MetricText::number(similarity));
                if (asking >= 0 && speech.isCaller(asking) && askedToRepeat().match(speech.turn(asking).content).hasMatch()) {
                    excused << u"%1, but the caller asked for it in %2."_s.arg(repeats, MetricText::turn(asking));
                } else {
                    events.append({speech.start(i), std::max(0.0, speech.duration(i)), i});
                    if (details.size() < ListedRepetitions)
                        details << repeats + u'.';
                }
            }
        }
        if (current.count > 0)
            earlier.append(current);
    }

    QStringList explanation;
    if (events.isEmpty() && excused.isEmpty())
        explanation << u"No agent turn of 5 words or more repeats an earlier agent turn."_s;
    else if (events.isEmpty())
        explanation << u"No agent turn repeats an earlier one unless the caller asked for it."_s;
    explanation << details;
    if (events.size() > ListedRepetitions)
        explanation << u"… and %1 more."_s.arg(events.size() - ListedRepetitions);
    explanation << excused;
    m_outcome = MetricOutcome::of(double(events.size()), explanation, events);
}
