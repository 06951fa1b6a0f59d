#include "phonenumberdetector.h"

#include "numberchecks.h"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>

namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

const QRegularExpression &phoneCue()
{
    static const QRegularExpression cue = QRegularExpression(
        QStringLiteral("call ?(me )?back|call me|reach (me|you|him|her)|number is|number to|best number|phone|cell|mobile|"
                       "telephone|text me|contact number|area code|extension|landline|whatsapp"),
        QRegularExpression::CaseInsensitiveOption);
    return cue;
}

// A number the cue is about that is no phone: "my account number is 1234567".
const QRegularExpression &otherNumberCue()
{
    static const QRegularExpression cue = QRegularExpression(
        QStringLiteral("account|order|card|confirmation|member|policy|reference|case|ticket|routing|social|ssn|passport|"
                       "licen[cs]e|zip|pin\\b|code is|tracking|invoice"),
        QRegularExpression::CaseInsensitiveOption);
    return cue;
}

// Digits that may be a phone number on their own: a local, national or +1 number.
bool hasPhoneLength(const QString &digits)
{
    return digits.size() == 7 || digits.size() == 10 || (digits.size() == 11 && digits[0] == u'1');
}

bool isPhoneCue(const QString &cue)
{
    return phoneCue().match(cue).hasMatch() && !otherNumberCue().match(cue).hasMatch();
}

} // namespace

QList<RedactionKind> PhoneNumberDetector::kinds() const
{
    return {RedactionKind::PhoneNumber};
}

void PhoneNumberDetector::findIn(const Reading &reading, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::PhoneNumber))
        return;
    const QString &text = reading.text();
    const QByteArray utf8 = text.toUtf8();
    const std::string bytes(utf8.constData(), size_t(utf8.size()));
    constexpr std::array<const char *, 8> regions{"US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"};
    for (const char *region : regions) {
        const bool home = region == regions.front();
        PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), bytes, region, PhoneNumberMatcher::VALID, 100);
        while (matcher.HasNext()) {
            PhoneNumberMatch match;
            if (!matcher.Next(&match))
                break;
            // The matcher counts UTF-8 bytes.
            const qsizetype begin = QString::fromUtf8(utf8.left(match.start())).size();
            const qsizetype end = begin + QString::fromUtf8(utf8.mid(match.start(), match.length())).size();
            if (home || phoneCue().match(reading.cueBefore(begin)).hasMatch())
                reading.add(begin, end, RedactionKind::PhoneNumber, found);
        }
    }
    for (auto runs = digitRun().globalMatch(text); runs.hasNext();) {
        const QRegularExpressionMatch run = runs.next();
        const QString digits = NumberChecks::digitsOf(run.capturedView());
        if (hasPhoneLength(digits) && isPhoneCue(reading.cueBefore(run.capturedStart())))
            reading.add(run, RedactionKind::PhoneNumber, found);
    }
}

QList<NumberDetector::SplitNumber> PhoneNumberDetector::splitNumbers(const QSet<RedactionKind> &wanted) const
{
    if (!wanted.contains(RedactionKind::PhoneNumber))
        return {};
    // Across turns only a national or +1 number: seven digits in two turns are too often something else.
    return {{RedactionKind::PhoneNumber, 11, [](const QString &digits, const QString &cue) {
                 return digits.size() >= 10 && hasPhoneLength(digits) && isPhoneCue(cue);
             }}};
}
