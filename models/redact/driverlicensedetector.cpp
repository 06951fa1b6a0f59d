#include "driverlicensedetector.h"

QList<RedactionKind> DriverLicenseDetector::kinds() const
{
    return {RedactionKind::DriverLicense};
}

void DriverLicenseDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::DriverLicense))
        return;
    static const QRegularExpression dvla(QStringLiteral("(?<![\\w])[A-Z9]{5}\\d{6}[A-Z9]{2}\\d[A-Z]{2}(?![\\w])"));
    for (auto matches = dvla.globalMatch(reading.text()); matches.hasNext();)
        reading.add(matches.next(), RedactionKind::DriverLicense, found);
    static const QRegularExpression cue = pattern(QStringLiteral("driver'?s'? licen[cs]e|driving licen[cs]e|\\bdl\\b|"
                                                                 "licen[cs]e (number|no|id|#)|permit number"));
    findAfterCue(reading, cue, alphanumericRun(), [](QStringView run) {
        const qsizetype characters = run.size() - run.count(u' ') - run.count(u'-');
        return characters >= 5 && characters <= 19;
    }, RedactionKind::DriverLicense, found);
}
