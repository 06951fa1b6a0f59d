#include "redact/accountnumberdetector.h"
#include "redact/bankaccountdetector.h"
#include "redact/creditcarddetector.h"
#include "redact/driverlicensedetector.h"
#include "redact/healthcarenumberdetector.h"
#include "redact/numericalpiidetector.h"
#include "redact/passportnumberdetector.h"
#include "redact/phonenumberdetector.h"
#include "redact/ssndetector.h"
#include "redact/vehicleiddetector.h"

#include <QTest>

#include <algorithm>

// Each row: the call's turns ("A: " the agent, "C: " the caller) and what the detector
// redacts of them, overlapping spans merged as the Redactor merges them.
class TestNumberDetectors : public QObject
{
    Q_OBJECT

private slots:
    void phoneNumber_data();
    void phoneNumber() { check(PhoneNumberDetector(), RedactionKind::PhoneNumber); }
    void creditCard_data();
    void creditCard() { check(CreditCardDetector(), RedactionKind::CreditCard); }
    void ssn_data();
    void ssn() { check(SsnDetector(), RedactionKind::Ssn); }
    void bankAccount_data();
    void bankAccount() { check(BankAccountDetector(), RedactionKind::BankAccount); }
    void accountNumber_data();
    void accountNumber() { check(AccountNumberDetector(), RedactionKind::AccountNumber); }
    void healthcareNumber_data();
    void healthcareNumber() { check(HealthcareNumberDetector(), RedactionKind::HealthcareNumber); }
    void vehicleId_data();
    void vehicleId() { check(VehicleIdDetector(), RedactionKind::VehicleId); }
    void passportNumber_data();
    void passportNumber() { check(PassportNumberDetector(), RedactionKind::PassportNumber); }
    void driverLicense_data();
    void driverLicense() { check(DriverLicenseDetector(), RedactionKind::DriverLicense); }
    void numericalPii_data();
    void numericalPii() { check(NumericalPiiDetector(), RedactionKind::NumericalPii); }

private:
    static void columns();
    static void check(const PiiDetector &detector, RedactionKind kind);
};

void TestNumberDetectors::columns()
{
    QTest::addColumn<QStringList>("turns");
    QTest::addColumn<QStringList>("redacted");
}

void TestNumberDetectors::check(const PiiDetector &detector, RedactionKind kind)
{
    QFETCH(QStringList, turns);
    QFETCH(QStringList, redacted);
    Turns call;
    for (const QString &line : turns) {
        Turn turn;
        turn.role = line.startsWith(QLatin1String("A: ")) ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
        turn.content = line.mid(3);
        call.append(turn);
    }
    RedactionSpans found;
    detector.find(RedactionContext(call), {kind}, found);
    std::sort(found.begin(), found.end(), [](const RedactionSpan &a, const RedactionSpan &b) {
        return std::pair(a.turn, a.begin) < std::pair(b.turn, b.begin);
    });
    RedactionSpans merged;
    for (const RedactionSpan &span : found) {
        QCOMPARE(span.kind, kind);
        if (!merged.isEmpty() && merged.last().turn == span.turn && span.begin < merged.last().end)
            merged.last().end = std::max(merged.last().end, span.end);
        else
            merged.append(span);
    }
    QStringList actual;
    for (const RedactionSpan &span : merged)
        actual.append(call[span.turn].content.mid(span.begin, span.length()));
    QCOMPARE(actual, redacted);
}

using L = QStringList;

