#include "numberchecks.h"

#include <QRegularExpression>

#include <array>

QString NumberChecks::digitsOf(QStringView text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

bool NumberChecks::luhn(QStringView digits)
{
    if (digits.size() < 2)
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        if (!digits[i].isDigit())
            return false;
        int digit = digits[i].digitValue();
        if (doubled) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool NumberChecks::abaRouting(QStringView digits)
{
    if (digits.size() != 9)
        return false;
    constexpr std::array<int, 3> weights{3, 7, 1};
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        if (!digits[i].isDigit())
            return false;
        sum += weights[i % 3] * digits[i].digitValue();
    }
    return sum % 10 == 0 && NumberChecks::digitsOf(digits) != QLatin1String("000000000");
}

bool NumberChecks::iban(QStringView text)
{
    QString compact;
    for (QChar c : text) {
        if (!c.isSpace())
            compact += c.toUpper();
    }
    static const QRegularExpression format(QStringLiteral("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"));
    if (!format.match(compact).hasMatch())
        return false;
    const QString rearranged = compact.mid(4) + compact.left(4);
    int remainder = 0;
    for (QChar c : rearranged) {
        const int value = c.isDigit() ? c.digitValue() : c.unicode() - 'A' + 10;
        remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
        remainder %= 97;
    }
    return remainder == 1;
}

bool NumberChecks::vin(QStringView text)
{
    static const QRegularExpression format(QStringLiteral("^[A-HJ-NPR-Z0-9]{17}$"));
    const QString upper = text.toString().toUpper();
    if (!format.match(upper).hasMatch())
        return false;
    // Letters stand for digits: A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9.
    constexpr std::array<int, 26> letterValues{1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    constexpr std::array<int, 17> weights{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = upper[i];
        sum += weights[i] * (c.isDigit() ? c.digitValue() : letterValues[c.unicode() - 'A']);
    }
    const int check = sum % 11;
    return upper[8] == (check == 10 ? QLatin1Char('X') : QChar(char16_t(u'0' + check)));
}

bool NumberChecks::npi(QStringView digits)
{
    return digits.size() == 10 && luhn(QString(QStringLiteral("80840") + digits.toString()));
}

bool NumberChecks::mbi(QStringView text)
{
    // C A AN N A AN N A A N N; letters exclude S, L, O, I, B and Z.
    static const QRegularExpression format(QStringLiteral("^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?"
                                                          "[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?"
                                                          "[AC-HJKMNP-RT-Y]{2}[0-9]{2}$"));
    return format.match(text.toString().toUpper()).hasMatch();
}

bool NumberChecks::nhs(QStringView digits)
{
    if (digits.size() != 10)
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        if (!digits[i].isDigit())
            return false;
        sum += digits[i].digitValue() * (10 - i);
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return false;
    return digits[9].digitValue() == (check == 11 ? 0 : check);
}
