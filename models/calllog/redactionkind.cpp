#include "redactionkind.h"

#include <array>

namespace {

struct KindName
{
    RedactionKind kind;
    const char *name;
    int priority;
};

// In the reference's order. Priorities: 4 checksum or exact format, 3 a cue names the
// kind, 2 a lexicon or grammar, 1 the catch-all.
constexpr std::array<KindName, 29> kinds{{
    {RedactionKind::PersonName, "person_name", 2},
    {RedactionKind::Age, "age", 3},
    {RedactionKind::PhoneNumber, "phone_number", 4},
    {RedactionKind::EmailAddress, "email_address", 4},
    {RedactionKind::Date, "date", 2},
    {RedactionKind::Time, "time", 2},
    {RedactionKind::Location, "location", 2},
    {RedactionKind::Origin, "origin", 2},
    {RedactionKind::GenderSexuality, "gender_sexuality", 2},
    {RedactionKind::PhysicalAttribute, "physical_attribute", 2},
    {RedactionKind::Occupation, "occupation", 2},
    {RedactionKind::Username, "username", 3},
    {RedactionKind::Password, "password", 3},
    {RedactionKind::IpAddress, "ip_address", 4},
    {RedactionKind::Url, "url", 4},
    {RedactionKind::Filename, "filename", 3},
    {RedactionKind::Event, "event", 2},
    {RedactionKind::VehicleId, "vehicle_id", 4},
    {RedactionKind::Dob, "dob", 3},
    {RedactionKind::HealthcareNumber, "healthcare_number", 4},
    {RedactionKind::MedicalProfessional, "medical_professional", 3},
    {RedactionKind::CreditCard, "credit_card", 4},
    {RedactionKind::AccountNumber, "account_number", 3},
    {RedactionKind::BankAccount, "bank_account", 4},
    {RedactionKind::Money, "money", 2},
    {RedactionKind::Ssn, "ssn", 4},
    {RedactionKind::PassportNumber, "passport_number", 3},
    {RedactionKind::DriverLicense, "driver_license", 3},
    {RedactionKind::NumericalPii, "numerical_pii", 1},
}};

const KindName &entry(RedactionKind kind)
{
    return kinds[std::size_t(kind)];
}

} // namespace

namespace RedactionKinds {

const QList<RedactionKind> &all()
{
    static const QList<RedactionKind> list = [] {
        QList<RedactionKind> each;
        for (const KindName &kind : kinds)
            each.append(kind.kind);
        return each;
    }();
    return list;
}

QString name(RedactionKind kind)
{
    return QString::fromLatin1(entry(kind).name);
}

std::optional<RedactionKind> fromName(QStringView name)
{
    for (const KindName &kind : kinds) {
        if (name == QLatin1StringView(kind.name))
            return kind.kind;
    }
    return std::nullopt;
}

QString placeholder(RedactionKind kind)
{
    return QLatin1Char('<') + name(kind).toUpper() + QLatin1Char('>');
}

std::optional<RedactionKind> fromPlaceholder(QStringView text)
{
    if (text.size() < 3 || !text.startsWith(QLatin1Char('<')) || !text.endsWith(QLatin1Char('>')))
        return std::nullopt;
    const QString name = text.sliced(1, text.size() - 2).toString();
    return name == name.toUpper() ? fromName(name.toLower()) : std::nullopt;
}

int priority(RedactionKind kind)
{
    return entry(kind).priority;
}

} // namespace RedactionKinds
