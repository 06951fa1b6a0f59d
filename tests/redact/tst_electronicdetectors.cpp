// Email addresses, URLs, IP addresses, file names, user names and passwords, as written and
// as said: each case checks exactly what would be redacted, so neighbouring words survive.
#include "redact/credentialdetector.h"
#include "redact/emaildetector.h"
#include "redact/filenamedetector.h"
#include "redact/ipaddressdetector.h"
#include "redact/urldetector.h"

#include <QtTest>

#include <memory>

class TestElectronicDetectors : public QObject
{
    Q_OBJECT

private slots:
    void email_data();
    void email();
    void url_data();
    void url();
    void ipAddress_data();
    void ipAddress();
    void filename_data();
    void filename();
    void username_data();
    void username();
    void password_data();
    void password();
    void ordinarySpeechSurvives_data();
    void ordinarySpeechSurvives();

private:
    static void addColumns();
    // The redacted substrings of the caller's `answer` (after the agent's `question`, if any).
    static QStringList found(const PiiDetector &detector, RedactionKind kind, const QString &question, const QString &answer);
    static void check(const PiiDetector &detector, RedactionKind kind);
};

void TestElectronicDetectors::addColumns()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QStringList>("expected");
}

QStringList TestElectronicDetectors::found(const PiiDetector &detector, RedactionKind kind, const QString &question,
                                           const QString &answer)
{
    Turns turns;
    if (!question.isEmpty()) {
        Turn asked;
        asked.role = Turn::Role::MainAgent;
        asked.content = question;
        turns.append(asked);
    }
    Turn said;
    said.role = Turn::Role::TestingAgent;
    said.content = answer;
    turns.append(said);
    const RedactionContext context(turns);
    RedactionSpans spans;
    detector.find(context, {kind}, spans);
    QStringList texts;
    for (const RedactionSpan &span : std::as_const(spans)) {
        if (span.kind != kind)
            return {QStringLiteral("wrong kind: ") + RedactionKinds::name(span.kind)};
        texts.append(turns[span.turn].content.mid(span.begin, span.length()));
    }
    return texts;
}

void TestElectronicDetectors::check(const PiiDetector &detector, RedactionKind kind)
{
    QFETCH(QString, question);
    QFETCH(QString, answer);
    QFETCH(QStringList, expected);
    QCOMPARE(found(detector, kind, question, answer), expected);
}

void TestElectronicDetectors::email_data()
{
    addColumns();
    QTest::newRow("written") << QString() << "You can reach me at maria@example.com." << QStringList{"maria@example.com"};
    QTest::newRow("written, plus and subdomain")
        << QString() << "Send it to j.smith+bills@mail.example.co.uk please" << QStringList{"j.smith+bills@mail.example.co.uk"};
    QTest::newRow("spoken") << QString() << "maria at example dot com" << QStringList{"maria at example dot com"};
    QTest::newRow("spoken, spelled letters")
        << QString() << "my email is j o h n dot smith at gmail dot com" << QStringList{"j o h n dot smith at gmail dot com"};
    QTest::newRow("spoken, underscore") << QString() << "it's maria underscore lopez at outlook dot com thanks"
                                        << QStringList{"maria underscore lopez at outlook dot com"};
    QTest::newRow("spoken, letters with commas")
        << "What's your email?" << "Sure, it's m, a, r, i, a at yahoo dot com." << QStringList{"m, a, r, i, a at yahoo dot com"};
    QTest::newRow("spoken, letters before a word")
        << QString() << "it's s m i t h j at icloud dot com" << QStringList{"s m i t h j at icloud dot com"};
    QTest::newRow("spoken, two words after a cue")
        << QString() << "send it to maria lopez at gmail dot com" << QStringList{"maria lopez at gmail dot com"};
    QTest::newRow("spoken, digits") << QString() << "it's john one two three at hotmail dot com"
                                    << QStringList{"john one two three at hotmail dot com"};
    QTest::newRow("half written") << QString() << "Maria at example.com, yes." << QStringList{"Maria at example.com"};
    QTest::newRow("not an appointment") << QString() << "meet me at the front desk at ten" << QStringList{};
    QTest::newRow("not a time") << QString() << "I'll be there at noon" << QStringList{};
    QTest::newRow("a workplace is no address") << QString() << "I work at google dot com" << QStringList{};
    QTest::newRow("unknown top-level domain") << QString() << "write to maria@example.notatld" << QStringList{};
    QTest::newRow("no domain") << QString() << "the admin@localhost account" << QStringList{};
    QTest::newRow("a point made") << QString() << "that's a good point at last" << QStringList{};
}