void TestNumberDetectors::phoneNumber_data()
{
    columns();
    QTest::newRow("written") << L{"C: You can call me at 415-555-0132 after six."} << L{"415-555-0132"};
    QTest::newRow("written spaced") << L{"C: it's 415 555 0132"} << L{"415 555 0132"};
    QTest::newRow("international") << L{"C: My London number is +44 20 7946 0958."} << L{"+44 20 7946 0958"};
    QTest::newRow("spoken in groups") << L{"C: four one five, five five five, zero one three two"}
                                      << L{"four one five, five five five, zero one three two"};
    QTest::newRow("spoken unpunctuated") << L{"C: sure it's four one five five five five zero one three two thanks"}
                                         << L{"four one five five five five zero one three two"};
    QTest::newRow("spoken toll free") << L{"C: call eight hundred five five five one two one two"}
                                      << L{"eight hundred five five five one two one two"};
    QTest::newRow("seven digits with a cue") << L{"A: What's the best number to reach you?", "C: 555-1234"}
                                             << L{"555-1234"};
    QTest::newRow("possible only with a cue") << L{"C: my cell is 123-456-7890"} << L{"123-456-7890"};
    QTest::newRow("seven digits without a cue") << L{"C: the code on the box was 555-1234"} << L{};
    QTest::newRow("account number is no phone") << L{"C: my account number is 5551234"} << L{};
    QTest::newRow("press one") << L{"A: Press one for sales or two for support."} << L{};
    QTest::newRow("call back") << L{"A: I'll call back in five minutes."} << L{};
    QTest::newRow("pizzas") << L{"C: two large pizzas and three sodas please"} << L{};
    QTest::newRow("groups across turns") << L{"A: What's a good callback number?", "C: 415-555", "A: Okay.", "C: 0132"}
                                         << L{"415-555", "0132"};
    QTest::newRow("spoken groups across turns")
        << L{"C: my number is four one five", "A: mm-hmm", "C: five five five zero one three two"}
        << L{"four one five", "five five five zero one three two"};
    QTest::newRow("order number across turns") << L{"C: my order number is 415", "A: Okay.", "C: 5550132"} << L{};
}

void TestNumberDetectors::creditCard_data()
{
    columns();
    QTest::newRow("written") << L{"C: my card is 4111 1111 1111 1111 thanks"} << L{"4111 1111 1111 1111"};
    QTest::newRow("amex dashed") << L{"C: It's 3782-822463-10005."} << L{"3782-822463-10005"};
    QTest::newRow("no luhn") << L{"C: my card is 4111 1111 1111 1112"} << L{};
    QTest::newRow("spoken")
        << L{"C: four one one one one one one one one one one one one one one one"}
        << L{"four one one one one one one one one one one one one one one one"};
    QTest::newRow("groups across turns")
        << L{"A: Go ahead with the card number.", "C: 5555 5555", "A: Okay.", "C: 5555 4444", "A: Got it, thanks."}
        << L{"5555 5555", "5555 4444"};
    QTest::newRow("spoken groups across turns")
        << L{"A: Card number?", "C: four one one one, one one one one", "A: mm-hmm", "C: one one one one, one one one one"}
        << L{"four one one one, one one one one", "one one one one, one one one one"};
    QTest::newRow("turns that are no card") << L{"C: 5555 5555", "A: Okay.", "C: 5555 4445"} << L{};
    QTest::newRow("expiry written") << L{"A: And the card's expiration date?", "C: 05/27"} << L{"05/27"};
    QTest::newRow("expiry spoken") << L{"A: When does your card expire?", "C: oh five twenty seven"}
                                   << L{"oh five twenty seven"};
    QTest::newRow("expiry without a card") << L{"A: When does your passport expire?", "C: oh five twenty seven"} << L{};
    QTest::newRow("cvv") << L{"A: The CVV on the back, please.", "C: it's 123"} << L{"123"};
    QTest::newRow("security code spoken") << L{"C: the security code is seven three nine"} << L{"seven three nine"};
    QTest::newRow("last four") << L{"A: Can you confirm the last four of the card?", "C: 4444"} << L{"4444"};
    QTest::newRow("small numbers") << L{"C: I'd like two large pizzas, 123 Main Street"} << L{};
}

