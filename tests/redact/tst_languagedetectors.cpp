#include "redact/agedetector.h"
#include "redact/datetimedetector.h"
#include "redact/eventdetector.h"
#include "redact/locationdetector.h"
#include "redact/moneydetector.h"
#include "redact/personnamedetector.h"
#include "redact/physicalattributedetector.h"
#include "redact/selfdescriptiondetector.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

// The cue, grammar and lexicon detectors, each kind on written (provider) and spoken
// (PocketSphinx, lower case, number words) sentences: the exact text each would redact in the
// caller's last turn, and the ordinary words that must survive.
class TestLanguageDetectors : public QObject
{
    Q_OBJECT

private slots:
    void redacts_data();
    void redacts();
    void onlyWantedKinds();
    void medicalProfessionalInsteadOfPersonName();

private:
    static Turns turnsOf(const QStringList &lines);
    static QStringList redacted(RedactionKind kind, const QStringList &lines);
};

Turns TestLanguageDetectors::turnsOf(const QStringList &lines)
{
    // "agent: ..." is the Main Agent; every other line is the caller (the Testing Agent).
    Turns turns;
    for (const QString &line : lines) {
        Turn turn;
        const bool agent = line.startsWith(QLatin1String("agent: "));
        turn.role = agent ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
        turn.content = agent ? line.mid(7) : line;
        turns.append(turn);
    }
    return turns;
}

// The texts of the last turn that the detectors' spans of `kind` cover, overlaps merged as the Redactor merges them.
QStringList TestLanguageDetectors::redacted(RedactionKind kind, const QStringList &lines)
{
    std::vector<std::unique_ptr<PiiDetector>> detectors;
    detectors.push_back(std::make_unique<AgeDetector>());
    detectors.push_back(std::make_unique<DateTimeDetector>());
    detectors.push_back(std::make_unique<EventDetector>());
    detectors.push_back(std::make_unique<LocationDetector>());
    detectors.push_back(std::make_unique<MoneyDetector>());
    detectors.push_back(std::make_unique<PersonNameDetector>());
    detectors.push_back(std::make_unique<PhysicalAttributeDetector>());
    detectors.push_back(std::make_unique<SelfDescriptionDetector>());
    const RedactionContext context(turnsOf(lines));
    RedactionSpans spans;
    for (const auto &detector : detectors) {
        if (detector->kinds().contains(kind))
            detector->find(context, {kind}, spans);
    }
    const int last = context.turnCount() - 1;
    RedactionSpans mine;
    for (const RedactionSpan &span : spans) {
        if (span.turn == last && span.kind == kind)
            mine.append(span);
    }
    std::sort(mine.begin(), mine.end(), [](const RedactionSpan &a, const RedactionSpan &b) { return a.begin < b.begin; });
    QStringList texts;
    qsizetype end = -1;
    qsizetype begin = -1;
    const QString &text = context.text(last);
    for (const RedactionSpan &span : mine) {
        if (span.begin <= end) {
            end = std::max(end, span.end);
            continue;
        }
        if (begin >= 0)
            texts.append(text.mid(begin, end - begin));
        begin = span.begin;
        end = span.end;
    }
    if (begin >= 0)
        texts.append(text.mid(begin, end - begin));
    return texts;
}

