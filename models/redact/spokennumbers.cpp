#include "spokennumbers.h"

#include <QHash>
#include <QList>

#include <optional>

namespace {

enum class WordType { Unit, Oh, Teen, Tens, Hundred, Scale, Repeat, Ordinal, A, And, Filler, Dash };

struct NumberWord
{
    WordType type;
    qint64 value = 0;          // the digit, 10..90, the scale, how many repeats, the ordinal's number
    const char *suffix = "";   // ordinals: "st", "nd", "rd", "th"
};

const QHash<QString, NumberWord> &vocabulary()
{
    static const QHash<QString, NumberWord> words = [] {
        QHash<QString, NumberWord> map;
        const char *units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < 10; ++i)
            map.insert(QString::fromLatin1(units[i]), {WordType::Unit, i});
        map.insert(QStringLiteral("nought"), {WordType::Unit, 0});
        map.insert(QStringLiteral("oh"), {WordType::Oh, 0});
        map.insert(QStringLiteral("o"), {WordType::Oh, 0});
        const char *teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                               "eighteen", "nineteen"};
        for (int i = 0; i < 10; ++i)
            map.insert(QString::fromLatin1(teens[i]), {WordType::Teen, 10 + i});
        const char *tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < 8; ++i)
            map.insert(QString::fromLatin1(tens[i]), {WordType::Tens, 20 + 10 * i});
        map.insert(QStringLiteral("hundred"), {WordType::Hundred, 100});
        map.insert(QStringLiteral("thousand"), {WordType::Scale, 1000});
        map.insert(QStringLiteral("million"), {WordType::Scale, 1000000});
        map.insert(QStringLiteral("billion"), {WordType::Scale, 1000000000});
        map.insert(QStringLiteral("double"), {WordType::Repeat, 2});
        map.insert(QStringLiteral("triple"), {WordType::Repeat, 3});
        const char *ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                  "seventeenth", "eighteenth", "nineteenth"};
        for (int i = 0; i < 19; ++i) {
            const int n = i + 1;
            const char *suffix = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
            map.insert(QString::fromLatin1(ordinals[i]), {WordType::Ordinal, n, suffix});
        }
        const char *tenths[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                                "ninetieth"};
        for (int i = 0; i < 8; ++i)
            map.insert(QString::fromLatin1(tenths[i]), {WordType::Ordinal, 20 + 10 * i, "th"});
        map.insert(QStringLiteral("a"), {WordType::A, 1});
        map.insert(QStringLiteral("and"), {WordType::And});
        for (const char *filler : {"uh", "um", "er", "erm", "uhm", "uhh", "umm", "ah", "hmm"})
            map.insert(QString::fromLatin1(filler), {WordType::Filler});
        map.insert(QStringLiteral("dash"), {WordType::Dash});
        map.insert(QStringLiteral("hyphen"), {WordType::Dash});
        return map;
    }();
    return words;
}

// What stands between two words of a run.
enum class Gap {
    Join,     // spaces only
    Hyphen,   // "twenty-three": a compound may continue
    Break,    // a comma, period or dash: the digits before and after are separate groups
};

struct Item
{
    NumberWord word;
    qsizetype begin;
    qsizetype end;
    Gap gapBefore;
    bool isSecond;   // "second" is a unit of time far more often than an ordinal
};

bool isWordChar(QChar c)
{
    return c.isLetter();
}

// The words of a possible run from `from` (the start of a word) on, as far as number
// words, fillers and soft separators go.
QList<Item> collectRun(const QString &text, qsizetype from)
{
    QList<Item> items;
    qsizetype pos = from;
    Gap gap = Gap::Join;
    while (pos < text.size() && items.size() < 64) {
        qsizetype end = pos;
        while (end < text.size() && (isWordChar(text[end]) || (text[end] == QLatin1Char('\'') && end + 1 < text.size()
                                                               && isWordChar(text[end + 1]) && end > pos)))
            ++end;
        const QString word = text.mid(pos, end - pos).toLower();
        const auto found = vocabulary().constFind(word);
        if (found == vocabulary().constEnd())
            break;
        items.append({*found, pos, end, gap, word == QLatin1String("second")});
        // The separator up to the next word.
        qsizetype next = end;
        bool spaced = false;
        bool hyphen = false;
        bool breaks = false;
        bool stops = false;
        while (next < text.size() && !isWordChar(text[next]) && !stops) {
            const QChar c = text[next];
            if (c.isSpace())
                spaced = true;
            else if (c == QLatin1Char('-'))
                hyphen = true;
            else if (c == QLatin1Char(',') || c == QLatin1Char('.') || c == QLatin1Char(';') || c == QChar(0x2013)
                     || c == QChar(0x2014))
                breaks = true;
            else
                stops = true;
            ++next;
        }
        if (stops || next >= text.size())
            break;
        gap = breaks || (hyphen && spaced) ? Gap::Break : hyphen ? Gap::Hyphen : Gap::Join;
        pos = next;
    }
    return items;
}