void TestNumberDetectors::ssn_data()
{
    columns();
    QTest::newRow("written") << L{"C: It's 536-22-1234, I think."} << L{"536-22-1234"};
    QTest::newRow("spaced") << L{"C: 536 22 1234"} << L{"536 22 1234"};
    QTest::newRow("mixed delimiters") << L{"C: 536-22 1234"} << L{};
    QTest::newRow("sample") << L{"C: my social is 123-45-6789"} << L{};
    QTest::newRow("area 666 without a cue") << L{"C: 666-12-3456"} << L{};
    QTest::newRow("area 9xx with a cue") << L{"C: my social security number is 912-34-5678"} << L{"912-34-5678"};
    QTest::newRow("nine digits after the agent's question") << L{"A: And what's your social?", "C: 536221234"}
                                                            << L{"536221234"};
    QTest::newRow("spoken after the agent's question")
        << L{"A: what's your social", "C: five three six two two one two three four"}
        << L{"five three six two two one two three four"};
    QTest::newRow("spoken grouped") << L{"C: my social is five three six, two two, one two three four"}
                                    << L{"five three six, two two, one two three four"};
    QTest::newRow("nine digits without a cue") << L{"C: order 536221234"} << L{};
    QTest::newRow("last four") << L{"A: Can I get the last four of your social?", "C: sure, one two three four"}
                               << L{"one two three four"};
    QTest::newRow("four digits without the cue") << L{"A: What year?", "C: 1985"} << L{};
    QTest::newRow("paused anywhere") << L{"C: my social is six three zero, zero one five eight two five"}
                                     << L{"six three zero, zero one five eight two five"};
    QTest::newRow("groups across turns") << L{"A: And your social security number?", "C: 536-22", "A: Mm-hmm.", "C: 1234"}
                                         << L{"536-22", "1234"};
    QTest::newRow("across turns without a cue") << L{"A: And the zip?", "C: 536-22", "A: Mm-hmm.", "C: 1234"} << L{};
}

void TestNumberDetectors::bankAccount_data()
{
    columns();
    QTest::newRow("routing") << L{"C: the routing number is 021000021"} << L{"021000021"};
    QTest::newRow("routing spoken") << L{"A: What's your routing number?", "C: zero two one zero zero zero zero two one"}
                                    << L{"zero two one zero zero zero zero two one"};
    QTest::newRow("routing without checksum") << L{"C: the routing number is 021000022"} << L{};
    QTest::newRow("iban") << L{"C: My IBAN is GB82 WEST 1234 5698 7654 32."} << L{"GB82 WEST 1234 5698 7654 32"};
    QTest::newRow("iban without the word") << L{"C: send it to DE89370400440532013000 please"}
                                           << L{"DE89370400440532013000"};
    QTest::newRow("iban bad checksum") << L{"C: send it to DE89370400440532013001 please"} << L{};
    QTest::newRow("checking account") << L{"A: And your checking account number?", "C: 12345678901"} << L{"12345678901"};
    QTest::newRow("sort code") << L{"C: sort code 20-00-00"} << L{"20-00-00"};
    QTest::newRow("digits without a bank") << L{"C: my order is 12345678901"} << L{};
}

void TestNumberDetectors::accountNumber_data()
{
    columns();
    QTest::newRow("cue") << L{"C: my account number is 88213457 okay"} << L{"88213457"};
    QTest::newRow("alphanumeric") << L{"C: The order number is A1B2-3456."} << L{"A1B2-3456"};
    QTest::newRow("question") << L{"A: Do you have your confirmation number?", "C: yes, it's QX77812"} << L{"QX77812"};
    QTest::newRow("spoken") << L{"C: my member number is seven seven eight one two"} << L{"seven seven eight one two"};
    QTest::newRow("too short") << L{"C: my account has 2 users"} << L{};
    QTest::newRow("no cue") << L{"C: I'm calling about 88213457"} << L{};
}

void TestNumberDetectors::healthcareNumber_data()
{
    columns();
    QTest::newRow("member id") << L{"C: my member ID is XJH448812"} << L{"XJH448812"};
    QTest::newRow("question") << L{"A: What's the policy number on your insurance card?", "C: W2234 8891"}
                              << L{"W2234 8891"};
    QTest::newRow("mbi") << L{"C: it's 1EG4-TE5-MK73"} << L{"1EG4-TE5-MK73"};
    QTest::newRow("mbi with a forbidden letter") << L{"C: it's 1SG4-TE5-MK73"} << L{};
    QTest::newRow("npi") << L{"C: the doctor's NPI is 1234567893"} << L{"1234567893"};
    QTest::newRow("npi without luhn") << L{"C: the doctor's NPI is 1234567890"} << L{};
    QTest::newRow("nhs") << L{"C: my NHS number is 943 476 5919"} << L{"943 476 5919"};
    QTest::newRow("spoken medicare") << L{"C: my medicare number is one two three four five"} << L{"one two three four five"};
    QTest::newRow("no cue") << L{"C: I take 2 pills at 8"} << L{};
}