void TestElectronicDetectors::email()
{
    check(EmailDetector(), RedactionKind::EmailAddress);
}

void TestElectronicDetectors::url_data()
{
    addColumns();
    QTest::newRow("scheme and path") << QString() << "Go to https://portal.example.com/reset?id=42 now"
                                     << QStringList{"https://portal.example.com/reset?id=42"};
    QTest::newRow("www") << QString() << "visit www.example.org." << QStringList{"www.example.org"};
    QTest::newRow("bare domain with a path")
        << QString() << "the site is example.co.uk/help" << QStringList{"example.co.uk/help"};
    QTest::newRow("spoken www") << QString() << "go to w w w dot example dot com slash pricing"
                                << QStringList{"w w w dot example dot com slash pricing"};
    QTest::newRow("spoken scheme") << QString() << "type h t t p s colon slash slash acme dot io and log in"
                                   << QStringList{"h t t p s colon slash slash acme dot io"};
    QTest::newRow("spoken dot com") << QString() << "our website is acme dot com okay" << QStringList{"acme dot com"};
    QTest::newRow("file name with a cue") << QString() << "the link is clips.zip" << QStringList{"clips.zip"};
    QTest::newRow("version") << QString() << "we run version 2.1.3 here" << QStringList{};
    QTest::newRow("email domain") << QString() << "maria@example.com" << QStringList{};
    QTest::newRow("sentences run together") << QString() << "I'm done.Thanks for calling" << QStringList{};
    QTest::newRow("file name") << QString() << "I saved it as clips.zip" << QStringList{};
    QTest::newRow("dot the i's") << QString() << "you have to dot the i's" << QStringList{};
    QTest::newRow("a point") << QString() << "that's a good point" << QStringList{};
}

void TestElectronicDetectors::url()
{
    check(UrlDetector(), RedactionKind::Url);
}

void TestElectronicDetectors::ipAddress_data()
{
    addColumns();
    QTest::newRow("IPv4") << QString() << "my IP is 192.168.1.10." << QStringList{"192.168.1.10"};
    QTest::newRow("IPv6") << QString() << "it shows 2001:db8::8a2e:370:7334 there" << QStringList{"2001:db8::8a2e:370:7334"};
    QTest::newRow("spoken") << QString() << "it's one ninety two dot one sixty eight dot one dot ten"
                            << QStringList{"one ninety two dot one sixty eight dot one dot ten"};
    QTest::newRow("spoken with zeros") << QString() << "try ten dot zero dot zero dot one please"
                                       << QStringList{"ten dot zero dot zero dot one"};
    QTest::newRow("three groups") << QString() << "version 2.1.3" << QStringList{};
    QTest::newRow("version cue") << QString() << "update to version 1.2.0.4 first" << QStringList{};
    QTest::newRow("group over 255") << QString() << "it says 300.1.1.1" << QStringList{};
    QTest::newRow("time") << QString() << "the call came at 10:30:15" << QStringList{};
    QTest::newRow("a numbered list") << QString() << "steps 1. 2. 3. 4. done" << QStringList{};
    QTest::newRow("a decimal") << QString() << "it was one point five" << QStringList{};
}

void TestElectronicDetectors::ipAddress()
{
    check(IpAddressDetector(), RedactionKind::IpAddress);
}

void TestElectronicDetectors::filename_data()
{
    addColumns();
    QTest::newRow("written") << QString() << "I attached scan_0042.pdf yesterday" << QStringList{"scan_0042.pdf"};
    QTest::newRow("double extension") << QString() << "restore archive.tar.gz first" << QStringList{"archive.tar.gz"};
    QTest::newRow("spoken") << QString() << "send me the quarterly report dot pdf" << QStringList{"quarterly report dot pdf"};
    QTest::newRow("spoken, spelled extension") << QString() << "it's budget underscore final dot x l s x"
                                               << QStringList{"budget underscore final dot x l s x"};
    QTest::newRow("a.m.") << QString() << "at 9 a.m. tomorrow" << QStringList{};
    QTest::newRow("e.g.") << QString() << "a form, e.g. the blue one" << QStringList{};
    QTest::newRow("web domain") << QString() << "go to example.com" << QStringList{};
    QTest::newRow("Ph.D.") << QString() << "she has a Ph.D. in it" << QStringList{};
    QTest::newRow("dot the i's") << QString() << "you have to dot the i's" << QStringList{};
    QTest::newRow("version") << QString() << "version 2.1.3" << QStringList{};
    QTest::newRow("a point") << QString() << "that's a good point" << QStringList{};
}

