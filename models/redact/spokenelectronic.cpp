#include "spokenelectronic.h"

#include "electronictokens.h"
#include "fileextensions.h"
#include "publicsuffix.h"
#include "spelledcharacters.h"

#include <QRegularExpression>
#include <QSet>

namespace {

using Token = ElectronicTokens::Token;

// A piece of the canonical text and the token it came from.
struct Piece
{
    QString text;
    int token = 0;
};

// One chain of atoms (words, spelled runs) joined by separator words, as symbols.
struct Chain
{
    int firstToken = 0;
    int endToken = 0;   // one past the last
    QList<Piece> pieces;
    QString text;       // the pieces joined, lower-cased
    bool hasAt = false;
};

// The symbol a separator word stands for, empty for other words.
QString symbolOf(const QString &word)
{
    if (word == QLatin1String("dot") || word == QLatin1String("period") || word == QLatin1String("point"))
        return QStringLiteral(".");
    if (word == QLatin1String("dash") || word == QLatin1String("hyphen"))
        return QStringLiteral("-");
    if (word == QLatin1String("underscore"))
        return QStringLiteral("_");
    if (word == QLatin1String("slash"))
        return QStringLiteral("/");
    if (word == QLatin1String("colon"))
        return QStringLiteral(":");
    if (word == QLatin1String("at"))
        return QStringLiteral("@");
    return {};
}

// Top-level domains that make "dot <tld>" a web address wherever it is said.
bool isCommonTld(const QString &word)
{
    static const QSet<QString> tlds{QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"),
                                    QStringLiteral("edu"), QStringLiteral("gov"), QStringLiteral("io"),
                                    QStringLiteral("co"), QStringLiteral("us"), QStringLiteral("uk"),
                                    QStringLiteral("ca"), QStringLiteral("info"), QStringLiteral("biz"),
                                    QStringLiteral("ai"), QStringLiteral("app"), QStringLiteral("dev")};
    return tlds.contains(word);
}

class ChainReader
{
public:
    ChainReader(const QString &text, const QList<Token> &tokens)
        : m_text(text)
        , m_tokens(tokens)
    {
    }

    // The letter or digit token `index` is when said on its own, empty if it is not one.
    QString spelledAt(int index) const
    {
        const Token &token = m_tokens[index];
        if (token.isSpelled())
            return token.spelled();
        const QString digit = ElectronicTokens::digitOf(token.word);
        if (digit.isEmpty() || token.word != QLatin1String("oh"))
            return digit;
        // "oh" is a zero only beside another digit.
        const auto isDigitAt = [this](int i) {
            return i >= 0 && i < m_tokens.size() && m_tokens[i].word != QLatin1String("oh")
                && !ElectronicTokens::digitOf(m_tokens[i].word).isEmpty();
        };
        return isDigitAt(index - 1) || isDigitAt(index + 1) ? digit : QString();
    }
    bool isSeparator(int index) const { return !symbolOf(m_tokens[index].word).isEmpty(); }
    // Nothing (no sentence end or comma) stands between token `index` and the next.
    bool joinsNext(int index) const { return !m_tokens[index].sentenceEndAfter && !m_tokens[index].commaAfter; }

    // The atom starting at `index` (a word, with the digits said after it, or a spelled run
    // with at most one word after it), appended to `pieces`; the index after it, or `index`.
    int readAtom(int index, QList<Piece> &pieces) const
    {
        int at = index;
        if (at >= m_tokens.size() || isSeparator(at))
            return index;
        if (spelledAt(at).isEmpty()) {
            pieces.append({originalOf(at), at});
            ++at;
            while (at < m_tokens.size() && joinsNext(at - 1) && isDigits(spelledAt(at))) {
                pieces.append({spelledAt(at), at});
                ++at;
            }
            return at;
        }
        pieces.append({spelledAt(at), at});
        ++at;
        // Spelled letters may be read with commas between them ("j, o, h, n").
        while (at < m_tokens.size() && !m_tokens[at - 1].sentenceEndAfter && !spelledAt(at).isEmpty()) {
            pieces.append({spelledAt(at), at});
            ++at;
        }
        if (at < m_tokens.size() && joinsNext(at - 1) && !isSeparator(at) && spelledAt(at).isEmpty()
            && !ElectronicTokens::isCommonWord(m_tokens[at].word)) {
            pieces.append({originalOf(at), at});
            ++at;
        }
        return at;
    }

