#include "knownvaluedetector.h"

#include <QRegularExpression>

#include <array>

namespace {

struct FieldCue
{
    const char *pattern;   // in the field's name, lower-cased
    RedactionKind kind;
};

// Tried in order: "card_number" is a card before it is a number.
constexpr std::array<FieldCue, 17> fieldCues{{
    {"customer_number", RedactionKind::PhoneNumber},
    {"phone|mobile|cell|tel", RedactionKind::PhoneNumber},
    {"e_?mail", RedactionKind::EmailAddress},
    {"dob|birth", RedactionKind::Dob},
    {"ssn|social", RedactionKind::Ssn},
    {"card|cc_?num", RedactionKind::CreditCard},
    {"iban|routing|bank", RedactionKind::BankAccount},
    {"account|acct|member|policy|order|confirmation", RedactionKind::AccountNumber},
    {"passport", RedactionKind::PassportNumber},
    {"licen[cs]e|dl_", RedactionKind::DriverLicense},
    {"address|street|city|zip|postcode|postal", RedactionKind::Location},
    {"user_?name|login|handle", RedactionKind::Username},
    {"password|passcode|pin\\b|otp", RedactionKind::Password},
    {"doctor|physician|provider_name", RedactionKind::MedicalProfessional},
    {"name", RedactionKind::PersonName},
    {"age\\b", RedactionKind::Age},
    {"vin|plate", RedactionKind::VehicleId},
}};

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

// The value's digits, spaced or grouped any way ("(415) 555-0132"): at least 4 of them,
// each separated from the next by separators only.
QRegularExpression digitPattern(const QString &digits)
{
    QStringList each;
    for (QChar digit : digits)
        each.append(QString(digit));
    return QRegularExpression(QStringLiteral("(?<![0-9])") + each.join(QStringLiteral("[\\s().+\\-/]*"))
                              + QStringLiteral("(?![0-9])"));
}

} // namespace

QList<RedactionKind> KnownValueDetector::kinds() const
{
    return RedactionKinds::all();
}

std::optional<RedactionKind> KnownValueDetector::kindOf(const RedactionContext::KnownValue &known)
{
    // Compiled once: every known value of every call ingested is looked up here.
    static const QList<std::pair<QRegularExpression, RedactionKind>> cues = [] {
        QList<std::pair<QRegularExpression, RedactionKind>> compiled;
        for (const FieldCue &cue : fieldCues)
            compiled.append({QRegularExpression(QString::fromLatin1(cue.pattern)), cue.kind});
        return compiled;
    }();
    const QString field = known.field.toLower();
    for (const auto &[pattern, kind] : cues) {
        if (pattern.match(field).hasMatch())
            return kind;
    }
    if (digitsOf(known.value).size() >= 4)
        return RedactionKind::NumericalPii;
    return std::nullopt;
}

void KnownValueDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    for (const RedactionContext::KnownValue &known : context.knownValues()) {
        const std::optional<RedactionKind> kind = kindOf(known);
        const QString value = known.value.trimmed();
        if (!kind || !wanted.contains(*kind) || value.size() < 2)
            continue;
        const QString digits = digitsOf(value);
        // A number is found by its digits however they are grouped; a text as written.
        const QRegularExpression pattern = digits.size() >= 4 && digits.size() * 2 >= value.size()
            ? digitPattern(digits.size() > 10 && known.field == QLatin1String("customer_number") ? digits.right(10) : digits)
            : QRegularExpression(QStringLiteral("\\b") + QRegularExpression::escape(value) + QStringLiteral("\\b"),
                                 QRegularExpression::CaseInsensitiveOption);
        for (int turn = 0; turn < context.turnCount(); ++turn) {
            if (!context.isSpeech(turn))
                continue;
            for (auto match = pattern.globalMatch(context.text(turn)); match.hasNext();) {
                const QRegularExpressionMatch hit = match.next();
                found.append({turn, hit.capturedStart(), hit.capturedEnd(), *kind});
            }
        }
    }
}
