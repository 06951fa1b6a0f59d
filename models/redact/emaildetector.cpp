#include "emaildetector.h"

#include "electronictokens.h"
#include "publicsuffix.h"
#include "spokenelectronic.h"

#include <QRegularExpression>

namespace {

// Words after which the next one or two words are the start of an address said aloud.
bool isEmailCue(const QString &word)
{
    static const QStringList cues{QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("address"),
                                  QStringLiteral("is"), QStringLiteral("it's"), QStringLiteral("its"),
                                  QStringLiteral("to"), QStringLiteral("me")};
    return cues.contains(word);
}

// Where a spoken address said from original character `begin` really starts: before the
// letters spelled just before it, and before up to two words that follow a cue.
qsizetype startBefore(const QString &text, qsizetype begin)
{
    const QList<ElectronicTokens::Token> tokens = ElectronicTokens::split(text);
    int index = int(tokens.size()) - 1;
    while (index >= 0 && tokens[index].end > begin)
        --index;
    const auto adjoins = [&](int i, qsizetype from) {
        return !tokens[i].sentenceEndAfter && text.mid(tokens[i].end, from - tokens[i].end).trimmed().isEmpty();
    };
    for (; index >= 0 && tokens[index].isSpelled() && adjoins(index, begin); --index)
        begin = tokens[index].begin;
    qsizetype wordsBegin = begin;
    for (int words = 0; words < 3 && index >= 0 && adjoins(index, wordsBegin); ++words, --index) {
        if (isEmailCue(tokens[index].word))
            return words > 0 ? wordsBegin : begin;
        if (ElectronicTokens::isCommonWord(tokens[index].word) || tokens[index].commaAfter)
            break;
        wordsBegin = tokens[index].begin;
    }
    return begin;
}

} // namespace

QList<RedactionKind> EmailDetector::kinds() const
{
    return {RedactionKind::EmailAddress};
}

void EmailDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::EmailAddress))
        return;
    static const QRegularExpression address(
        QStringLiteral("(?<![a-z0-9._%+-])([a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?)"
                       "@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9])(?![a-z0-9-]|\\.[a-z0-9])"),
        QRegularExpression::CaseInsensitiveOption);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const SpokenText canonical = SpokenElectronic::canonical(text);
        for (auto matches = address.globalMatch(canonical.text()); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            if (match.captured(1).contains(QLatin1String("..")) || !PublicSuffix::isRegistrable(match.captured(2)))
                continue;
            const auto [begin, end] = canonical.originalRange(match.capturedStart(), match.capturedEnd());
            const bool spoken = text.mid(begin, end - begin) != match.captured();
            found.append({turn, spoken ? startBefore(text, begin) : begin, end, RedactionKind::EmailAddress});
        }
    }
}
