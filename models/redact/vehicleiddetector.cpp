#include "vehicleiddetector.h"

#include "numberchecks.h"

QList<RedactionKind> VehicleIdDetector::kinds() const
{
    return {RedactionKind::VehicleId};
}

void VehicleIdDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::VehicleId))
        return;
    static const QRegularExpression vin(QStringLiteral("(?<![\\w\\-])(?=[A-Za-z]*\\d)[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![\\w\\-])"));
    static const QRegularExpression vinCue = pattern(QStringLiteral("\\bvin\\b|vehicle identification|chassis"));
    const QString &text = reading.text();
    for (auto matches = vin.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        if (NumberChecks::vin(match.capturedView()) || vinCue.match(reading.cueBefore(match.capturedStart())).hasMatch())
            reading.add(match, RedactionKind::VehicleId, found);
    }
    static const QRegularExpression plateCue = pattern(QStringLiteral("\\bplates?\\b|\\btag (number|is)|registration|\\breg\\b"));
    findAfterCue(reading, plateCue, alphanumericRun(), [](QStringView run) {
        const qsizetype characters = run.size() - run.count(u' ') - run.count(u'-');
        return characters >= 2 && characters <= 8;
    }, RedactionKind::VehicleId, found);
}
