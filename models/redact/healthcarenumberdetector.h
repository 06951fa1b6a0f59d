#pragma once

#include "numberdetector.h"

// healthcare_number (REDACTION.md §2.20): Medicare Beneficiary Identifiers by their 11
// positions anywhere; after a cue (member ID, policy or group number, insurance ID,
// Medicare, Medicaid, MRN, medical record, patient ID, NHS number, subscriber ID), letters
// and digits of at least four characters; an NPI (10 digits, Luhn with 80840) or an NHS
// number (mod 11) after its own cue.
class HealthcareNumberDetector : public NumberDetector
{
public:
    QList<RedactionKind> kinds() const override;

protected:
    void findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