    // The longest chain that starts with the atom at `index` (endToken == index when there
    // is none). An "at" after an ordinary word ("I work at google dot com") or a second "at"
    // ends it before that word, so the address is read from the word after.
    Chain readChain(int index) const
    {
        Chain chain;
        chain.firstToken = index;
        chain.endToken = readAtom(index, chain.pieces);
        Chain beforeLastAtom = chain;
        beforeLastAtom.endToken = index;
        int lastAtomStart = index;
        while (chain.endToken > index && chain.endToken < m_tokens.size() && joinsNext(chain.endToken - 1)) {
            QList<Piece> separators;
            int at = chain.endToken;
            bool saysAt = false;
            while (at < m_tokens.size() && isSeparator(at) && (at == chain.endToken || joinsNext(at - 1))) {
                const QString symbol = symbolOf(m_tokens[at].word);
                saysAt = saysAt || symbol == QLatin1String("@");
                separators.append({symbol, at});
                ++at;
            }
            if (separators.isEmpty() || at >= m_tokens.size() || !joinsNext(at - 1))
                break;
            QList<Piece> atom;
            const int atomEnd = readAtom(at, atom);
            if (atomEnd == at)
                break;
            if (saysAt) {
                const bool afterWord = chain.endToken - lastAtomStart == 1 && spelledAt(lastAtomStart).isEmpty()
                    && ElectronicTokens::isCommonWord(m_tokens[lastAtomStart].word);
                if (afterWord)
                    break;
                if (chain.hasAt) {
                    chain = beforeLastAtom;
                    break;
                }
                chain.hasAt = true;
            }
            beforeLastAtom = chain;
            lastAtomStart = at;
            chain.pieces += separators;
            chain.pieces += atom;
            chain.endToken = atomEnd;
        }
        for (const Piece &piece : std::as_const(chain.pieces))
            chain.text += piece.text.toLower();
        return chain;
    }

    // Whether the chain is an email address, a URL or a file name said aloud.
    bool isElectronic(const Chain &chain) const
    {
        static const QRegularExpression email(
            QStringLiteral("[a-z0-9]@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9])"));
        if (chain.text.contains(QLatin1String("://")) || chain.text.contains(QLatin1String("www.")))
            return true;
        if (const QRegularExpressionMatch address = email.match(chain.text);
            address.hasMatch() && PublicSuffix::isRegistrable(address.captured(1)))
            return true;
        // "dot com", "dot pdf": only the word "dot", as "point" and "period" are said for other things.
        for (qsizetype i = 0; i + 1 < chain.pieces.size(); ++i) {
            if (m_tokens[chain.pieces[i].token].word != QLatin1String("dot"))
                continue;
            const QString next = atomTextFrom(chain, i + 1).toLower();
            if (isCommonTld(next) || (i + 1 + atomLength(chain, i + 1) == chain.pieces.size() && FileExtensions::isSpoken(next)))
                return true;
        }
        return false;
    }

private:
    static bool isDigits(const QString &text)
    {
        static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
        return digits.match(text).hasMatch();
    }
    QString originalOf(int index) const { return m_text.mid(m_tokens[index].begin, m_tokens[index].end - m_tokens[index].begin); }
    // How many pieces the atom starting at piece `from` has: up to the next separator.
    qsizetype atomLength(const Chain &chain, qsizetype from) const
    {
        qsizetype end = from;
        while (end < chain.pieces.size() && !isSeparator(chain.pieces[end].token))
            ++end;
        return end - from;
    }
    QString atomTextFrom(const Chain &chain, qsizetype from) const
    {
        QString text;
        for (qsizetype i = from; i < from + atomLength(chain, from); ++i)
            text += chain.pieces[i].text;
        return text;
    }
    const QString &m_text;
    const QList<Token> &m_tokens;
};

// The text with its spoken addresses written as symbols.
SpokenText symbolsOf(const QString &text)
{
    const QList<Token> tokens = ElectronicTokens::split(text);
    const ChainReader reader(text, tokens);
    SpokenText canonical;
    qsizetype copied = 0;
    const auto copyUpTo = [&](qsizetype end) {
        for (; copied < end; ++copied)
            canonical.append(QString(text[copied]), copied, copied + 1);
    };
    for (int index = 0; index < tokens.size();) {
        const Chain chain = reader.readChain(index);
        if (chain.endToken <= index) {
            ++index;
            continue;
        }
        if (!reader.isElectronic(chain)) {
            index = chain.endToken;
            continue;
        }
        copyUpTo(tokens[chain.firstToken].begin);
        for (const Piece &piece : chain.pieces)
            canonical.append(piece.text, tokens[piece.token].begin, tokens[piece.token].end);
        copied = tokens[chain.endToken - 1].end;
        index = chain.endToken;
    }
    copyUpTo(text.size());
    return canonical;
}

} // namespace

SpokenText SpokenElectronic::canonical(const QString &text)
{
    // Letters said as words ("n as in nancy", "delta") are read as the letters first.
    const SpokenText letters = SpelledCharacters::lettersSaid(SpokenText::identity(text));
    if (letters.text() == text)
        return symbolsOf(text);
    return SpokenText::through(symbolsOf(letters.text()), letters);
}
