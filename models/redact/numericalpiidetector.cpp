#include "numericalpiidetector.h"

#include "numberchecks.h"

QList<RedactionKind> NumericalPiiDetector::kinds() const
{
    return {RedactionKind::NumericalPii};
}

void NumericalPiiDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::NumericalPii))
        return;
    static const QRegularExpression moneyBefore(QStringLiteral("(?:[$€£¥]|\\b(?:usd|eur|gbp|us dollars?))\\s?$"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quantityAfter(
        QStringLiteral("^\\s?(?:%|percent|dollars?|bucks|cents?|euros?|pounds?|quid|grand|usd|eur|gbp|k\\b|"
                       "(?:people|customers|users|miles|kilometers|km|steps|calories|followers|views|units)\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scale = pattern(QStringLiteral("\\b(hundred|thousand|million|billion)\\b"));
    static const QRegularExpression date(
        QStringLiteral("^(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[.\\-]\\d{1,2}[.\\-](?:\\d{2}|\\d{4}))$"));
    static const QRegularExpression decimal(QStringLiteral("^\\d+\\.\\d+$"));
    const QString &text = reading.text();
    for (auto runs = digitRun().globalMatch(text); runs.hasNext();) {
        const QRegularExpressionMatch run = runs.next();
        if (NumberChecks::digitsOf(run.capturedView()).size() < 5)
            continue;
        const bool money = moneyBefore.match(QStringView(text).left(run.capturedStart())).hasMatch()
            || quantityAfter.match(QStringView(text).mid(run.capturedEnd())).hasMatch();
        const bool said = reading.spoken && reading.originalHas(run.capturedStart(), run.capturedEnd(), scale);
        if (!money && !said && !date.match(run.capturedView()).hasMatch() && !decimal.match(run.capturedView()).hasMatch())
            reading.add(run, RedactionKind::NumericalPii, found);
    }
    static const QRegularExpression idLike(
        QStringLiteral("(?<![\\w\\-])(?=[A-Za-z0-9\\-]*[A-Za-z])(?=(?:[A-Za-z\\-]*\\d){2})"
                       "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){4,}(?![\\w\\-])"));
    static const QRegularExpression unit = pattern(QStringLiteral("^\\d+(?:[a-z]{1,3})$"));
    for (auto matches = idLike.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        if (!unit.match(match.capturedView()).hasMatch())
            reading.add(match, RedactionKind::NumericalPii, found);
    }
    static const QRegularExpression mac(
        QStringLiteral("(?<![\\w:\\-])[0-9A-Fa-f]{2}([:\\-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}(?![\\w:\\-])"));
    for (auto matches = mac.globalMatch(text); matches.hasNext();)
        reading.add(matches.next(), RedactionKind::NumericalPii, found);
}
