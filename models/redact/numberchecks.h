#pragma once

#include <QString>
#include <QStringView>

// The check digits and formats that tell an identifier from any number of its length
// (REDACTION.md §2): Luhn for cards and NPIs, the ABA routing checksum, IBAN mod-97, the
// North American VIN check digit, the Medicare MBI's positions and the NHS mod-11.
class NumberChecks
{
public:
    // The digits of a text, every other character dropped.
    static QString digitsOf(QStringView text);

    static bool luhn(QStringView digits);
    // 9 digits: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
    static bool abaRouting(QStringView digits);
    // Letters, digits and spaces: country, check digits and account, mod 97 = 1.
    static bool iban(QStringView text);
    // 17 characters of [A-HJ-NPR-Z0-9], position 9 the check digit (X for 10).
    static bool vin(QStringView text);
    // 10 digits, Luhn over the prefix 80840 and the number.
    static bool npi(QStringView digits);
    // The Medicare Beneficiary Identifier's 11 positions, dashes allowed.
    static bool mbi(QStringView text);
    // 10 digits, mod-11 check digit.
    static bool nhs(QStringView digits);
};