void TestLanguageDetectors::redacts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("turns");
    QTest::addColumn<QStringList>("expected");
    const auto add = [](const char *name, const char *kind, const QStringList &turns, const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(kind) << turns << expected;
    };
    using L = QStringList;

    // date
    add("date iso", "date", L{"The invoice is from 2023-11-05, I think."}, L{"2023-11-05"});
    add("date slashes", "date", L{"It was delivered on 3/14/2024 at the door."}, L{"3/14/2024"});
    add("date month day year", "date", L{"We spoke on March 3rd, 2024 about it."}, L{"March 3rd, 2024"});
    add("date weekday month day", "date", L{"Can we do Monday, June 10 instead?"}, L{"Monday, June 10"});
    add("date day of month", "date", L{"I moved in on the 5th of August."}, L{"the 5th of August"});
    add("date spoken ordinal", "date", L{"i moved in on the fifth of august"}, L{"the fifth of august"});
    add("date spoken month year", "date", L{"it started in march twenty twenty"}, L{"march twenty twenty"});
    add("date spoken month ordinal", "date", L{"the letter came june twenty first"}, L{"june twenty first"});
    add("date today survives", "date", L{"I can come in today or tomorrow."}, L{});
    add("date may survives", "date", L{"i may need two large pizzas"}, L{});
    add("date march verb survives", "date", L{"They march in the parade with five friends."}, L{});
    add("date phone survives", "date", L{"Call me at 415-555-0132."}, L{});
    // dob
    add("dob cue", "dob", L{"My date of birth is 04/12/1985."}, L{"04/12/1985"});
    add("dob born", "dob", L{"I was born on July 4th, 1976."}, L{"July 4th, 1976"});
    add("dob spoken answer", "dob",
        L{"agent: can i have your name and date of birth", "it is john smith the third of march nineteen eighty"},
        L{"the third of march nineteen eighty"});
    add("dob born in year", "dob", L{"i was born in nineteen seventy two"}, L{"nineteen seventy two"});
    add("dob not without cue", "dob", L{"The order shipped March 3rd, 2024."}, L{});
    // time
    add("time colon", "time", L{"The appointment is at 3:30 PM."}, L{"3:30 PM"});
    add("time am", "time", L{"Open from 9 am until 5 pm."}, L{"9 am", "5 pm"});
    add("time spoken pm", "time", L{"can you come at three thirty p m"}, L{"three thirty p m"});
    add("time spoken cue", "time", L{"the appointment is at three thirty"}, L{"three thirty"});
    add("time half past", "time", L{"i'll be there at half past two"}, L{"half past two"});
    add("time oclock", "time", L{"Let's say four o'clock."}, L{"four o'clock"});
    add("time noon", "time", L{"Come by at noon please."}, L{"noon"});
    add("time minutes survive", "time", L{"i'll be there in five minutes"}, L{});
    add("time at one point survives", "time", L{"at one point i had three cats"}, L{});
    add("time press one survives", "time", L{"press one for billing"}, L{});
    add("time spoken range", "time", L{"it comes between two and six"}, L{"two and six"});
    add("time range", "time", L{"We're open from 9 to 5."}, L{"9 to 5"});
    // age
    add("age years old", "age", L{"My son is 12 years old."}, L{"12"});
    add("age spoken years old", "age", L{"i am forty two years old"}, L{"forty two"});
    add("age im", "age", L{"I'm 42, if that matters."}, L{"42"});
    add("age turning", "age", L{"my mom is turning sixty next week"}, L{"sixty"});
    add("age decade", "age", L{"I'm in my forties."}, L{"forties"});
    add("age answer", "age", L{"agent: And how old are you?", "thirty seven"}, L{"thirty seven"});
    add("age minutes survive", "age", L{"i'm five minutes away"}, L{});
    add("age bit late survives", "age", L{"I'm a bit late, sorry."}, L{});
    add("age pizzas survive", "age", L{"two large pizzas please"}, L{});
    // money
    add("money dollars sign", "money", L{"The charge was $25.50 last month."}, L{"$25.50"});
    add("money spoken dollars cents", "money", L{"it was twenty five dollars and fifty cents"},
        L{"twenty five dollars and fifty cents"});
    add("money bucks", "money", L{"I paid like 300 bucks for it."}, L{"300 bucks"});
    add("money price cue", "money", L{"the total comes to twelve ninety nine"}, L{"twelve ninety nine"});
    add("money euros", "money", L{"It cost 40 euros."}, L{"40 euros"});
    add("money price without cue survives", "money", L{"i have twelve ninety nine problems"}, L{});
    add("money pizzas survive", "money", L{"i want to pay for two large pizzas"}, L{});
    add("money weight survives", "money", L{"I weigh 180 pounds."}, L{});
    // person_name
    add("name my name is", "person_name", L{"Hi, my name is Maria Lopez and I need help."}, L{"Maria Lopez"});
    add("name spoken my name is", "person_name", L{"my name is maria lopez and i need help"}, L{"maria lopez"});
    add("name spoken answer", "person_name",
        L{"agent: can i have your name and date of birth", "it is john smith the third of march nineteen eighty"},
        L{"john smith"});
    add("name this is calling", "person_name", L{"Hello, this is Sarah calling from Acme."}, L{"Sarah"});
    add("name spoken this is calling", "person_name", L{"hi this is sarah calling about my bill"}, L{"sarah"});
    add("name speak to", "person_name", L{"Can I speak to Mr. Johnson please?"}, L{"Johnson"});
    add("name spoken mister", "person_name", L{"can i speak to mister johnson please"}, L{"johnson"});
    add("name last name spelled", "person_name", L{"my last name is smith s m i t h"}, L{"smith s m i t h"});
    add("name lexicon", "person_name", L{"I talked with someone, I think it was Jennifer Garcia, yesterday."},
        L{"Jennifer Garcia"});
    add("name will mark survive", "person_name", L{"Will you mark that as done?"}, L{});
    add("name common words survive", "person_name", L{"agent: I'll see you at the meeting.", "Sounds good, Grant money"
                                                                                             " is due."}, L{});
    add("name speak to someone survives", "person_name", L{"can i speak to someone about my bill"}, L{});
    add("name spoken this is great survives", "person_name", L{"oh this is great thank you"}, L{});
    add("name pizzas survive", "person_name", L{"two large pizzas please"}, L{});
    // medical_professional
    add("medical dr", "medical_professional", L{"I saw Dr. Patel on Tuesday."}, L{"Patel"});
    add("medical spoken doctor", "medical_professional", L{"my appointment with doctor patel"}, L{"patel"});
    add("medical my dentist is", "medical_professional", L{"my dentist is john miller"}, L{"john miller"});
    add("medical nurse", "medical_professional", L{"Nurse Jackie Brown called me."}, L{"Jackie Brown"});
    add("medical doctor said survives", "medical_professional", L{"the doctor said i was fine"}, L{});
    // Without medical_professional wanted, a doctor's name is still a person's.
    add("medical as person name", "person_name", L{"I saw Dr. Patel on Tuesday."}, L{"Patel"});
    // location
    add("location street", "location", L{"I live at 1600 Pennsylvania Avenue, Apt 4B, near the park."},
        L{"1600 Pennsylvania Avenue, Apt 4B"});
    add("location spoken street", "location", L{"it's one two three main street"}, L{"one two three main street"});
    add("location city state zip", "location", L{"Ship it to Austin, TX 78701 please."}, L{"Austin", "TX 78701"});
    add("location spoken zip", "location", L{"my zip code is nine four one zero five"}, L{"nine four one zero five"});
    add("location uk postcode", "location", L{"My postcode is SW1A 1AA."}, L{"SW1A 1AA"});
    add("location country", "location", L{"i'm calling from mexico about my order"}, L{"mexico"});
    add("location live in", "location", L{"i live in springfield now"}, L{"springfield"});
    add("location minutes way survives", "location", L{"it takes 5 minutes all the way"}, L{});
    add("location turkey survives", "location", L{"we had turkey for dinner"}, L{});
    add("location step survives", "location", L{"Step 4 didn't work either."}, L{});
    add("location pizzas survive", "location", L{"two large pizzas to go"}, L{});
    // origin
    add("origin im", "origin", L{"I'm Mexican, so Spanish is fine."}, L{"Mexican"});
    add("origin descent", "origin", L{"i'm of irish descent"}, L{"irish"});
    add("origin family", "origin", L{"my family is korean"}, L{"korean"});
    add("origin my heritage is", "origin", L{"My heritage is Filipino."}, L{"Filipino"});
    add("origin no cue survives", "origin", L{"I'd like the Mexican pizza."}, L{});
    // gender_sexuality
    add("gender identify", "gender_sexuality", L{"I identify as non-binary."}, L{"non-binary"});
    add("gender as a", "gender_sexuality", L{"as a gay man i care about that"}, L{"gay man"});
    add("gender pronouns", "gender_sexuality", L{"My pronouns are they/them."}, L{"they/them"});
    add("gender oh man survives", "gender_sexuality", L{"oh man, that's annoying"}, L{});
    add("gender the man survives", "gender_sexuality", L{"the man at the store was a woman's friend"}, L{});
    // physical_attribute
    add("physical height", "physical_attribute", L{"I'm 5'10\" and pretty slim."}, L{"5'10\""});
    add("physical spoken height", "physical_attribute", L{"i'm five foot ten"}, L{"five foot ten"});
    add("physical weight", "physical_attribute", L{"i weigh one eighty pounds"}, L{"one eighty pounds"});
    add("physical eyes", "physical_attribute", L{"My eyes are green and I have a scar."}, L{"green", "scar"});
    add("physical build", "physical_attribute", L{"I'm tall."}, L{"tall"});
    add("physical short on time survives", "physical_attribute", L{"I'm short on time today."}, L{});
    add("physical age survives", "physical_attribute", L{"I'm 42."}, L{});
    // occupation
    add("occupation nurse", "occupation", L{"I'm a registered nurse at the hospital."}, L{"registered nurse"});
    add("occupation work as", "occupation", L{"i work as an electrician"}, L{"electrician"});
    add("occupation retired", "occupation", L{"I'm a retired teacher."}, L{"retired teacher"});
    add("occupation bit late survives", "occupation", L{"I'm a bit late."}, L{});
    add("occupation the nurse survives", "occupation", L{"the nurse called me back"}, L{});
    // event
    add("event holiday", "event", L{"We're closed over Christmas."}, L{"Christmas"});
    add("event spoken holiday", "event", L{"i'm traveling for thanksgiving"}, L{"thanksgiving"});
    add("event my wedding", "event", L{"it's for my wedding in june"}, L{"wedding"});
    add("event named", "event", L{"I'm at the Austin Music Festival."}, L{"Austin Music Festival"});
    add("event meeting survives", "event", L{"I'll see you at the meeting."}, L{});
    add("event lent survives", "event", L{"i lent my car to a friend"}, L{});
}