void TestNumberDetectors::vehicleId_data()
{
    columns();
    QTest::newRow("vin") << L{"C: the car is 1HGCM82633A004352 I think"} << L{"1HGCM82633A004352"};
    QTest::newRow("vin bad check digit") << L{"C: the car is 1HGCM82634A004352"} << L{};
    QTest::newRow("vin cue") << L{"C: VIN 1HGCM82634A004352"} << L{"1HGCM82634A004352"};
    QTest::newRow("plate") << L{"C: my license plate is 7ABC123"} << L{"7ABC123"};
    QTest::newRow("plate spoken") << L{"A: And the plate?", "C: it's 7ABC one two three"} << L{"7ABC one two three"};
    QTest::newRow("plate without a digit") << L{"C: my plate says HELLO"} << L{};
    QTest::newRow("plate spelled") << L{"C: my license plate is three u l l oh four four"}
                                   << L{"three u l l oh four four"};
    QTest::newRow("plate in nato words") << L{"A: And the plate number?", "C: it's seven alpha bravo charlie one two three"}
                                         << L{"seven alpha bravo charlie one two three"};
    QTest::newRow("vin spelled") << L{"C: the vin is one h g c m eight two six three three a oh oh four three five two"}
                                 << L{"one h g c m eight two six three three a oh oh four three five two"};
    QTest::newRow("a four door") << L{"C: my plate is on a four door sedan"} << L{};
}

void TestNumberDetectors::passportNumber_data()
{
    columns();
    QTest::newRow("us") << L{"C: my passport number is 912803456"} << L{"912803456"};
    QTest::newRow("letter and digits") << L{"A: What's your passport number?", "C: C03005988"} << L{"C03005988"};
    QTest::newRow("spoken") << L{"C: passport nine one two eight zero three four five six"}
                            << L{"nine one two eight zero three four five six"};
    QTest::newRow("no cue") << L{"C: ticket 912803456"} << L{};
    QTest::newRow("year") << L{"C: my passport expires in 2027"} << L{};
    QTest::newRow("letter said as in") << L{"C: my passport number is c as in cat, oh three oh oh five nine eight eight"}
                                       << L{"c as in cat, oh three oh oh five nine eight eight"};
    QTest::newRow("article letter") << L{"A: What's your passport number?", "C: a one two three four five six seven eight"}
                                    << L{"a one two three four five six seven eight"};
}

void TestNumberDetectors::driverLicense_data()
{
    columns();
    QTest::newRow("cue") << L{"C: my driver's license number is D1234567"} << L{"D1234567"};
    QTest::newRow("question") << L{"A: Can I have your DL number?", "C: sure, S530-4128-9901"} << L{"S530-4128-9901"};
    QTest::newRow("dvla") << L{"C: it's MORGA657054SM9IJ"} << L{"MORGA657054SM9IJ"};
    QTest::newRow("spoken") << L{"C: my drivers license is one two three four five six seven"}
                            << L{"one two three four five six seven"};
    QTest::newRow("no cue") << L{"C: I drove 1234567 miles"} << L{};
    QTest::newRow("spelled") << L{"C: my drivers license is d as in david one two three four five six seven"}
                             << L{"d as in david one two three four five six seven"};
}

void TestNumberDetectors::numericalPii_data()
{
    columns();
    QTest::newRow("long run") << L{"C: the number on the letter is 88213457"} << L{"88213457"};
    QTest::newRow("id like") << L{"C: reference AB12345 please"} << L{"AB12345"};
    QTest::newRow("mac") << L{"C: the router is 00:1A:2B:3C:4D:5E"} << L{"00:1A:2B:3C:4D:5E"};
    QTest::newRow("spoken") << L{"C: it's seven seven eight one two nine"} << L{"seven seven eight one two nine"};
    QTest::newRow("money") << L{"C: it cost $12500 or 25000 dollars"} << L{};
    QTest::newRow("spoken quantity") << L{"C: we have twelve thousand five hundred customers"} << L{};
    QTest::newRow("date") << L{"C: on 2024-05-12"} << L{};
    QTest::newRow("decimal") << L{"C: pi is 3.14159"} << L{};
    QTest::newRow("units") << L{"C: back in the 1990s I took 500mg"} << L{};
    QTest::newRow("small") << L{"C: two large pizzas at 7 and 1234 Main"} << L{};
}

QTEST_GUILESS_MAIN(TestNumberDetectors)
#include "tst_numberdetectors.moc"
