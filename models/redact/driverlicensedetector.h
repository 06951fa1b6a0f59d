#pragma once

#include "numberdetector.h"

// driver_license (REDACTION.md §2.28): after a cue (driver's license, driving licence,
// DL, license number, permit number) or in the answer to a question with one, 5 to 19
// letters and digits with a digit; the UK DVLA's 16-character format anywhere.
class DriverLicenseDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
