#include "piidetectors.h"

#include "knownvaluedetector.h"
#include "agedetector.h"
#include "datetimedetector.h"
#include "eventdetector.h"
#include "locationdetector.h"
#include "moneydetector.h"
#include "personnamedetector.h"
#include "physicalattributedetector.h"
#include "selfdescriptiondetector.h"
#include "credentialdetector.h"
#include "emaildetector.h"
#include "filenamedetector.h"
#include "ipaddressdetector.h"
#include "urldetector.h"
#include "phonenumberdetector.h"
#include "creditcarddetector.h"
#include "ssndetector.h"
#include "bankaccountdetector.h"
#include "accountnumberdetector.h"
#include "healthcarenumberdetector.h"
#include "vehicleiddetector.h"
#include "passportnumberdetector.h"
#include "driverlicensedetector.h"
#include "numericalpiidetector.h"

namespace PiiDetectors {

const std::vector<std::unique_ptr<PiiDetector>> &all()
{
    static const std::vector<std::unique_ptr<PiiDetector>> detectors = [] {
        std::vector<std::unique_ptr<PiiDetector>> list;
        list.push_back(std::make_unique<KnownValueDetector>());
        list.push_back(std::make_unique<AgeDetector>());
        list.push_back(std::make_unique<DateTimeDetector>());
        list.push_back(std::make_unique<EventDetector>());
        list.push_back(std::make_unique<LocationDetector>());
        list.push_back(std::make_unique<MoneyDetector>());
        list.push_back(std::make_unique<PersonNameDetector>());
        list.push_back(std::make_unique<PhysicalAttributeDetector>());
        list.push_back(std::make_unique<SelfDescriptionDetector>());
        list.push_back(std::make_unique<CredentialDetector>());
        list.push_back(std::make_unique<EmailDetector>());
        list.push_back(std::make_unique<FilenameDetector>());
        list.push_back(std::make_unique<IpAddressDetector>());
        list.push_back(std::make_unique<UrlDetector>());
        list.push_back(std::make_unique<PhoneNumberDetector>());
        list.push_back(std::make_unique<CreditCardDetector>());
        list.push_back(std::make_unique<SsnDetector>());
        list.push_back(std::make_unique<BankAccountDetector>());
        list.push_back(std::make_unique<AccountNumberDetector>());
        list.push_back(std::make_unique<HealthcareNumberDetector>());
        list.push_back(std::make_unique<VehicleIdDetector>());
        list.push_back(std::make_unique<PassportNumberDetector>());
        list.push_back(std::make_unique<DriverLicenseDetector>());
        list.push_back(std::make_unique<NumericalPiiDetector>());
        return list;
    }();
    return detectors;
}

} // namespace PiiDetectors