void TestLanguageDetectors::redacts()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, turns);
    QFETCH(QStringList, expected);
    const std::optional<RedactionKind> redactionKind = RedactionKinds::fromName(kind);
    QVERIFY(redactionKind);
    QCOMPARE(redacted(*redactionKind, turns), expected);
}

// A detector appends only the kinds it is asked for.
void TestLanguageDetectors::onlyWantedKinds()
{
    const RedactionContext context(turnsOf({QStringLiteral("agent: Name and date of birth?"),
                                            QStringLiteral("Maria Lopez, March 3rd, 1980, at 3:30 PM.")}));
    RedactionSpans spans;
    DateTimeDetector().find(context, {RedactionKind::Time}, spans);
    PersonNameDetector().find(context, {RedactionKind::Age}, spans);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.front().kind, RedactionKind::Time);
}

// A doctor's name takes medical_professional, not person_name, when both are wanted.
void TestLanguageDetectors::medicalProfessionalInsteadOfPersonName()
{
    const RedactionContext context(turnsOf({QStringLiteral("My name is Maria Lopez and my doctor is Dr. Patel.")}));
    RedactionSpans spans;
    PersonNameDetector().find(context, {RedactionKind::PersonName, RedactionKind::MedicalProfessional}, spans);
    QSet<QString> personNames;
    QSet<QString> professionals;
    for (const RedactionSpan &span : spans) {
        const QString name = context.text(0).mid(span.begin, span.length());
        (span.kind == RedactionKind::PersonName ? personNames : professionals).insert(name);
    }
    QCOMPARE(personNames, QSet<QString>{QStringLiteral("Maria Lopez")});
    QCOMPARE(professionals, QSet<QString>{QStringLiteral("Patel")});
}

QTEST_GUILESS_MAIN(TestLanguageDetectors)
#include "tst_languagedetectors.moc"
