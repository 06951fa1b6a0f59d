#include "urldetector.h"

#include "fileextensions.h"
#include "publicsuffix.h"
#include "spokenelectronic.h"

#include <QRegularExpression>

QList<RedactionKind> UrlDetector::kinds() const
{
    return {RedactionKind::Url};
}

void UrlDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Url))
        return;
    static const QRegularExpression url(
        QStringLiteral("(?<![\\w@.\\-/])(?:(?<scheme>(?:https?|ftp)://)|(?<www>www\\.))?"
                       "(?<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]|localhost)"
                       "(?::\\d{1,5})?(?<path>[/?#][^\\s<>\"']*)?(?![\\w@-])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression trailingPunctuation(QStringLiteral("[.,;:!?)\\]]+$"));
    static const QRegularExpression cue(QStringLiteral("\\b(website|web site|site|url|link|web address|domain|page)\\b"));
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const SpokenText canonical = SpokenElectronic::canonical(context.text(turn));
        for (auto matches = url.globalMatch(canonical.text()); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            const qsizetype originalStart = canonical.originalRange(match.capturedStart(), match.capturedEnd()).first;
            const QString host = match.captured(u"host");
            const bool marked = match.hasCaptured(u"scheme") || match.hasCaptured(u"www");
            if (!marked && !PublicSuffix::isRegistrable(host))
                continue;
            if (match.hasCaptured(u"www") && !PublicSuffix::isRegistrable(host))
                continue;
            const QString topLevel = host.mid(host.lastIndexOf(QLatin1Char('.')) + 1);
            if (!marked) {
                // "done.Thanks": a sentence run together, not a host.
                if (topLevel != topLevel.toLower() && host != host.toUpper())
                    continue;
                if (!match.hasCaptured(u"path") && FileExtensions::contains(topLevel)
                    && !cue.match(context.cueBefore(turn, originalStart)).hasMatch())
                    continue;
            }
            const qsizetype end = match.capturedEnd() - trailingPunctuation.match(match.captured()).capturedLength();
            const auto [begin, originalEnd] = canonical.originalRange(match.capturedStart(), end);
            found.append({turn, begin, originalEnd, RedactionKind::Url});
        }
    }
}
