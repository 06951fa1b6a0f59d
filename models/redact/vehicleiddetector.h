#pragma once

#include "numberdetector.h"

// vehicle_id (REDACTION.md §2.19): 17-character VINs whose check digit (position 9) holds
// anywhere, any 17 after "VIN"; licence plates (2 to 8 letters and digits with a digit,
// one space or hyphen allowed) after plate, tag or registration.
class VehicleIdDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
