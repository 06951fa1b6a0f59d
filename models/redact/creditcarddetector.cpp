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

// A turn's reading with the digit runs it starts and ends with (only punctuation outside).
struct Part
{
    int turn;
    SpokenText view;
    QRegularExpressionMatch run;
};

} // namespace

QList<RedactionKind> CreditCardDetector::kinds() const
{
    return {RedactionKind::CreditCard};
}

void CreditCardDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::CreditCard))
        return;
    NumberDetector::find(context, wanted, found);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (context.isSpeech(turn))
            findAcrossTurns(context, turn, found);
    }
}

void CreditCardDetector::findIn(const Reading &reading, const QSet<RedactionKind> &, RedactionSpans &found) const
{
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

void CreditCardDetector::findAcrossTurns(const RedactionContext &context, int turn, RedactionSpans &found)
{
    static const QRegularExpression trailing(QStringLiteral("\\d(?:[ \\-.]?\\d)*(?=\\W*$)"));
    static const QRegularExpression leading(QStringLiteral("^\\W*\\K\\d(?:[ \\-.]?\\d)*(?![\\w\\-])"));
    for (const SpokenText &start : views(context.text(turn))) {
        QRegularExpressionMatch head = trailing.match(start.text());
        if (!head.hasMatch())
            continue;
        QList<Part> parts{{turn, start, head}};
        QString digits = NumberChecks::digitsOf(head.capturedView());
        // Each next turn continues the number only when it is all digits, or when it starts the
        // last group; at most 19 digits in all.
        for (int next = context.continuationOf(turn); next >= 0 && digits.size() < 19; next = context.continuationOf(next)) {
            bool continued = false;
            for (const SpokenText &view : views(context.text(next))) {
                const QRegularExpressionMatch run = leading.match(view.text());
                if (!run.hasMatch())
                    continue;
                parts.append({next, view, run});
                digits += NumberChecks::digitsOf(run.capturedView());
                continued = true;
                break;
            }
            if (!continued)
                break;
            if (isCardNumber(digits)) {
                for (const Part &part : parts) {
                    const auto [from, to] = part.view.originalRange(part.run.capturedStart(), part.run.capturedEnd());
                    found.append({part.turn, from, to, RedactionKind::CreditCard});
                }
            }
            if (!trailing.match(parts.last().view.text()).hasMatch()
                || trailing.match(parts.last().view.text()).capturedStart() != parts.last().run.capturedStart())
                break;
        }
    }
}
