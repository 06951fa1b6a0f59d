#include "filenamedetector.h"

#include "electronictokens.h"
#include "fileextensions.h"
#include "spokenelectronic.h"

#include <QRegularExpression>

namespace {

bool isFileName(const QString &name, const QString &extension)
{
    static const QRegularExpression hasLetter(QStringLiteral("[a-z]"), QRegularExpression::CaseInsensitiveOption);
    static const QStringList domains{QStringLiteral("com"), QStringLiteral("org"), QStringLiteral("net")};
    if (!FileExtensions::contains(extension) || !hasLetter.match(extension).hasMatch() || domains.contains(extension.toLower()))
        return false;
    if (extension.size() == 1)
        return extension == extension.toLower() && name.size() >= 3;
    return true;
}

// Where a file name said from original character `begin` starts: before up to two words
// that are not everyday ones ("quarterly report dot pdf").
qsizetype startBefore(const QString &text, qsizetype begin)
{
    const QList<ElectronicTokens::Token> tokens = ElectronicTokens::split(text);
    int index = int(tokens.size()) - 1;
    while (index >= 0 && tokens[index].end > begin)
        --index;
    for (int words = 0; words < 2 && index >= 0; ++words, --index) {
        const ElectronicTokens::Token &token = tokens[index];
        if (token.sentenceEndAfter || token.commaAfter || ElectronicTokens::isCommonWord(token.word)
            || !text.mid(token.end, begin - token.end).trimmed().isEmpty())
            break;
        begin = token.begin;
    }
    return begin;
}

} // namespace

QList<RedactionKind> FilenameDetector::kinds() const
{
    return {RedactionKind::Filename};
}

void FilenameDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Filename))
        return;
    static const QRegularExpression fileName(
        QStringLiteral("(?<![\\w.@-])(?<name>\\w[\\w-]*(?:\\.[\\w-]+)*)\\.(?<extension>[a-z0-9]{1,10})(?![\\w@-]|\\.\\w)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const SpokenText canonical = SpokenElectronic::canonical(text);
        for (auto matches = fileName.globalMatch(canonical.text()); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            // The last extension decides: "archive.tar.gz" is found whole.
            if (!isFileName(match.captured(u"name"), match.captured(u"extension")))
                continue;
            const auto [begin, end] = canonical.originalRange(match.capturedStart(), match.capturedEnd());
            const bool spoken = text.mid(begin, end - begin) != match.captured();
            found.append({turn, spoken ? startBefore(text, begin) : begin, end, RedactionKind::Filename});
        }
    }
}
