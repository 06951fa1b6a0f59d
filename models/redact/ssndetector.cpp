#include "ssndetector.h"

#include "numberchecks.h"

namespace {

bool isSample(const QString &digits)
{
    static const QStringList samples{QStringLiteral("123456789"), QStringLiteral("987654321"), QStringLiteral("078051120"),
                                     QStringLiteral("219099999")};
    return samples.contains(digits) || digits.count(digits[0]) == digits.size();
}

// What the SSA never issues.
bool isUnissued(const QString &digits)
{
    const QStringView area = QStringView(digits).left(3);
    return area == u"000" || area == u"666" || area.startsWith(u'9') || QStringView(digits).mid(3, 2) == u"00"
        || QStringView(digits).right(4) == u"0000";
}

const QRegularExpression &ssnCue()
{
    static const QRegularExpression cue(QStringLiteral("social|security number|\\bssns?\\b|\\bssid\\b|s s n|tax id|"
                                                       "taxpayer|\\bitin\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    return cue;
}

} // namespace

QList<RedactionKind> SsnDetector::kinds() const
{
    return {RedactionKind::Ssn};
}

void SsnDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Ssn))
        return;
    const QRegularExpression &cue = ssnCue();
    static const QRegularExpression grouped(QStringLiteral("(?<![\\w\\-.])\\d{3}([\\- .])\\d{2}\\1\\d{4}(?![\\w\\-]|\\.\\d)"));
    static const QRegularExpression four(QStringLiteral("(?<![\\w\\-.])\\d{4}(?![\\w\\-]|\\.\\d)"));
    static const QRegularExpression lastFour(QStringLiteral("last (four|4)"), QRegularExpression::CaseInsensitiveOption);
    const QString &text = reading.text();
    for (auto matches = grouped.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        const QString digits = NumberChecks::digitsOf(match.capturedView());
        const bool cued = cue.match(reading.cueBefore(match.capturedStart())).hasMatch();
        if (!isSample(digits) && (cued || !isUnissued(digits)))
            reading.add(match, RedactionKind::Ssn, found);
    }
    // With the cue, nine digits grouped any way: a caller pauses where they like.
    for (auto matches = digitRun().globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        const QString digits = NumberChecks::digitsOf(match.capturedView());
        if (digits.size() == 9 && !isSample(digits) && cue.match(reading.cueBefore(match.capturedStart())).hasMatch())
            reading.add(match, RedactionKind::Ssn, found);
    }
    for (auto matches = four.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        const QString before = reading.cueBefore(match.capturedStart());
        if (lastFour.match(before).hasMatch() && cue.match(before).hasMatch())
            reading.add(match, RedactionKind::Ssn, found);
    }
}

QList<NumberDetector::SplitNumber> SsnDetector::splitNumbers(const QSet<RedactionKind> &wanted) const
{
    if (!wanted.contains(RedactionKind::Ssn))
        return {};
    return {{RedactionKind::Ssn, 9, [](const QString &digits, const QString &cue) {
                 return digits.size() == 9 && !isSample(digits) && ssnCue().match(cue).hasMatch();
             }}};
}