struct Group
{
    QString digits;
    qsizetype begin;
    qsizetype end;
    int next;   // the item after the group
    bool singleDigits;   // read digit by digit ("five", "oh", "double five")
    bool ordinal;
    bool breakBefore = false;   // a comma, period or dash separates it from the group before
};

class RunParser
{
public:
    explicit RunParser(const QList<Item> &items)
        : m_items(items)
    {
    }

    // The groups from item 0 on, as many as follow one another.
    QList<Group> parse(bool afterNumber)
    {
        QList<Group> groups;
        int at = 0;
        while (at < m_items.size()) {
            int start = at;
            // Fillers inside a run; "and" only between digits read one by one ("four one five and five").
            while (start < m_items.size() && !groups.isEmpty()
                   && (is(start, WordType::Filler) || is(start, WordType::Dash)
                       || (is(start, WordType::And) && readsDigits(groups) && isDigitWord(start + 1))))
                ++start;
            if (start > at && start >= m_items.size())
                break;
            std::optional<Group> group = parseGroup(start, int(groups.size()), afterNumber);
            if (!group)
                break;
            for (int i = at; i <= start; ++i)
                group->breakBefore = group->breakBefore || m_items[i].gapBefore == Gap::Break
                    || (i < start && is(i, WordType::Dash));
            groups.append(*group);
            at = group->next;
            if (group->ordinal)
                break;
        }
        return groups;
    }

private:
    bool is(int i, WordType type) const { return i >= 0 && i < m_items.size() && m_items[i].word.type == type; }
    bool joined(int i) const { return i < m_items.size() && m_items[i].gapBefore != Gap::Break; }
    bool isDigitWord(int i) const
    {
        return is(i, WordType::Unit) || is(i, WordType::Oh) || is(i, WordType::Repeat);
    }
    bool isNumberWord(int i) const
    {
        return isDigitWord(i) || is(i, WordType::Teen) || is(i, WordType::Tens);
    }
    static bool readsDigits(const QList<Group> &groups)
    {
        int digits = 0;
        for (const Group &group : groups) {
            if (!group.singleDigits)
                return false;
            digits += int(group.digits.size());
        }
        return digits >= 2;
    }

    std::optional<Group> parseGroup(int i, int groupsBefore, bool afterNumber) const
    {
        if (i >= m_items.size())
            return std::nullopt;
        const Item &item = m_items[i];
        switch (item.word.type) {
        case WordType::Repeat:
            if (joined(i + 1) && (is(i + 1, WordType::Unit) || is(i + 1, WordType::Oh)))
                return Group{QString(int(item.word.value), QChar(char16_t(u'0' + m_items[i + 1].word.value))), item.begin,
                             m_items[i + 1].end, i + 2, true, false};
            return std::nullopt;
        case WordType::Oh: {
            // Zero only inside a run: "five oh one", "oh five twenty seven", never "oh, one more thing".
            const bool inside = groupsBefore > 0 && (isNumberWord(i + 1) && joined(i + 1));
            const bool ends = groupsBefore >= 2;
            const bool starts = groupsBefore == 0 && joined(i + 1) && isNumberWord(i + 1) && joined(i + 2)
                && isNumberWord(i + 2);
            if (inside || ends || starts)
                return Group{QStringLiteral("0"), item.begin, item.end, i + 1, true, false};
            return std::nullopt;
        }
        case WordType::Ordinal:
            if (groupsBefore > 0 || afterNumber || item.isSecond)
                return std::nullopt;
            return Group{QString::number(item.word.value) + QLatin1String(item.word.suffix), item.begin, item.end, i + 1,
                         false, true};
        case WordType::Unit:
        case WordType::Teen:
        case WordType::Tens:
        case WordType::A:
            return parseCardinal(i);
        default:
            return std::nullopt;
        }
    }

    // Below a hundred from item i: "twenty", "twenty-three", "fifteen", "seven", "twenty third".
    std::optional<Group> parseBelowHundred(int i) const
    {
        if (is(i, WordType::Tens)) {
            if (joined(i + 1) && is(i + 1, WordType::Unit) && m_items[i + 1].word.value > 0)
                return Group{QString::number(m_items[i].word.value + m_items[i + 1].word.value), m_items[i].begin,
                             m_items[i + 1].end, i + 2, false, false};
            if (joined(i + 1) && is(i + 1, WordType::Ordinal) && m_items[i + 1].word.value < 10)
                return Group{QString::number(m_items[i].word.value + m_items[i + 1].word.value)
                                 + QLatin1String(m_items[i + 1].word.suffix),
                             m_items[i].begin, m_items[i + 1].end, i + 2, false, true};
            return Group{QString::number(m_items[i].word.value), m_items[i].begin, m_items[i].end, i + 1, false, false};
        }
        if (is(i, WordType::Teen))
            return Group{QString::number(m_items[i].word.value), m_items[i].begin, m_items[i].end, i + 1, false, false};
        if (is(i, WordType::Unit))
            return Group{QString::number(m_items[i].word.value), m_items[i].begin, m_items[i].end, i + 1, true, false};
        return std::nullopt;
    }

