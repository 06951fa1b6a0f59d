#include "redactionkindnames.h"

QString RedactionKindNames::of(RedactionKind kind)
{
    switch (kind) {
    case RedactionKind::PersonName: return tr("Person name");
    case RedactionKind::Age: return tr("Age");
    case RedactionKind::PhoneNumber: return tr("Phone number");
    case RedactionKind::EmailAddress: return tr("Email address");
    case RedactionKind::Date: return tr("Date");
    case RedactionKind::Time: return tr("Time");
    case RedactionKind::Location: return tr("Location");
    case RedactionKind::Origin: return tr("Origin");
    case RedactionKind::GenderSexuality: return tr("Gender or sexuality");
    case RedactionKind::PhysicalAttribute: return tr("Physical attribute");
    case RedactionKind::Occupation: return tr("Occupation");
    case RedactionKind::Username: return tr("User name");
    case RedactionKind::Password: return tr("Password");
    case RedactionKind::IpAddress: return tr("IP address");
    case RedactionKind::Url: return tr("URL");
    case RedactionKind::Filename: return tr("File name");
    case RedactionKind::Event: return tr("Event");
    case RedactionKind::VehicleId: return tr("Vehicle ID");
    case RedactionKind::Dob: return tr("Date of birth");
    case RedactionKind::HealthcareNumber: return tr("Healthcare number");
    case RedactionKind::MedicalProfessional: return tr("Medical professional");
    case RedactionKind::CreditCard: return tr("Credit card");
    case RedactionKind::AccountNumber: return tr("Account number");
    case RedactionKind::BankAccount: return tr("Bank account");
    case RedactionKind::Money: return tr("Money");
    case RedactionKind::Ssn: return tr("Social Security number");
    case RedactionKind::PassportNumber: return tr("Passport number");
    case RedactionKind::DriverLicense: return tr("Driver's licence number");
    case RedactionKind::NumericalPii: return tr("Other personal number");
    }
    return RedactionKinds::name(kind);
}
