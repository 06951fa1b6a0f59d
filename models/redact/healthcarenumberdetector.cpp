#include "healthcarenumberdetector.h"

#include "numberchecks.h"

QList<RedactionKind> HealthcareNumberDetector::kinds() const
{
    return {RedactionKind::HealthcareNumber};
}

void HealthcareNumberDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::HealthcareNumber))
        return;
    static const QRegularExpression mbi(QStringLiteral("(?<![\\w\\-])[1-9][A-Za-z][A-Za-z0-9]\\d-?[A-Za-z][A-Za-z0-9]\\d-?"
                                                       "[A-Za-z]{2}\\d{2}(?![\\w\\-])"));
    const QString &text = reading.text();
    for (auto matches = mbi.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        if (NumberChecks::mbi(match.capturedView()))
            reading.add(match, RedactionKind::HealthcareNumber, found);
    }
    static const QRegularExpression cue = pattern(
        QStringLiteral("member id|member number|policy|group number|insurance|medicare|medicaid|\\bmrn\\b|medical record|"
                       "patient id|patient number|subscriber|health plan|beneficiary"));
    findAfterCue(reading, cue, alphanumericRun(), [](QStringView run) {
        int characters = 0;
        for (QChar c : run)
            characters += c.isLetterOrNumber() ? 1 : 0;
        return characters >= 4;
    }, RedactionKind::HealthcareNumber, found);
    static const QRegularExpression npiCue = pattern(QStringLiteral("\\bnpi\\b|national provider|provider (id|number)"));
    findAfterCue(reading, npiCue, digitRun(), [](QStringView run) { return NumberChecks::npi(NumberChecks::digitsOf(run)); },
                 RedactionKind::HealthcareNumber, found);
    static const QRegularExpression nhsCue = pattern(QStringLiteral("\\bnhs\\b"));
    findAfterCue(reading, nhsCue, digitRun(), [](QStringView run) { return NumberChecks::nhs(NumberChecks::digitsOf(run)); },
                 RedactionKind::HealthcareNumber, found);
}