void TestElectronicDetectors::filename()
{
    check(FilenameDetector(), RedactionKind::Filename);
}

void TestElectronicDetectors::username_data()
{
    addColumns();
    QTest::newRow("written, to a pause word")
        << QString() << "My username is jsmith42 and my password is hunter2" << QStringList{"jsmith42"};
    QTest::newRow("written, colon") << QString() << "username: maria_lopez, thanks" << QStringList{"maria_lopez"};
    QTest::newRow("answer, spelled") << "What's your user ID?" << "sure it's j s m i t h four two"
                                     << QStringList{"j s m i t h four two"};
    QTest::newRow("spoken, letter and word")
        << QString() << "my login is m lopez eighty five" << QStringList{"m lopez eighty five"};
    QTest::newRow("screen name") << QString() << "my screen name is CoolCat99." << QStringList{"CoolCat99"};
    QTest::newRow("forgotten") << QString() << "I forgot my username." << QStringList{};
    QTest::newRow("not working") << QString() << "my username is not working" << QStringList{};
    QTest::newRow("no answer") << "What's your user ID?" << "I don't remember it" << QStringList{};
    QTest::newRow("a verb") << QString() << "could you handle that for me" << QStringList{};
    QTest::newRow("a statement, not a question") << "Your username was reset." << "great thank you" << QStringList{};
}

void TestElectronicDetectors::username()
{
    check(CredentialDetector(), RedactionKind::Username);
}

void TestElectronicDetectors::password_data()
{
    addColumns();
    QTest::newRow("written, symbols kept") << QString() << "my password is hunter2!" << QStringList{"hunter2!"};
    QTest::newRow("written, colon") << QString() << "password: Tr0ub4dor&3. Got it?" << QStringList{"Tr0ub4dor&3"};
    QTest::newRow("spoken pin") << QString() << "my pin is four three two one" << QStringList{"four three two one"};
    QTest::newRow("written pin") << QString() << "PIN 4821 please" << QStringList{"4821"};
    QTest::newRow("answer, verification code")
        << "Can you read me the verification code?" << "yeah it's eight two nine one five four"
        << QStringList{"eight two nine one five four"};
    QTest::newRow("one-time code") << QString() << "the one time code is 552913" << QStringList{"552913"};
    QTest::newRow("passphrase") << QString() << "my passphrase is purple monkey dishwasher seven"
                                << QStringList{"purple monkey dishwasher seven"};
    QTest::newRow("after a user name") << QString() << "username jsmith42 and password is hunter two"
                                       << QStringList{"hunter two"};
    QTest::newRow("forgotten") << QString() << "I forgot my password." << QStringList{};
    QTest::newRow("not correct") << QString() << "your password is not correct" << QStringList{};
    QTest::newRow("bowling pin") << QString() << "knock down the bowling pin" << QStringList{};
    QTest::newRow("pin with one digit") << QString() << "that's pin 7 on the map" << QStringList{};
    QTest::newRow("reset") << QString() << "I need to reset my password please" << QStringList{};
    QTest::newRow("waiting") << "What's the passcode?" << "one second" << QStringList{};
}

void TestElectronicDetectors::password()
{
    check(CredentialDetector(), RedactionKind::Password);
}

void TestElectronicDetectors::ordinarySpeechSurvives_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text : {"meet me at the front desk", "that's a good point", "we are on version 2.1.3", "dot the i's",
                             "two large pizzas", "press one", "I'll be there in five minutes", "I'll be there at noon",
                             "meet at ten", "the point is we're done at five"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void TestElectronicDetectors::ordinarySpeechSurvives()
{
    QFETCH(QString, text);
    const std::unique_ptr<PiiDetector> detectors[] = {std::make_unique<EmailDetector>(), std::make_unique<UrlDetector>(),
                                                      std::make_unique<IpAddressDetector>(),
                                                      std::make_unique<FilenameDetector>(),
                                                      std::make_unique<CredentialDetector>()};
    for (const auto &detector : detectors) {
        for (RedactionKind kind : detector->kinds())
            QCOMPARE(found(*detector, kind, QString(), text), QStringList{});
    }
}

QTEST_GUILESS_MAIN(TestElectronicDetectors)
#include "tst_electronicdetectors.moc"
