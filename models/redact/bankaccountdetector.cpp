#include "bankaccountdetector.h"

#include "numberchecks.h"

QList<RedactionKind> BankAccountDetector::kinds() const
{
    return {RedactionKind::BankAccount};
}

void BankAccountDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::BankAccount))
        return;
    // Written in capitals, whole or in groups of four.
    static const QRegularExpression iban(
        QStringLiteral("(?<![\\w])[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)(?![\\w])"));
    static const QRegularExpression cue(QStringLiteral("bank|checking|savings|routing|\\baba\\b|transit number|iban|"
                                                       "sort code|swift|\\bbic\\b|direct deposit|wire"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sortCode(QStringLiteral("(?<![\\w\\-])\\d{2}([\\- ]?)\\d{2}\\1\\d{2}(?![\\w\\-])"));
    const QString &text = reading.text();
    for (auto matches = iban.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        if (NumberChecks::iban(match.capturedView()))
            reading.add(match, RedactionKind::BankAccount, found);
    }
    for (auto runs = digitRun().globalMatch(text); runs.hasNext();) {
        const QRegularExpressionMatch run = runs.next();
        const QString digits = NumberChecks::digitsOf(run.capturedView());
        if (digits.size() < 8 || digits.size() > 17 || !cue.match(reading.cueBefore(run.capturedStart())).hasMatch())
            continue;
        // A nine-digit number after "routing" must be one; an account number is any 8 to 17 digits.
        const bool routing = reading.cueBefore(run.capturedStart()).contains(u"routing");
        if (digits.size() != 9 || NumberChecks::abaRouting(digits) || !routing)
            reading.add(run, RedactionKind::BankAccount, found);
    }
    static const QRegularExpression sortCodeCue(QStringLiteral("sort code"), QRegularExpression::CaseInsensitiveOption);
    for (auto matches = sortCode.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        if (sortCodeCue.match(reading.cueBefore(match.capturedStart())).hasMatch())
            reading.add(match, RedactionKind::BankAccount, found);
    }
}