    // What follows "hundred" or "thousand": taken unless it is the first of digits read one
    // by one ("eight hundred five five five" is 800 555, "three hundred five" 305).
    std::optional<Group> parseRemainder(int i, bool explicitAnd) const
    {
        if (!joined(i))
            return std::nullopt;
        if (!explicitAnd && is(i, WordType::Unit) && joined(i + 1) && isNumberWord(i + 1))
            return std::nullopt;
        if (is(i, WordType::Unit) && m_items[i].word.value == 0)
            return std::nullopt;
        return parseBelowHundred(i);
    }

    std::optional<Group> parseCardinal(int i) const
    {
        qint64 total = 0;
        qint64 lastScale = 0;
        int at = i;
        const qsizetype begin = m_items[i].begin;
        qsizetype end = m_items[i].end;
        bool compound = false;
        bool ordinal = false;
        QString suffix;
        bool explicitAnd = false;
        for (bool first = true;; first = false) {
            // One chunk below a thousand: [below100 | a] [hundred [and] [below100]].
            qint64 chunk = 0;
            std::optional<Group> head;
            if (is(at, WordType::A)) {
                if (!joined(at + 1) || !(is(at + 1, WordType::Hundred) || is(at + 1, WordType::Scale)))
                    break;
                chunk = 1;
                end = m_items[at].end;
                ++at;
            } else {
                head = first ? parseBelowHundred(at) : parseRemainder(at, explicitAnd);
                if (!head)
                    break;
                if (head->ordinal) {
                    total += head->digits.chopped(2).toLongLong();
                    suffix = head->digits.right(2);
                    end = head->end;
                    at = head->next;
                    ordinal = true;
                    break;
                }
                chunk = head->digits.toLongLong();
                end = head->end;
                at = head->next;
            }
            explicitAnd = false;
            if (is(at, WordType::Hundred) && joined(at) && chunk > 0 && chunk < 100) {
                chunk *= 100;
                end = m_items[at].end;
                ++at;
                compound = true;
                if (is(at, WordType::And) && joined(at) && joined(at + 1) && isNumberWord(at + 1)) {
                    ++at;
                    explicitAnd = true;
                }
                if (const std::optional<Group> rest = parseRemainder(at, explicitAnd); rest && !rest->ordinal) {
                    chunk += rest->digits.toLongLong();
                    end = rest->end;
                    at = rest->next;
                }
                explicitAnd = false;
            }
            if (is(at, WordType::Scale) && joined(at) && chunk > 0 && (lastScale == 0 || m_items[at].word.value < lastScale)) {
                lastScale = m_items[at].word.value;
                total += chunk * lastScale;
                end = m_items[at].end;
                ++at;
                compound = true;
                if (is(at, WordType::And) && joined(at) && joined(at + 1) && isNumberWord(at + 1)) {
                    ++at;
                    explicitAnd = true;
                }
                continue;
            }
            total += chunk;
            break;
        }
        if (at == i)
            return std::nullopt;
        const bool single = !compound && !ordinal && at == i + 1 && is(i, WordType::Unit);
        return Group{QString::number(total) + suffix, begin, end, at, single, ordinal};
    }

    const QList<Item> &m_items;
};

} // namespace

SpokenText SpokenNumbers::canonical(const QString &text)
{
    SpokenText canonical;
    qsizetype pos = 0;
    bool afterNumber = false;   // the last word was a number: "one third" is no "1 3rd"
    while (pos < text.size()) {
        const bool wordStart = isWordChar(text[pos]) && (pos == 0 || !isWordChar(text[pos - 1]));
        if (!wordStart) {
            if (!text[pos].isSpace())
                afterNumber = false;
            canonical.append(QString(text[pos]), pos, pos + 1);
            ++pos;
            continue;
        }
        const QList<Item> items = collectRun(text, pos);
        RunParser parser(items);
        const QList<Group> groups = items.isEmpty() ? QList<Group>() : parser.parse(afterNumber);
        if (groups.isEmpty()) {
            qsizetype end = pos;
            while (end < text.size() && isWordChar(text[end]))
                ++end;
            canonical.append(text.mid(pos, end - pos), pos, end);
            afterNumber = false;
            pos = end;
            continue;
        }
        for (qsizetype g = 0; g < groups.size(); ++g) {
            const Group &group = groups[g];
            if (g > 0 && group.breakBefore)
                canonical.append(QStringLiteral(" "), groups[g - 1].end, group.begin);
            canonical.append(group.digits, group.begin, group.end);
        }
        afterNumber = true;
        pos = groups.last().end;
    }
    return canonical;
}
