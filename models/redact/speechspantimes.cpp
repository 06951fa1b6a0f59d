#include "speechspantimes.h"

#include <algorithm>
#include <vector>

namespace {

// A word's characters in the turn's content; `guessed` when it was not found there.
struct WordRange
{
    qsizetype begin = -1;
    qsizetype end = -1;
    bool guessed = false;
};

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber();
}

// Providers' words often carry the punctuation next to them ("card,") or none at all.
QString bareWord(const QString &text)
{
    qsizetype first = 0;
    qsizetype last = text.size();
    while (first < last && !isWordCharacter(text.at(first)))
        ++first;
    while (last > first && !isWordCharacter(text.at(last - 1)))
        --last;
    return text.mid(first, last - first);
}

// The next whole-word occurrence of `word` from `from`, so "a" is not found inside "card".
qsizetype findWord(const QString &content, const QString &word, qsizetype from)
{
    if (word.isEmpty())
        return -1;
    for (qsizetype at = content.indexOf(word, from, Qt::CaseInsensitive); at >= 0;
         at = content.indexOf(word, at + 1, Qt::CaseInsensitive)) {
        const bool startsWord = at == 0 || !isWordCharacter(content.at(at - 1)) || !isWordCharacter(word.front());
        const qsizetype after = at + word.size();
        const bool endsWord = after == content.size() || !isWordCharacter(content.at(after)) || !isWordCharacter(word.back());
        if (startsWord && endsWord)
            return at;
    }
    return -1;
}

std::vector<WordRange> locateWords(const Turn &turn)
{
    std::vector<WordRange> ranges(std::size_t(turn.words.size()));
    qsizetype cursor = 0;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const QString bare = bareWord(turn.words.at(qsizetype(i)).text);
        const qsizetype at = findWord(turn.content, bare, cursor);
        if (at < 0)
            continue;
        ranges[i] = {at, at + bare.size(), false};
        cursor = at + bare.size();
    }
    // Each run of words not found shares the characters between its found neighbours
    // evenly, the spaces next to them left out.
    for (std::size_t i = 0; i < ranges.size();) {
        if (ranges[i].begin >= 0) {
            ++i;
            continue;
        }
        std::size_t runEnd = i;
        while (runEnd < ranges.size() && ranges[runEnd].begin < 0)
            ++runEnd;
        qsizetype from = i == 0 ? 0 : ranges[i - 1].end;
        qsizetype to = runEnd == ranges.size() ? turn.content.size() : ranges[runEnd].begin;
        while (from < to && turn.content.at(from).isSpace())
            ++from;
        while (to > from && turn.content.at(to - 1).isSpace())
            --to;
        const double share = double(std::max<qsizetype>(0, to - from)) / double(runEnd - i);
        for (std::size_t k = i; k < runEnd; ++k) {
            const double offset = share * double(k - i);
            ranges[k] = {from + qsizetype(offset), from + qsizetype(offset + share), true};
        }
        i = runEnd;
    }
    return ranges;
}

bool hasTimes(const TimedWord &word)
{
    return word.endTime >= word.startTime && word.endTime > 0.0;
}

// The turn's own times spread over its characters.
AudioSpan spread(const Turn &turn, qsizetype begin, qsizetype end)
{
    const double duration = std::max(0.0, turn.endTime - turn.startTime);
    const double length = double(turn.content.size());
    if (length <= 0)
        return {turn.startTime, turn.startTime + duration, true};
    return {turn.startTime + duration * double(begin) / length, turn.startTime + duration * double(end) / length, true};
}

} // namespace

AudioSpan SpeechSpanTimes::of(const Turn &turn, qsizetype begin, qsizetype end)
{
    begin = std::clamp<qsizetype>(begin, 0, turn.content.size());
    end = std::clamp<qsizetype>(end, begin, turn.content.size());
    const std::vector<WordRange> ranges = locateWords(turn);
    AudioSpan span;
    bool found = false;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const WordRange &range = ranges[i];
        const bool overlaps = range.end > range.begin ? range.begin < end && range.end > begin
                                                      : range.begin >= begin && range.begin < end;
        if (!overlaps)
            continue;
        const TimedWord &word = turn.words.at(qsizetype(i));
        if (!hasTimes(word))
            return spread(turn, begin, end);
        span.start = found ? std::min(span.start, word.startTime) : word.startTime;
        span.end = found ? std::max(span.end, word.endTime) : word.endTime;
        span.estimated = span.estimated || range.guessed;
        found = true;
    }
    return found ? span : spread(turn, begin, end);
}
