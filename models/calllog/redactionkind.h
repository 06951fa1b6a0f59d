#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The kinds of personal data the observe endpoint's redact_fields names (29 of them), in
// the reference's order. How each is found: ../shared/design/REDACTION.md.
enum class RedactionKind {
    PersonName,
    Age,
    PhoneNumber,
    EmailAddress,
    Date,
    Time,
    Location,
    Origin,
    GenderSexuality,
    PhysicalAttribute,
    Occupation,
    Username,
    Password,
    IpAddress,
    Url,
    Filename,
    Event,
    VehicleId,
    Dob,
    HealthcareNumber,
    MedicalProfessional,
    CreditCard,
    AccountNumber,
    BankAccount,
    Money,
    Ssn,
    PassportNumber,
    DriverLicense,
    NumericalPii,
};

namespace RedactionKinds {

const QList<RedactionKind> &all();
// The redact_fields name: "credit_card".
QString name(RedactionKind kind);
std::optional<RedactionKind> fromName(QStringView name);
// What replaces a redacted span in the text: "<CREDIT_CARD>", "<PHONE_NUMBER>".
QString placeholder(RedactionKind kind);
// The kind whose placeholder `text` is, whole: "<CREDIT_CARD>" is credit_card.
std::optional<RedactionKind> fromPlaceholder(QStringView text);
// Which label two overlapping spans take (REDACTION.md §1: checksum-backed kinds before
// context-backed ones before lexicons before the generic numerical_pii): higher wins.
int priority(RedactionKind kind);

} // namespace RedactionKinds
