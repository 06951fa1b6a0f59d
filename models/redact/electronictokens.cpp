#include "electronictokens.h"

#include <QRegularExpression>
#include <QSet>

#include <array>

bool ElectronicTokens::Token::isSpelled() const
{
    static const QRegularExpression spelledWord(QStringLiteral("^([a-z0-9]|[a-z0-9](-[a-z0-9])+)$"));
    return spelledWord.match(word).hasMatch();
}

QString ElectronicTokens::Token::spelled() const
{
    if (!isSpelled())
        return word;
    QString characters = word;
    return characters.remove(QLatin1Char('-'));
}

QList<ElectronicTokens::Token> ElectronicTokens::split(const QString &text)
{
    static const QRegularExpression chunkPattern(QStringLiteral("\\S+"));
    static const QRegularExpression leading(QStringLiteral("^[\"'(\\[<*]+"));
    static const QRegularExpression trailing(QStringLiteral("[\"')\\]>*.,;:!?]+$"));
    QList<Token> tokens;
    for (auto chunks = chunkPattern.globalMatch(text); chunks.hasNext();) {
        const QRegularExpressionMatch chunk = chunks.next();
        const QString raw = chunk.captured();
        const qsizetype skipped = leading.match(raw).capturedLength();
        const QRegularExpressionMatch tail = trailing.match(raw);
        const QString after = tail.captured();
        const qsizetype kept = raw.size() - skipped - after.size();
        if (kept <= 0)
            continue;
        Token token;
        token.begin = chunk.capturedStart() + skipped;
        token.end = token.begin + kept;
        token.word = raw.mid(skipped, kept).toLower();
        token.commaAfter = after.contains(QLatin1Char(','));
        token.sentenceEndAfter = after.contains(QRegularExpression(QStringLiteral("[.;!?]")));
        token.colonAfter = after.contains(QLatin1Char(':'));
        tokens.append(token);
    }
    return tokens;
}

QString ElectronicTokens::digitOf(const QString &word)
{
    static const std::array<const char *, 10> names{"zero", "one", "two", "three", "four",
                                                    "five", "six", "seven", "eight", "nine"};
    for (int digit = 0; digit < int(names.size()); ++digit) {
        if (word == QLatin1String(names[digit]))
            return QString::number(digit);
    }
    if (word == QLatin1String("oh"))
        return QStringLiteral("0");
    return {};
}

bool ElectronicTokens::isCommonWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *common :
             {"a", "an", "the", "i", "i'm", "me", "my", "you", "your", "he", "him", "his", "she", "her", "we", "us", "our",
              "they", "them", "their", "it", "it's", "its", "this", "that", "that's", "these", "those", "there", "here",
              "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "will", "would",
              "can", "could", "should", "and", "or", "but", "so", "if", "then", "to", "of", "in", "on", "at", "for",
              "from", "with", "by", "about", "as", "into", "up", "out", "not", "no", "yes", "yeah", "okay", "ok",
              "please", "thanks", "just", "also", "work", "works", "worked", "working", "job", "look", "looking",
              "check", "go", "going", "went", "find", "found", "online", "email", "e-mail", "mail", "meet", "live",
              "stay", "staying", "shop", "order", "ordered", "buy", "bought", "sign", "signed", "reach", "contact",
              "write", "call", "send", "sent", "open", "opened", "save", "saved", "attached", "upload", "uploaded",
              "download", "downloaded", "called", "named", "file", "site", "website", "page", "link", "address"})
            set.insert(QString::fromLatin1(common));
        return set;
    }();
    return words.contains(word);
}
