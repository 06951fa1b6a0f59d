#include "spelledcharacters.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace {

// One word of the view and what it spells: letters, digits or nothing.
struct Token
{
    qsizetype begin = 0;   // in the view
    qsizetype end = 0;
    QString spelled;       // "D", "044"; empty when the word spells nothing
    bool letter = false;
    bool articleOrPronoun = false;   // "a" or "i", a letter only beside another letter
    enum class Said { Itself, Nato, Explained } said = Said::Itself;   // "d", "delta", "d as in david"
};

QChar natoLetter(const QString &word)
{
    static const QHash<QString, QChar> letters = [] {
        QHash<QString, QChar> map;
        const char *words[] = {"alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
                               "juliet", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec",
                               "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "whisky", "x-ray", "xray",
                               "yankee", "zulu"};
        for (const char *word : words)
            map.insert(QString::fromLatin1(word), QChar(QLatin1Char(word[0])).toUpper());
        return map;
    }();
    return letters.value(word);
}

bool isSingleLetter(const QString &word)
{
    return word.size() == 1 && word.at(0).isLetter() && word.at(0).unicode() < 128;
}

// The words of `text` with what each spells on its own; "as in", "capital" and "double" are
// read with the words around them in tokens().
QList<Token> words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z0-9][A-Za-z0-9'\\-]*"));
    QList<Token> tokens;
    for (auto matches = word.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        Token token{match.capturedStart(), match.capturedEnd(), {}, false, false, Token::Said::Itself};
        const QString lower = match.captured().toLower();
        if (isSingleLetter(lower)) {
            token.spelled = lower.toUpper();
            token.letter = true;
            token.articleOrPronoun = lower == QLatin1String("a") || lower == QLatin1String("i");
        } else if (const QChar nato = natoLetter(lower); !nato.isNull()) {
            token.spelled = nato;
            token.letter = true;
            token.said = Token::Said::Nato;
        } else if (std::all_of(lower.cbegin(), lower.cend(), [](QChar c) { return c.isDigit(); })) {
            token.spelled = lower;
        } else if (lower == QLatin1String("oh")) {
            // Zero, which SpokenNumbers reads only among number words: "v i n is oh m oh h".
            token.spelled = QStringLiteral("0");
        }
        tokens.append(token);
    }
    return tokens;
}

// Only blanks, one comma and hyphens between two words of a run; a period ends it ("plan b. One more").
bool onlySeparators(QStringView between)
{
    return std::all_of(between.cbegin(), between.cend(), [](QChar c) { return c.isSpace() || c == u',' || c == u'-'; })
           && between.count(u',') <= 1;
}

// Folds "B as in boy" into B, "capital x" into X and "double d" into DD.
QList<Token> tokens(const QString &text)
{
    const QList<Token> all = words(text);
    const auto wordAt = [&](qsizetype i) { return text.mid(all[i].begin, all[i].end - all[i].begin).toLower(); };
    QList<Token> folded;
    for (qsizetype i = 0; i < all.size(); ++i) {
        Token token = all[i];
        const QString word = wordAt(i);
        const int times = word == QLatin1String("double") ? 2 : word == QLatin1String("triple") ? 3 : 1;
        if ((times > 1 || word == QLatin1String("capital")) && i + 1 < all.size() && all[i + 1].letter
            && !all[i + 1].articleOrPronoun) {
            token.spelled = all[i + 1].spelled.repeated(times);
            token.letter = true;
            token.said = Token::Said::Explained;
            token.end = all[++i].end;
        }
        if (token.letter && i + 3 < all.size() && wordAt(i + 1) == QLatin1String("as") && wordAt(i + 2) == QLatin1String("in")) {
            token.articleOrPronoun = false;
            token.said = Token::Said::Explained;
            token.end = all[i + 3].end;
            i += 3;
        }
        folded.append(token);
    }
    return folded;
}

