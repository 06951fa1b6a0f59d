#include "ipaddressdetector.h"

#include "spokennumbers.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace {

bool isVersion(const RedactionContext &context, int turn, qsizetype offset)
{
    static const QRegularExpression versionCue(QStringLiteral("\\b(version|ver|v|build|release|firmware|update)\\W*$"));
    return versionCue.match(context.cueBefore(turn, offset, 2)).hasMatch();
}

} // namespace

QList<RedactionKind> IpAddressDetector::kinds() const
{
    return {RedactionKind::IpAddress};
}

void IpAddressDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::IpAddress))
        return;
    // Groups joined by dots, written ("1.2", not a list's "1. 2.") or said ("dot", "point"), of up to three digits.
    static const QRegularExpression ipv4(
        QStringLiteral("(?<![\\w.])(\\d{1,3})(?:(?:\\.|\\s+(?:dot|point)\\s+)(\\d{1,3})){3}"
                       "(?![\\w]|\\.\\d|\\s*(?:dot|point)\\s+\\d)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression separators(QStringLiteral("\\s*(?:dot|point)\\s*"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ipv6(QStringLiteral("(?<![\\w:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\\w:])"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const SpokenText canonical = SpokenNumbers::canonical(text);
        for (auto matches = ipv4.globalMatch(canonical.text()); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            const QString dotted = QString(match.captured()).replace(separators, QStringLiteral("."));
            const auto [begin, end] = canonical.originalRange(match.capturedStart(), match.capturedEnd());
            if (QHostAddress(dotted).protocol() != QAbstractSocket::IPv4Protocol || isVersion(context, turn, begin))
                continue;
            found.append({turn, begin, end, RedactionKind::IpAddress});
        }
        for (auto matches = ipv6.globalMatch(text); matches.hasNext();) {
            const QRegularExpressionMatch match = matches.next();
            // A time ("10:30:15") is no IPv6 address: QHostAddress wants eight groups or a "::".
            if (QHostAddress(match.captured()).protocol() != QAbstractSocket::IPv6Protocol)
                continue;
            found.append({turn, match.capturedStart(), match.capturedEnd(), RedactionKind::IpAddress});
        }
    }
}
