#include "creditcarddetector.h"

#include "numberchecks.h"

namespace {

const QRegularExpression &cardCue()
{
    static const QRegularExpression cue(QStringLiteral("card|credit|debit|visa|master ?card|amex|american express|"
                                                       "discover|jcb|diners|maestro|\\bcc\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    return cue;
}

bool isCardNumber(const QString &digits)
{
    return digits.size() >= 13 && digits.size() <= 19 && NumberChecks::luhn(digits);
}

} // namespace

QList<RedactionKind> CreditCardDetector::kinds() const
{
    return {RedactionKind::CreditCard};
}

QList<NumberDetector::SplitNumber> CreditCardDetector::splitNumbers(const QSet<RedactionKind> &wanted) const
{
    if (!wanted.contains(RedactionKind::CreditCard))
        return {};
    return {{RedactionKind::CreditCard, 19, [](const QString &digits, const QString &) { return isCardNumber(digits); }}};
}

void CreditCardDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::CreditCard))
        return;
    const QString &text = reading.text();
    for (auto runs = digitRun().globalMatch(text); runs.hasNext();) {
        const QRegularExpressionMatch run = runs.next();
        // Any stretch of whole groups: "4111 1111 1111 1111 05 27" holds a card number.
        static const QRegularExpression group(QStringLiteral("\\d+"));
        QList<QRegularExpressionMatch> groups;
        for (auto each = group.globalMatch(run.captured()); each.hasNext();)
            groups.append(each.next());
        for (qsizetype first = 0; first < groups.size(); ++first) {
            QString digits;
            for (qsizetype last = first; last < groups.size() && digits.size() < 19; ++last) {
                digits += groups[last].captured();
                if (isCardNumber(digits)) {
                    reading.add(run.capturedStart() + groups[first].capturedStart(),
                                run.capturedStart() + groups[last].capturedEnd(), RedactionKind::CreditCard, found);
                }
            }
        }
    }
    // Expiry, security code and last four only where a card is being talked about.
    static const QRegularExpression expiry(QStringLiteral(
        "(?<![\\w/\\-])(?:(?:0?[1-9]|1[0-2]) ?[/\\-] ?(?:20)?\\d{2}|(?:0[1-9]|1[0-2])(?:20)?\\d{2})(?![\\w/\\-])"));
    static const QRegularExpression expiryCue(QStringLiteral("expir|\\bexp\\b|valid (thru|through|until)|good (thru|through)"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression securityCode(QStringLiteral("(?<![\\w\\-])\\d{3,4}(?![\\w\\-])"));
    static const QRegularExpression securityCue(QStringLiteral("cvv|cvc|cid\\b|security code|verification code|"
                                                               "three digits? on the back|digits on the back"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lastFourCue(QStringLiteral("last (four|4)"), QRegularExpression::CaseInsensitiveOption);
    for (auto matches = expiry.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        const QString cue = reading.cueBefore(match.capturedStart());
        if (expiryCue.match(cue).hasMatch() && cardCue().match(reading.cueBefore(match.capturedStart(), 40)).hasMatch())
            reading.add(match, RedactionKind::CreditCard, found);
    }
    for (auto matches = securityCode.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        const QString cue = reading.cueBefore(match.capturedStart());
        const bool lastFour = match.capturedLength() == 4 && lastFourCue.match(cue).hasMatch() && cardCue().match(cue).hasMatch();
        if (securityCue.match(cue).hasMatch() || lastFour)
            reading.add(match, RedactionKind::CreditCard, found);
    }
}