// The last token of the run of spelling tokens from `first`, with only separators between.
qsizetype runEnd(const QString &text, const QList<Token> &all, qsizetype first)
{
    qsizetype last = first;
    if (all[first].spelled.isEmpty())
        return last;
    while (last + 1 < all.size() && !all[last + 1].spelled.isEmpty()
           && onlySeparators(QStringView(text).mid(all[last].end, all[last + 1].begin - all[last].end)))
        ++last;
    return last;
}

// Copies `view` into a new SpokenText piece by piece, each character keeping its original range.
class Rewriter
{
public:
    explicit Rewriter(const SpokenText &view)
        : m_view(view)
    {
    }
    void copyTo(qsizetype end)
    {
        for (; m_copied < end; ++m_copied) {
            const auto [from, to] = m_view.originalRange(m_copied, m_copied + 1);
            m_out.append(m_view.text().mid(m_copied, 1), from, to);
        }
    }
    // Writes `text` for view characters [begin, end).
    void replace(qsizetype begin, qsizetype end, const QString &text)
    {
        copyTo(begin);
        const auto [from, to] = m_view.originalRange(begin, end);
        m_out.append(text, from, to);
        m_copied = end;
        m_changed = true;
    }
    // Drops view characters up to `end` (the blanks inside a joined run).
    void skipTo(qsizetype end) { m_copied = end; }
    SpokenText finished()
    {
        if (!m_changed)
            return m_view;
        copyTo(m_view.text().size());
        return std::move(m_out);
    }

private:
    const SpokenText &m_view;
    SpokenText m_out;
    qsizetype m_copied = 0;
    bool m_changed = false;
};

} // namespace

SpokenText SpelledCharacters::lettersSaid(const SpokenText &view)
{
    const QString &text = view.text();
    const QList<Token> all = tokens(text);
    Rewriter out(view);
    for (qsizetype first = 0; first < all.size();) {
        const qsizetype last = runEnd(text, all, first);
        for (qsizetype i = first; i <= last; ++i) {
            const Token &token = all[i];
            // A NATO word alone is a word ("delta dot com", "mike at …").
            const bool fold = token.said == Token::Said::Explained || (token.said == Token::Said::Nato && last > first);
            if (fold)
                out.replace(token.begin, token.end, token.spelled.toLower().split(QString(), Qt::SkipEmptyParts).join(u' '));
        }
        first = last + 1;
    }
    return out.finished();
}

SpokenText SpelledCharacters::joined(const SpokenText &view)
{
    const QString &text = view.text();
    const QList<Token> all = tokens(text);
    Rewriter out(view);
    for (qsizetype first = 0; first < all.size();) {
        const qsizetype last = runEnd(text, all, first);
        // "a"/"i" at a run's edge is a word unless a spelled letter stands beside it or the rest is
        // as long as an ID: "is a 4 door", but "a one two three four five six seven eight".
        qsizetype begin = first;
        qsizetype end = last;
        const auto isLetterAt = [&](qsizetype neighbour) {
            return neighbour >= begin && neighbour <= end && all[neighbour].letter && !all[neighbour].articleOrPronoun;
        };
        const auto restIsLong = [&](qsizetype from, qsizetype to) {
            qsizetype characters = 0;
            for (qsizetype i = from; i <= to; ++i)
                characters += all[i].spelled.size();
            return characters >= 4;
        };
        while (begin <= end && all[begin].articleOrPronoun && !isLetterAt(begin + 1) && !restIsLong(begin + 1, end))
            ++begin;
        while (end >= begin && all[end].articleOrPronoun && !isLetterAt(end - 1) && !restIsLong(begin, end - 1))
            --end;
        bool letters = false;
        bool digits = false;
        for (qsizetype i = begin; i <= end; ++i) {
            letters = letters || all[i].letter;
            digits = digits || !all[i].letter;
        }
        if (end > begin && letters && digits) {
            for (qsizetype i = begin; i <= end; ++i) {
                out.replace(all[i].begin, all[i].end, all[i].spelled);
                if (i < end)
                    out.skipTo(all[i + 1].begin);
            }
        }
        first = last + 1;
    }
    return out.finished();
}
