// Redaction (issue 13): precision and recall per kind over a generated corpus, and speed.
//   accuracy  a deterministic corpus (fixed seed) of caller utterances per kind, in written
//             (provider) and spoken (PocketSphinx: lower case, number words) form: positives
//             with the exact span to redact, often after the agent's question, and negatives
//             (small numbers, look-alike words, the kind's near misses). Each utterance is
//             redacted for its kind alone (Redactor::find over a RedactionContext).
//   speed     turns per second with all 29 kinds wanted over the whole corpus, against
//             splitting every turn into words (QString::split) in the same run; medians.
//
// Scoring: an expected span is found (a true positive) when every letter and digit in it is
// inside a found span, else it is a false negative. An utterance has a false positive when a
// found span covers a letter or digit farther than kSlack characters from every expected
// span of it (a found span may overhang its expected one by up to kSlack characters on
// either side: "it's 4111…" taking the "s" is no error, taking "my card" is); each utterance
// counts at most one false positive. Precision = TP / (TP + FP), recall = TP / (TP + FN).
//
// Options: --runs N (speed runs, default 5), --misses KIND (print that kind's misses and
// false positives, "all" for every kind), --no-speed.

#include "redact/redactioncontext.h"
#include "redact/redactor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <vector>

namespace {

constexpr qsizetype kSlack = 3;
constexpr int kPositivesPerForm = 60;
constexpr int kNegativesPerForm = 30;
constexpr int kOrdinaryPerForm = 150;

// One generated call fragment: the turns, and the spans of its kind that must go.
struct Utterance
{
    RedactionKind kind = RedactionKind::NumericalPii;   // unused for an ordinary one
    bool ordinary = false;   // no personal data of any kind: scored for every kind
    bool spoken = false;
    Turns turns;
    RedactionSpans expected;
};

// Templates of one kind. A template is turns separated by "|", "A: " starting the agent's;
// [[…]] marks what must be redacted; {name} is a value the generator makes (CorpusGenerator::value).
struct KindTemplates
{
    RedactionKind kind;
    QStringList written, spoken, writtenNegative, spokenNegative;
};

const QStringList kFirstNames = {"Maria", "James", "Aisha", "Robert", "Mei", "Carlos", "Priya", "Daniel", "Fatima",
                                 "Olga", "Kevin", "Sofia", "Thomas", "Yuki", "Andre", "Laura", "Omar", "Hannah",
                                 "Diego", "Grace", "Nikolai", "Emily", "Tariq", "Rachel", "Luis", "Ingrid"};
const QStringList kLastNames = {"Lopez", "Smith", "Okafor", "Nguyen", "Patel", "Kowalski", "Garcia", "Johnson",
                                "Haddad", "Schmidt", "Tanaka", "Brown", "Rossi", "Ivanova", "Miller", "Chen",
                                "Martinez", "Andersen", "Murphy", "Silva", "Kaur", "Novak", "Fischer", "Walsh"};
const QStringList kCities = {"Denver", "Portland", "Austin", "Chicago", "Phoenix", "Boston", "Seattle", "Atlanta",
                             "Houston", "Nashville", "Sacramento", "Pittsburgh", "Milwaukee", "Tucson", "Omaha"};
const QStringList kStates = {"TX", "CA", "NY", "IL", "WA", "CO", "OR", "GA", "MA", "AZ"};
const QStringList kCountries = {"Mexico", "Canada", "Germany", "India", "Brazil", "Nigeria", "Poland", "Japan",
                                "Vietnam", "Ireland", "Kenya", "Peru"};
const QStringList kStreetNames = {"Oak", "Maple", "Main", "Cedar", "Elm", "Pine", "Washington", "Lincoln", "Lake",
                                  "Hillcrest", "Sunset", "Park"};
const QStringList kStreetSuffixes = {"Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Way"};
const QStringList kDemonyms = {"Mexican", "Irish", "Korean", "Nigerian", "Filipino", "Italian", "Polish",
                               "Vietnamese", "Brazilian", "Indian", "Cuban", "Ethiopian", "Hispanic", "Latino"};
const QStringList kGenders = {"non-binary", "transgender", "bisexual", "gay", "lesbian", "queer", "asexual",
                              "female", "male"};
const QStringList kJobs = {"registered nurse", "electrician", "teacher", "accountant", "plumber", "software engineer",
                           "truck driver", "pharmacist", "firefighter", "paralegal", "carpenter", "dental hygienist"};
const QStringList kHolidays = {"Christmas", "Thanksgiving", "Ramadan", "Diwali", "Easter", "Hanukkah",
                               "Super Bowl", "Halloween", "Passover", "New Year's Eve"};
const QStringList kLifeEvents = {"wedding", "graduation", "funeral", "baby shower", "retirement party"};
const QStringList kDomains = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "example.com",
                              "example.org", "proton.me"};
const QStringList kSites = {"acmeplumbing", "brightsmile", "northwind", "bluebirdbakery", "fastfix", "greenleaf"};
const QStringList kFileStems = {"invoice", "scan", "report", "resume", "taxes", "contract", "photo", "statement"};
const QStringList kFileExtensions = {"pdf", "docx", "xlsx", "jpg", "png", "csv", "zip", "txt"};
const QStringList kPasswordWords = {"sunshine", "bluebird", "tiger", "harbor", "maple", "rocket", "jasmine"};
const QStringList kEyeColours = {"green", "blue", "brown", "hazel", "gray"};
const QStringList kMarks = {"tattoo", "scar", "birthmark"};
const QStringList kMonths = {"January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"};
const QStringList kDoctorKinds = {"doctor", "dentist", "therapist", "cardiologist", "physician", "pediatrician"};

const char *const kOnes[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                             "nineteen"};
const char *const kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
const char *const kOrdinals[] = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

// "forty two", "one hundred five", for 0–999.
QString numberWords(int n)
{
    if (n < 20)
        return QString::fromLatin1(kOnes[n]);
    if (n < 100)
        return QString::fromLatin1(kTens[n / 10]) + (n % 10 ? QLatin1Char(' ') + QString::fromLatin1(kOnes[n % 10]) : QString());
    const QString hundreds = QString::fromLatin1(kOnes[n / 100]) + QStringLiteral(" hundred");
    return n % 100 ? hundreds + QLatin1Char(' ') + numberWords(n % 100) : hundreds;
}

// "third", "twenty first".
QString ordinalWords(int n)
{
    if (n <= 20)
        return QString::fromLatin1(kOrdinals[n]);
    const QString tens = QString::fromLatin1(kTens[n / 10]);
    return n % 10 ? tens + QLatin1Char(' ') + QString::fromLatin1(kOrdinals[n % 10]) : tens.chopped(1) + QStringLiteral("ieth");
}

// Years as people say them: "nineteen eighty five", "nineteen oh five", "two thousand five", "twenty twenty".
QString yearWords(int year)
{
    if (year >= 2000 && year < 2010)
        return QStringLiteral("two thousand") + (year % 10 ? QLatin1Char(' ') + numberWords(year % 10) : QString());
    const int low = year % 100;
    const QString tail = low == 0  ? QStringLiteral("hundred")
                         : low < 10 ? QStringLiteral("oh ") + numberWords(low)
                                    : numberWords(low);
    return numberWords(year / 100) + QLatin1Char(' ') + tail;
}

QString ordinalSuffix(int day)
{
    if (day % 100 >= 11 && day % 100 <= 13)
        return QStringLiteral("th");
    return day % 10 == 1 ? QStringLiteral("st") : day % 10 == 2 ? QStringLiteral("nd") : day % 10 == 3 ? QStringLiteral("rd")
                                                                                                      : QStringLiteral("th");
}

int luhnCheckDigit(const QString &digits)
{
    int sum = 0;
    for (qsizetype i = digits.size() - 1, position = 0; i >= 0; --i, ++position) {
        int d = digits[i].digitValue();
        if (position % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return (10 - sum % 10) % 10;
}

// Makes the corpus: values with valid checksums and varied names, templates filled in.
class CorpusGenerator
{
public:
    explicit CorpusGenerator(quint32 seed) : m_random(seed) {}

    std::vector<Utterance> corpus(const std::vector<KindTemplates> &kinds, const QStringList &ordinaryWritten,
                                  const QStringList &ordinarySpoken);

private:
    int between(int low, int high) { return int(m_random.bounded(low, high + 1)); }
    bool chance(double p) { return m_random.generateDouble() < p; }
    const QString &pick(const QStringList &list) { return list[int(m_random.bounded(qsizetype(list.size())))]; }
    QString digits(int count, bool leadingNonZero = false);
    QString letters(int count, const QString &alphabet = QStringLiteral("ABCDEFGHJKLMNPRSTUVWXYZ"));
    QString spokenDigits(const QString &text);
    QString spokenCharacters(const QString &text);
    QString cardNumber(int length, const QString &prefix);
    QString vin();
    QString ssn();
    QString value(const QString &name, bool spoken);
    Utterance utterance(RedactionKind kind, bool spoken, QString text);

    QRandomGenerator m_random;
    QString m_card;   // the card of the utterance being made, for templates that read it in halves
    QString m_phone;  // the same for a phone number ("415 555" | "0132")
    QString m_ssn;    // and a social security number ("536-22" | "1234")
};

QString CorpusGenerator::digits(int count, bool leadingNonZero)
{
    QString result;
    for (int i = 0; i < count; ++i)
        result += QChar(u'0' + ((i == 0 && leadingNonZero) ? between(1, 9) : between(0, 9)));
    return result;
}

QString CorpusGenerator::letters(int count, const QString &alphabet)
{
    QString result;
    for (int i = 0; i < count; ++i)
        result += alphabet[between(0, int(alphabet.size()) - 1)];
    return result;
}

// Digit words, "oh" now and then for zero; other characters kept as a pause (",") or dropped.
QString CorpusGenerator::spokenDigits(const QString &text)
{
    QStringList words;
    for (const QChar c : text) {
        if (c.isDigit()) {
            words.append(c == u'0' && chance(0.3) ? QStringLiteral("oh") : QString::fromLatin1(kOnes[c.digitValue()]));
        } else if (c.isLetter()) {
            words.append(QString(c.toLower()));
        } else if (!words.isEmpty() && !words.last().endsWith(u',') && chance(0.4)) {
            words.last() += u',';
        }
    }
    return words.join(u' ');
}

// Letters spelled, digits read one by one: "seven a b c one two three"; now and then a letter
// as its NATO word ("alpha") or "b as in boy", as callers make sure an agent hears them.
QString CorpusGenerator::spokenCharacters(const QString &text)
{
    static const QStringList nato = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
                                     "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
                                     "sierra", "tango", "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu"};
    static const QStringList examples = {"apple", "boy", "cat", "david", "edward", "frank", "george", "henry", "ida",
                                         "john", "king", "lincoln", "mary", "nancy", "ocean", "peter", "queen", "robert",
                                         "sam", "tom", "union", "victor", "william", "x-ray", "yellow", "zebra"};
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")));
    QStringList words;
    for (const QChar c : plain) {
        if (!c.isLetter()) {
            words.append(spokenDigits(QString(c)));
            continue;
        }
        const int letter = c.toLower().unicode() - u'a';
        const double roll = between(0, 99) / 100.0;
        if (roll < 0.15)
            words.append(nato[letter]);
        else if (roll < 0.25)
            words.append(QString(c.toLower()) + QStringLiteral(" as in ") + examples[letter]);
        else
            words.append(QString(c.toLower()));
    }
    return words.join(u' ');
}

QString CorpusGenerator::cardNumber(int length, const QString &prefix)
{
    const QString body = prefix + digits(length - int(prefix.size()) - 1);
    return body + QChar(u'0' + luhnCheckDigit(body + QLatin1Char('0')) );
}

QString CorpusGenerator::vin()
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPRSTUVWXYZ0123456789");
    static const int weights[] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    static const QHash<QChar, int> transliteration = [] {
        QHash<QChar, int> table;
        const QString order = QStringLiteral("ABCDEFGH"), second = QStringLiteral("JKLMNPR"), third = QStringLiteral("STUVWXYZ");
        for (int i = 0; i < 8; ++i)
            table[order[i]] = i + 1;
        const int secondValues[] = {1, 2, 3, 4, 5, 7, 9};
        for (int i = 0; i < 7; ++i)
            table[second[i]] = secondValues[i];
        for (int i = 0; i < 8; ++i)
            table[third[i]] = i + 2;
        return table;
    }();
    QString result = letters(17, alphabet);
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = result[i];
        sum += (c.isDigit() ? c.digitValue() : transliteration.value(c)) * weights[i];
    }
    const int check = sum % 11;
    result[8] = check == 10 ? QChar(u'X') : QChar(u'0' + check);
    return result;
}

QString CorpusGenerator::ssn()
{
    int area = 0;
    do {
        area = between(1, 899);
    } while (area == 666 || area == 78 || area == 123);
    return QStringLiteral("%1-%2-%3").arg(area, 3, 10, QLatin1Char('0')).arg(between(1, 99), 2, 10, QLatin1Char('0'))
        .arg(between(1, 9999), 4, 10, QLatin1Char('0'));
}

// The value a template's {name} stands for, in written or spoken form.
QString CorpusGenerator::value(const QString &name, bool spoken)
{
    const auto form = [spoken](const QString &written) { return spoken ? written.toLower() : written; };
    if (name == u"first")
        return form(pick(kFirstNames));
    if (name == u"last")
        return form(pick(kLastNames));
    if (name == u"n")   // a small, harmless number
        return spoken ? numberWords(between(2, 12)) : QString::number(between(2, 12));
    if (name == u"age") {
        const int age = between(18, 97);
        return spoken ? numberWords(age) : QString::number(age);
    }
    if (name == u"phone" || name == u"phonehalf1" || name == u"phonehalf2") {
        static const QStringList areas = {"212", "213", "305", "312", "404", "415", "503", "512", "602", "617", "702",
                                          "713", "206", "303", "818", "919"};
        if (name != u"phonehalf2" || m_phone.isEmpty()) {
            QString exchange;
            do {
                exchange = digits(3, true);
            } while (exchange.endsWith(QLatin1String("11")) || exchange[0] < u'2');
            m_phone = pick(areas) + u' ' + exchange + u' ' + digits(4);
        }
        const QString area = m_phone.left(3), exchange = m_phone.mid(4, 3), line = m_phone.mid(8);
        if (name != u"phone") {   // read in two turns: area code and exchange, then the line
            const QString half = name == u"phonehalf1" ? area + u' ' + exchange : line;
            return spoken ? spokenDigits(half) : name == u"phonehalf1" ? area + u'-' + exchange : line;
        }
        if (spoken)
            return spokenDigits(area + u' ' + exchange + u' ' + line);
        switch (between(0, 3)) {
        case 0: return area + u'-' + exchange + u'-' + line;
        case 1: return QStringLiteral("(") + area + QStringLiteral(") ") + exchange + u'-' + line;
        case 2: return area + u'.' + exchange + u'.' + line;
        default: return QStringLiteral("+1 ") + area + u' ' + exchange + u' ' + line;
        }
    }
    if (name == u"email") {
        const QString first = pick(kFirstNames).toLower(), last = pick(kLastNames).toLower(), domain = pick(kDomains);
        if (!spoken) {
            switch (between(0, 2)) {
            case 0: return first + u'.' + last + u'@' + domain;
            case 1: return first + last + digits(2) + u'@' + domain;
            default: return first.left(1) + last + u'@' + domain;
            }
        }
        QString spokenDomain = domain;
        spokenDomain.replace(u'.', QStringLiteral(" dot "));
        switch (between(0, 3)) {
        case 0: return first + QStringLiteral(" dot ") + last + QStringLiteral(" at ") + spokenDomain;
        case 1: return first + u' ' + last + QStringLiteral(" at ") + spokenDomain;
        case 2: return first + QStringLiteral(" underscore ") + last + QStringLiteral(" at ") + spokenDomain;
        default: return spokenCharacters(first) + QStringLiteral(" at ") + spokenDomain;
        }
    }
    const int month = between(1, 12), day = between(1, 28);
    if (name == u"date" || name == u"dobdate") {
        const int year = name == u"date" ? between(2015, 2026) : between(1935, 2008);
        const QString monthName = kMonths[month - 1];
        if (spoken) {
            switch (between(0, 2)) {
            case 0: return QStringLiteral("the ") + ordinalWords(day) + QStringLiteral(" of ") + monthName.toLower()
                           + (name == u"dobdate" ? QLatin1Char(' ') + yearWords(year) : QString());
            case 1: return monthName.toLower() + u' ' + ordinalWords(day) + u' ' + yearWords(year);
            default: return monthName.toLower() + u' ' + yearWords(year);
            }
        }
        switch (between(0, 3)) {
        case 0: return QStringLiteral("%1-%2-%3").arg(year).arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0'));
        case 1: return QStringLiteral("%1/%2/%3").arg(month).arg(day).arg(year);
        case 2:
            return monthName + u' ' + QString::number(day) + ordinalSuffix(day) + QStringLiteral(", ") + QString::number(year);
        default: return QStringLiteral("the ") + QString::number(day) + ordinalSuffix(day) + QStringLiteral(" of ") + monthName;
        }
    }
    if (name == u"time") {
        const int hour = between(1, 12), minutes = between(1, 5) * 10;
        if (spoken) {
            switch (between(0, 3)) {
            case 0:
                return numberWords(hour) + u' ' + numberWords(minutes) + (chance(0.5) ? QStringLiteral(" p m")
                                                                                      : QStringLiteral(" a m"));
            case 1: return QStringLiteral("half past ") + numberWords(hour);
            case 2: return QStringLiteral("quarter to ") + numberWords(hour);
            default: return numberWords(hour) + QStringLiteral(" o'clock");
            }
        }
        switch (between(0, 2)) {
        case 0: return QStringLiteral("%1:%2 %3").arg(hour).arg(minutes).arg(chance(0.5) ? "PM" : "AM");
        case 1: return QStringLiteral("%1 %2").arg(hour).arg(chance(0.5) ? "pm" : "am");
        default: return QString::fromLatin1(kOnes[hour]) + QStringLiteral(" o'clock");
        }
    }
    if (name == u"street") {
        const QString number = QString::number(between(10, 9899));
        const QString street = pick(kStreetNames) + u' ' + pick(kStreetSuffixes);
        if (spoken)
            return spokenDigits(number) + u' ' + street.toLower();
        if (chance(0.3))
            return number + u' ' + street + QStringLiteral(", Apt ") + QString::number(between(1, 30)) + letters(1, "ABCD");
        return number + u' ' + street;
    }
    if (name == u"city")
        return form(pick(kCities));
    if (name == u"cityzip")
        return pick(kCities) + QStringLiteral(", ") + pick(kStates) + u' ' + digits(5, true);
    if (name == u"zip")
        return spoken ? spokenDigits(digits(5, true)) : digits(5, true);
    if (name == u"country")
        return form(pick(kCountries));
    if (name == u"demonym")
        return form(pick(kDemonyms));
    if (name == u"gender")
        return pick(kGenders);
    if (name == u"job")
        return pick(kJobs);
    if (name == u"height")
        return spoken ? numberWords(between(4, 6)) + QStringLiteral(" foot ") + numberWords(between(1, 11))
                      : QStringLiteral("%1'%2\"").arg(between(4, 6)).arg(between(1, 11));
    if (name == u"weight") {
        const int pounds = between(100, 260);
        return spoken ? numberWords(pounds) + QStringLiteral(" pounds") : QString::number(pounds) + QStringLiteral(" pounds");
    }
    if (name == u"eyes")
        return pick(kEyeColours);
    if (name == u"mark")
        return pick(kMarks);
    if (name == u"holiday")
        return form(pick(kHolidays));
    if (name == u"lifeevent")
        return pick(kLifeEvents);
    if (name == u"festival")
        return pick(kCities) + (chance(0.5) ? QStringLiteral(" Music Festival") : QStringLiteral(" Marathon"));
    if (name == u"ip") {
        QList<int> groups;
        switch (between(0, 2)) {
        case 0: groups = {192, 168, between(0, 255), between(1, 254)}; break;
        case 1: groups = {10, between(0, 255), between(0, 255), between(1, 254)}; break;
        default: groups = {between(11, 223), between(0, 255), between(0, 255), between(1, 254)}; break;
        }
        if (!spoken && chance(0.15))
            return QStringLiteral("2001:db8::%1:%2").arg(between(1, 0xffff), 0, 16).arg(between(1, 0xffff), 0, 16);
        QStringList parts;
        for (const int group : groups) {
            if (!spoken)
                parts.append(QString::number(group));
            else if (group >= 100 && group % 100 >= 10)
                parts.append(numberWords(group / 100) + u' ' + numberWords(group % 100));
            else
                parts.append(group >= 100 ? spokenDigits(QString::number(group)) : numberWords(group));
        }
        return parts.join(spoken ? QStringLiteral(" dot ") : QStringLiteral("."));
    }
    if (name == u"url") {
        const QString site = pick(kSites);
        if (spoken) {
            switch (between(0, 2)) {
            case 0: return QStringLiteral("w w w dot ") + site + QStringLiteral(" dot com");
            case 1: return site + QStringLiteral(" dot com slash ") + (chance(0.5) ? "pricing" : "help");
            default: return QStringLiteral("h t t p s colon slash slash ") + site + QStringLiteral(" dot io");
            }
        }
        switch (between(0, 2)) {
        case 0: return QStringLiteral("https://portal.") + site + QStringLiteral(".com/reset?id=") + digits(3, true);
        case 1: return QStringLiteral("www.") + site + QStringLiteral(".org");
        default: return site + QStringLiteral(".co.uk/help");
        }
    }
    if (name == u"file") {
        const QString stem = pick(kFileStems);
        if (spoken)
            return stem + QStringLiteral(" dot ") + (chance(0.5) ? "pdf" : "zip");
        const QString year = chance(0.5) ? QStringLiteral("_") + QString::number(between(2019, 2026)) : QString();
        return stem + year + u'.' + pick(kFileExtensions);
    }
    if (name == u"user") {
        const QString first = pick(kFirstNames).toLower(), last = pick(kLastNames).toLower();
        const QString number = digits(2, true);
        if (spoken)
            return chance(0.5) ? first + QStringLiteral(" underscore ") + last
                               : first.left(1) + u' ' + last + u' ' + spokenDigits(number);
        return chance(0.5) ? first.left(1) + last + number : first + u'_' + last;
    }
    if (name == u"password") {
        const QString word = pick(kPasswordWords), number = digits(2, true);
        if (spoken)
            return word + u' ' + spokenDigits(number);
        return word.left(1).toUpper() + word.mid(1) + number + QString(QStringLiteral("!#$%")[between(0, 3)]);
    }
    if (name == u"pin")
        return spoken ? spokenDigits(digits(4)) : digits(4);
    if (name == u"otp")
        return spoken ? spokenDigits(digits(6)) : digits(6);
    if (name == u"vin")
        return spoken ? spokenCharacters(vin()) : vin();
    if (name == u"plate") {
        const QString plate = chance(0.5) ? digits(1, true) + letters(3) + digits(3) : letters(3) + digits(4);
        return spoken ? spokenCharacters(plate) : plate;
    }
    if (name == u"memberid") {
        const QString id = letters(3) + digits(6);
        return spoken ? spokenCharacters(id) : id;
    }
    if (name == u"policy") {
        const QString id = letters(1) + digits(4) + u' ' + digits(4);
        return spoken ? spokenCharacters(id) : id;
    }
    if (name == u"nhs") {
        for (;;) {
            const QString body = digits(9, true);
            int sum = 0;
            for (int i = 0; i < 9; ++i)
                sum += body[i].digitValue() * (10 - i);
            const int check = (11 - sum % 11) % 11;
            if (check == 10)
                continue;
            const QString number = body + QChar(u'0' + check);
            const QString grouped = number.left(3) + u' ' + number.mid(3, 3) + u' ' + number.mid(6);
            return spoken ? spokenDigits(grouped) : grouped;
        }
    }
    if (name == u"npi") {
        const QString body = QString::number(between(1, 2)) + digits(8);
        const QString npi = body + QChar(u'0' + luhnCheckDigit(QStringLiteral("80840") + body + QLatin1Char('0')));
        return spoken ? spokenDigits(npi) : npi;
    }
    if (name == u"mbi") {
        static const QString letter = QStringLiteral("ACDEFGHJKMNPQRTUVWXY");
        const auto alnum = [this] { return chance(0.5) ? digits(1) : letters(1, letter); };
        const QString mbi = digits(1, true) + letters(1, letter) + alnum() + digits(1) + u'-' + letters(1, letter) + alnum()
                            + digits(1) + u'-' + letters(2, letter) + digits(2);
        return spoken ? spokenCharacters(mbi) : mbi;
    }
    if (name == u"card" || name == u"cardhalf1" || name == u"cardhalf2") {
        if (name == u"card" || m_card.isEmpty()) {
            switch (between(0, 2)) {
            case 0: m_card = cardNumber(16, QStringLiteral("4")); break;
            case 1: m_card = cardNumber(16, QStringLiteral("5") + QString::number(between(1, 5))); break;
            default: m_card = cardNumber(15, chance(0.5) ? QStringLiteral("34") : QStringLiteral("37")); break;
            }
        }
        const auto inFours = [](const QString &card) {
            return card.left(4) + u' ' + card.mid(4, 4) + u' ' + card.mid(8, 4) + u' ' + card.mid(12);
        };
        QString grouped = m_card.size() == 15 ? m_card.left(4) + u' ' + m_card.mid(4, 6) + u' ' + m_card.mid(10)
                                              : inFours(m_card);
        if (name != u"card") {
            if (m_card.size() == 15)
                m_card = cardNumber(16, QStringLiteral("4"));
            grouped = inFours(m_card);
            grouped = name == u"cardhalf1" ? grouped.left(9) : grouped.mid(10);
        } else if (!spoken && chance(0.3)) {
            grouped.replace(u' ', u'-');
        } else if (!spoken && chance(0.2)) {
            grouped.remove(u' ');
        }
        return spoken ? spokenDigits(grouped) : grouped;
    }
    if (name == u"expiry") {
        const QString mm = QStringLiteral("%1").arg(month, 2, 10, QLatin1Char('0'));
        const int yy = between(26, 32);
        return spoken ? (month < 10 ? QStringLiteral("oh ") + numberWords(month) : numberWords(month)) + u' ' + numberWords(yy)
                      : mm + u'/' + QString::number(yy);
    }
    if (name == u"cvv")
        return spoken ? spokenDigits(digits(3, true)) : digits(3, true);
    if (name == u"account") {
        const QString number = digits(between(6, 10), true);
        return spoken ? spokenDigits(number) : number;
    }
    if (name == u"orderid") {
        const QString id = chance(0.5) ? letters(2) + digits(5, true)
                                       : letters(1) + digits(1) + letters(1) + digits(1) + u'-' + digits(4);
        return spoken ? spokenCharacters(id) : id;
    }
    if (name == u"aba") {
        static const QStringList prefixes = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                                             "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"};
        const QString body = pick(prefixes) + digits(6);
        const int d[] = {body[0].digitValue(), body[1].digitValue(), body[2].digitValue(), body[3].digitValue(),
                         body[4].digitValue(), body[5].digitValue(), body[6].digitValue(), body[7].digitValue()};
        const int partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]);
        const QString aba = body + QChar(u'0' + (10 - partial % 10) % 10);
        return spoken ? spokenDigits(aba) : aba;
    }
    if (name == u"iban") {
        const QString bban = digits(8, true) + digits(10);
        // Mod 97 of the BBAN, "DE" as 1314 and check 00, taken in pieces.
        const QString rearranged = bban + QStringLiteral("131400");
        int remainder = 0;
        for (const QChar c : rearranged)
            remainder = (remainder * 10 + c.digitValue()) % 97;
        const QString iban = QStringLiteral("DE%1").arg(98 - remainder, 2, 10, QLatin1Char('0')) + bban;
        if (chance(0.5))
            return iban;
        QStringList groups;
        for (qsizetype i = 0; i < iban.size(); i += 4)
            groups.append(iban.mid(i, 4));
        return groups.join(u' ');
    }
    if (name == u"checking") {
        const QString number = digits(between(8, 12), true);
        return spoken ? spokenDigits(number) : number;
    }
    if (name == u"sortcode")
        return digits(2, true) + u'-' + digits(2) + u'-' + digits(2) + u' ' + digits(8, true);
    if (name == u"money") {
        const int amount = between(5, 900), cents = between(1, 99);
        if (spoken) {
            switch (between(0, 2)) {
            case 0: return numberWords(amount) + QStringLiteral(" dollars and ") + numberWords(cents) + QStringLiteral(" cents");
            case 1: return numberWords(amount) + QStringLiteral(" bucks");
            default: return numberWords(amount) + (chance(0.5) ? QStringLiteral(" euros") : QStringLiteral(" dollars"));
            }
        }
        switch (between(0, 4)) {
        case 0: return QStringLiteral("$%1.%2").arg(amount).arg(cents, 2, 10, QLatin1Char('0'));
        case 1: return QString::number(amount) + QStringLiteral(" bucks");
        case 2: return QString::number(amount) + QStringLiteral(" euros");
        case 3: return QStringLiteral("£%1.%2").arg(amount).arg(cents, 2, 10, QLatin1Char('0'));
        default: return QStringLiteral("USD ") + QString::number(amount);
        }
    }
    if (name == u"price")   // "twelve ninety nine": needs the price cue of the template
        return spoken ? numberWords(between(2, 99)) + u' ' + numberWords(between(20, 99))
                      : QStringLiteral("$%1").arg(between(2, 99));
    if (name == u"ssn") {
        const QString number = ssn();
        if (spoken)
            return spokenDigits(number);
        return chance(0.2) ? QString(number).replace(u'-', u' ') : number;
    }
    if (name == u"ssnhalf1" || name == u"ssnhalf2") {   // "536-22" | "1234"
        if (name == u"ssnhalf1" || m_ssn.isEmpty())
            m_ssn = ssn();
        const QString half = name == u"ssnhalf1" ? m_ssn.left(6) : m_ssn.mid(7);
        return spoken ? spokenDigits(half) : half;
    }
    if (name == u"ssn9") {
        const QString number = ssn().remove(u'-');
        return spoken ? spokenDigits(number) : number;
    }
    if (name == u"last4")
        return spoken ? spokenDigits(digits(4)) : digits(4);
    if (name == u"passport") {
        const QString number = chance(0.5) ? digits(9, true) : letters(1) + digits(8);
        return spoken ? spokenCharacters(number) : number;
    }
    if (name == u"dl") {
        QString number;
        switch (between(0, 2)) {
        case 0: number = letters(1) + digits(7); break;
        case 1: number = letters(1) + digits(3) + u'-' + digits(4) + u'-' + digits(4); break;
        default:   // DVLA: surname padded with 9s, six digits, initials, a digit, two letters
            number = (pick(kLastNames).toUpper() + QStringLiteral("99999")).left(5) + digits(6) + letters(2) + digits(1)
                     + letters(2);
            break;
        }
        return spoken ? spokenCharacters(number) : number;
    }
    if (name == u"longnumber") {
        const QString number = digits(between(6, 10), true);
        return spoken ? spokenDigits(number) : number;
    }
    if (name == u"idlike")
        return letters(2) + digits(5, true);
    if (name == u"mac") {
        QStringList parts;
        for (int i = 0; i < 6; ++i)
            parts.append(QStringLiteral("%1").arg(between(0, 255), 2, 16, QLatin1Char('0')).toUpper());
        return parts.join(u':');
    }
    std::fprintf(stderr, "unknown template value {%s}\n", qPrintable(name));
    return name;
}

// Fills a template in and builds its turns, the [[…]] marks becoming expected spans.
Utterance CorpusGenerator::utterance(RedactionKind kind, bool spoken, QString text)
{
    m_card.clear();
    static const QRegularExpression placeholder(QStringLiteral("\\{(\\w+)\\}"));
    for (QRegularExpressionMatch match = placeholder.match(text); match.hasMatch(); match = placeholder.match(text))
        text.replace(match.capturedStart(), match.capturedLength(), value(match.captured(1), spoken));
    Utterance result;
    result.kind = kind;
    result.spoken = spoken;
    const QStringList lines = text.split(u'|');
    for (const QString &line : lines) {
        Turn turn;
        const bool agent = line.startsWith(QLatin1String("A: "));
        turn.role = agent ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
        QString content = agent ? line.mid(3) : line;
        for (qsizetype open = content.indexOf(QLatin1String("[[")); open >= 0; open = content.indexOf(QLatin1String("[["))) {
            content.remove(open, 2);
            const qsizetype close = content.indexOf(QLatin1String("]]"), open);
            content.remove(close, 2);
            result.expected.append({int(result.turns.size()), open, close, kind});
        }
        turn.content = content;
        result.turns.append(turn);
    }
    return result;
}

std::vector<Utterance> CorpusGenerator::corpus(const std::vector<KindTemplates> &kinds, const QStringList &ordinaryWritten,
                                               const QStringList &ordinarySpoken)
{
    std::vector<Utterance> result;
    for (const KindTemplates &templates : kinds) {
        const std::pair<const QStringList *, int> sets[] = {{&templates.written, kPositivesPerForm},
                                                            {&templates.spoken, kPositivesPerForm},
                                                            {&templates.writtenNegative, kNegativesPerForm},
                                                            {&templates.spokenNegative, kNegativesPerForm}};
        for (int set = 0; set < 4; ++set) {
            const QStringList &list = *sets[set].first;
            for (int i = 0; i < sets[set].second; ++i)
                result.push_back(utterance(templates.kind, set % 2 == 1, list[i % list.size()]));
        }
    }
    for (int i = 0; i < kOrdinaryPerForm * 2; ++i) {
        const bool spoken = i % 2 == 1;
        const QStringList &list = spoken ? ordinarySpoken : ordinaryWritten;
        result.push_back(utterance(RedactionKind::NumericalPii, spoken, list[(i / 2) % list.size()]));
        result.back().ordinary = true;
    }
    return result;
}

// Ordinary sentences no kind may touch, written and spoken: every kind is scored on all of them.
// Small numbers and quantities, menu choices, words that are also names or places (Will, Mark,
// Grant, Rose, Mobile, Reading, Nice, Buffalo), "I'm" followed by no personal data.
const QStringList kOrdinaryWritten = {
    "Press {n} for billing or stay on the line.", "Two large pizzas and {n} sodas, please.",
    "I'll be there in {n} minutes.", "Thanks so much, have a great day!", "Can you repeat that, please?",
    "I called {n} times last week and nobody answered.", "The weather is nice today.",
    "I have {n} kids and a dog.", "Sure, go ahead.", "It's about my bill from last month.",
    "Will you mark that as done?", "I'll grant you that, it was a mess.", "Reading the manual didn't help.",
    "My mobile app keeps crashing.", "That would be nice, thank you.", "We ordered buffalo wings and {n} salads.",
    "I'm fine, just a little tired.", "I'm in a hurry, can we speed this up?", "Page {n} of the contract says so.",
    "It's open 24/7, right?", "I want the 2-for-1 deal.", "Step {n} didn't work either.",
    "I'm calling from my car.", "The top {n} results were wrong.", "Hold on, let me grab a pen.",
    "Room {n} is on the second floor.", "Chapter {n} covers refunds.", "Yes, that's correct.",
    "No, I don't think so.", "Can I get {n} more of those?", "I'm at the office all day.",
    "We have {n} employees at the front.", "My Amazon Prime expired.", "I had a Dr Pepper with lunch.",
    "Call me whenever you like.", "I paid it off in full.", "The {n} of us will come.", "I'm on version 2.5 of the app.",
    "My order was wrong on the receipt.", "Give me a sec, I'm at a red light.", "I take vitamin B 12 every morning.",
    "Take exit 12 B off the highway.", "We drive a 4 by 4.", "Plan B is fine with me.", "I got a B plus in math."};
const QStringList kOrdinarySpoken = {
    "press {n} for billing or stay on the line", "two large pizzas and {n} sodas please",
    "i'll be there in {n} minutes", "thanks so much have a great day", "can you repeat that please",
    "i called {n} times last week and nobody answered", "the weather is nice today",
    "i have {n} kids and a dog", "sure go ahead", "it's about my bill from last month",
    "will you mark that as done", "i'll grant you that it was a mess", "reading the manual didn't help",
    "my mobile app keeps crashing", "that would be nice thank you", "we ordered buffalo wings and {n} salads",
    "i'm fine just a little tired", "i'm in a hurry can we speed this up", "page {n} of the contract says so",
    "it's open twenty four seven right", "i want the two for one deal", "step {n} didn't work either",
    "i'm calling from my car", "the top {n} results were wrong", "hold on let me grab a pen",
    "room {n} is on the second floor", "chapter {n} covers refunds", "yes that's correct",
    "no i don't think so", "can i get {n} more of those", "i'm at the office all day",
    "we have {n} employees at the front", "my amazon prime expired", "i had a doctor pepper with lunch",
    "call me whenever you like", "i paid it off in full", "the {n} of us will come", "i'm on version two point five of the app",
    "my order was wrong on the receipt", "give me a sec i'm at a red light", "i take vitamin b twelve every morning",
    "take exit twelve b off the highway", "we drive a four by four", "plan b is fine with me", "i got a b plus in math",
    "it was a one time thing"};

std::vector<KindTemplates> templates()
{
    using K = RedactionKind;
    const auto kind = [](K k, QStringList w, QStringList s, QStringList wn, QStringList sn) {
        return KindTemplates{k, w, s, wn, sn};
    };
    std::vector<KindTemplates> all;
    all.push_back(kind(K::PersonName,
        {"Hi, my name is [[{first} {last}]] and I need help.", "This is [[{first}]] calling about my bill.",
         "Can I speak to Mrs. [[{last}]], please?", "My last name is [[{last}]].",
         "A: Who am I speaking with today?|It's [[{first} {last}]].", "Yes, this is [[{first} {last}]] speaking."},
        {"hi my name is [[{first} {last}]] and i need help", "this is [[{first}]] calling about my bill",
         "can i speak to mister [[{last}]] please", "my last name is [[{last}]]",
         "a: who am i speaking with today|it's [[{first} {last}]]", "yes this is [[{first} {last}]] speaking"},
        {"Will you mark that as done?", "Can I speak to someone about my bill?", "I'll grant you that.",
         "My name is on the account.", "The rose bushes are in bloom.", "Joy to the world, as they say."},
        {"will you mark that as done", "can i speak to someone about my bill", "oh this is great thank you",
         "my name is on the account", "i'll grant you that", "this is taking forever"}));
    all.push_back(kind(K::Age,
        {"I'm [[{age}]] years old.", "My mother just turned [[{age}]].", "A: And how old are you?|[[{age}]].",
         "He's a [[{age}]]-year-old retiree.", "I am aged [[{age}]]."},
        {"i'm [[{age}]] years old", "my mother just turned [[{age}]]", "a: and how old are you|[[{age}]]",
         "he is [[{age}]] years old", "i'm turning [[{age}]] next week"},
        {"I'm {n} minutes away.", "We've been customers for {n} years.", "I'm a bit late, sorry.",
         "The box is {n} inches wide."},
        {"i'm {n} minutes away", "we've been customers for {n} years", "i'm a bit late sorry",
         "the box is {n} inches wide"}));
    all.push_back(kind(K::PhoneNumber,
        {"You can reach me at [[{phone}]].", "My cell is [[{phone}]].",
         "A: What's the best number to reach you?|It's [[{phone}]].", "Call me back at [[{phone}]] after six.",
         "My number is [[{phone}]], thanks.", "A: What's a good callback number?|[[{phonehalf1}]]|A: Okay.|[[{phonehalf2}]]"},
        {"you can reach me at [[{phone}]]", "my cell is [[{phone}]]",
         "a: what's the best number to reach you|it's [[{phone}]]", "call me back at [[{phone}]] after six",
         "my number is [[{phone}]] thanks", "a: what's a good callback number|[[{phonehalf1}]]|a: okay|[[{phonehalf2}]]"},
        {"The code on the box was 555-{n}{n}.", "It costs 19.99 a month.", "My account number is 55512{n}.",
         "Extension {n}, please.", "I'll be home by {time}.", "It came to {money} in the end."},
        {"the code on the box was five five five", "it costs nineteen ninety nine a month",
         "extension {n} please", "i waited {n} hours on hold", "i'll be home by {time}", "it came to {money} in the end"}));
    all.push_back(kind(K::EmailAddress,
        {"You can reach me at [[{email}]].", "My email is [[{email}]].",
         "A: What's your email address?|Sure, it's [[{email}]].", "Send the receipt to [[{email}]] please."},
        {"you can reach me at [[{email}]]", "my email is [[{email}]]",
         "a: what's your email address|sure it's [[{email}]]", "send the receipt to [[{email}]] please"},
        {"Meet me at the front desk at ten.", "I work at Google.", "That's a good point at last.",
         "I'm at home right now."},
        {"meet me at the front desk at ten", "i work at google dot com", "that's a good point at last",
         "you have to dot the i's"}));
    all.push_back(kind(K::Date,
        {"The invoice is from [[{date}]].", "It was delivered on [[{date}]].", "Can we move it to [[{date}]]?",
         "The charge posted on [[{date}]]."},
        {"the invoice is from [[{date}]]", "it was delivered on [[{date}]]", "can we move it to [[{date}]]",
         "the charge posted on [[{date}]]"},
        {"I can come in today or tomorrow.", "I may need two large pizzas.", "They march in the parade.",
         "I'll see you in a bit."},
        {"i can come in today or tomorrow", "i may need two large pizzas", "they march in the parade",
         "i'll see you in a bit"}));
    all.push_back(kind(K::Time,
        {"The appointment is at [[{time}]].", "Can you come by at [[{time}]]?", "Let's say [[{time}]] then.",
         "A: What time works for you?|[[{time}]] works."},
        {"the appointment is at [[{time}]]", "can you come by at [[{time}]]", "let's say [[{time}]] then",
         "a: what time works for you|[[{time}]] works"},
        {"At one point I had {n} cats.", "It took {n} seconds.", "I have {n} dogs."},
        {"at one point i had {n} cats", "it took {n} seconds", "i have {n} dogs"}));
    all.push_back(kind(K::Dob,
        {"A: Can you confirm your date of birth?|[[{dobdate}]].", "My date of birth is [[{dobdate}]].",
         "I was born on [[{dobdate}]].", "A: And your DOB?|It's [[{dobdate}]]."},
        {"a: can you confirm your date of birth|[[{dobdate}]]", "my date of birth is [[{dobdate}]]",
         "i was born on [[{dobdate}]]", "a: and your birthday|it's [[{dobdate}]]"},
        {"The order shipped on {date}.", "My son was born in a hospital nearby.", "We spoke on {date}."},
        {"the order shipped on {date}", "my son was born in a hospital nearby", "we spoke on {date}"}));
    all.push_back(kind(K::Location,
        {"I live at [[{street}]], near the park.", "Ship it to [[{cityzip}]] please.", "I'm calling from [[{country}]].",
         "I live in [[{city}]] now.", "A: What's your zip code?|[[{zip}]]."},
        {"i live at [[{street}]] near the park", "my zip code is [[{zip}]]", "i'm calling from [[{country}]]",
         "i live in [[{city}]] now", "we moved to [[{city}]] last year"},
        {"It takes {n} minutes all the way.", "We had turkey for dinner.", "I'm reading a book.",
         "That sounds nice."},
        {"it takes {n} minutes all the way", "we had turkey for dinner", "i'm reading a book",
         "that sounds nice"}));
    all.push_back(kind(K::Origin,
        {"I'm [[{demonym}]], so Spanish is fine.", "I'm of [[{demonym}]] descent.", "My family is [[{demonym}]].",
         "My heritage is [[{demonym}]]."},
        {"i'm [[{demonym}]]", "i'm of [[{demonym}]] descent", "my family is [[{demonym}]]",
         "my heritage is [[{demonym}]]"},
        {"I'd like the Mexican pizza.", "I love Italian food.", "The French fries were cold.",
         "We ordered Chinese takeout."},
        {"i'd like the mexican pizza", "i love italian food", "the french fries were cold",
         "we ordered chinese takeout"}));
    all.push_back(kind(K::GenderSexuality,
        {"I identify as [[{gender}]].", "I'm [[{gender}]], if that matters.", "My pronouns are [[they/them]].",
         "As a [[{gender}]] person I care about that."},
        {"i identify as [[{gender}]]", "i'm [[{gender}]] if that matters", "my pronouns are [[she her]]",
         "as a [[{gender}]] person i care about that"},
        {"Oh man, that's annoying.", "The woman at the desk helped me.", "I'll be straight with you.",
         "Hey man, thanks."},
        {"oh man that's annoying", "the woman at the desk helped me", "i'll be straight with you",
         "hey man thanks"}));
    all.push_back(kind(K::PhysicalAttribute,
        {"I'm [[{height}]] and pretty active.", "I weigh [[{weight}]].", "My eyes are [[{eyes}]].",
         "I have a [[{mark}]] on my arm."},
        {"i'm [[{height}]] and pretty active", "i weigh [[{weight}]]", "my eyes are [[{eyes}]]",
         "i have a [[{mark}]] on my arm"},
        {"I'm short on time today.", "I'm {n} minutes out.", "That's a fair point.", "The grass is green."},
        {"i'm short on time today", "i'm {n} minutes out", "that's a fair point", "the grass is green"}));
    all.push_back(kind(K::Occupation,
        {"I'm a [[{job}]] at the hospital.", "I work as a [[{job}]].", "I'm a [[retired {job}]].",
         "By profession I'm a [[{job}]]."},
        {"i'm a [[{job}]] at the hospital", "i work as a [[{job}]]", "i'm a [[retired {job}]]",
         "by profession i'm a [[{job}]]"},
        {"I'm a bit late.", "The nurse called me back.", "The plumber never showed up.", "I'm a little confused."},
        {"i'm a bit late", "the nurse called me back", "the plumber never showed up", "i'm a little confused"}));
    all.push_back(kind(K::Username,
        {"My username is [[{user}]].", "The login is [[{user}]].", "A: What's your user ID?|It's [[{user}]].",
         "My screen name is [[{user}]]."},
        {"my username is [[{user}]]", "the login is [[{user}]]", "a: what's your user id|it's [[{user}]]",
         "my screen name is [[{user}]]"},
        {"I forgot my username.", "The login page won't load.", "The user was confused."},
        {"i forgot my username", "the login page won't load", "the user was confused"}));
    all.push_back(kind(K::Password,
        {"My password is [[{password}]].", "My PIN is [[{pin}]].", "The verification code is [[{otp}]].",
         "A: Can you read me the one-time code?|[[{otp}]]."},
        {"my password is [[{password}]]", "my pin is [[{pin}]]", "the verification code is [[{otp}]]",
         "a: can you read me the one time code|[[{otp}]]"},
        {"I forgot my password.", "Can you reset my password?", "I need a new PIN."},
        {"i forgot my password", "can you reset my password", "i need a new pin"}));
    all.push_back(kind(K::IpAddress,
        {"My IP is [[{ip}]].", "It shows [[{ip}]] there.", "The router's address is [[{ip}]]."},
        {"my ip is [[{ip}]]", "it shows [[{ip}]] there", "the router's address is [[{ip}]]"},
        {"We run version 2.1.{n} here.", "Update to version 1.2.0.{n} first.", "It says 300.1.1.1.",
         "The call came at 10:30:15."},
        {"we run version two point one", "update to version {n} first", "the score was {n} out of ten"}));
    all.push_back(kind(K::Url,
        {"Go to [[{url}]] now.", "Visit [[{url}]].", "The site is [[{url}]]."},
        {"go to [[{url}]] now", "visit [[{url}]]", "our website is [[{url}]] okay"},
        {"We run version 2.1.{n}.", "I'm done.Thanks for calling.", "I'll check the website."},
        {"you have to dot the i's", "that's a good point", "i'll check the website"}));
    all.push_back(kind(K::Filename,
        {"I attached [[{file}]] to the email.", "The file is called [[{file}]].", "Can you open [[{file}]]?"},
        {"i attached [[{file}]] to the email", "the file is called [[{file}]]", "can you open [[{file}]]"},
        {"It's in the PDF you sent.", "Go to the docs page.", "Version 2.{n} is out."},
        {"it's in the pdf you sent", "go to the docs page", "version two is out"}));
    all.push_back(kind(K::Event,
        {"We're closed over [[{holiday}]].", "It's for my [[{lifeevent}]] in June.", "I'm at the [[{festival}]].",
         "We're traveling for [[{holiday}]]."},
        {"we're closed over [[{holiday}]]", "it's for my [[{lifeevent}]] in june", "we're traveling for [[{holiday}]]",
         "i'm busy with [[{holiday}]] this week"},
        {"I'll see you at the meeting.", "I lent my car to a friend.", "The event page won't load."},
        {"i'll see you at the meeting", "i lent my car to a friend", "the event page won't load"}));
    all.push_back(kind(K::VehicleId,
        {"The VIN is [[{vin}]].", "The car is [[{vin}]] I think.", "My license plate is [[{plate}]].",
         "A: And the plate number?|It's [[{plate}]]."},
        {"the vin is [[{vin}]]", "my license plate is [[{plate}]]", "a: and the plate number|it's [[{plate}]]",
         "my plate number is [[{plate}]]"},
        {"My plate says HELLO.", "The car is red.", "I drove {n} miles.", "The plate was broken."},
        {"my plate says hello", "the car is red", "i drove {n} miles", "the plate was broken"}));
    all.push_back(kind(K::HealthcareNumber,
        {"My member ID is [[{memberid}]].", "A: What's the policy number on your insurance card?|[[{policy}]].",
         "My NHS number is [[{nhs}]].", "My Medicare number is [[{mbi}]].", "The doctor's NPI is [[{npi}]]."},
        {"my member id is [[{memberid}]]", "a: what's the policy number on your insurance card|[[{policy}]]",
         "my nhs number is [[{nhs}]]", "my medicare number is [[{mbi}]]", "the doctor's npi is [[{npi}]]"},
        {"I take {n} pills at 8.", "My insurance is through work.", "I have Medicare."},
        {"i take {n} pills at eight", "my insurance is through work", "i have medicare"}));
    all.push_back(kind(K::MedicalProfessional,
        {"I saw Dr. [[{last}]] on Tuesday.", "My dentist is [[{first} {last}]].", "Nurse [[{first} {last}]] called me.",
         "My doctor is Dr. [[{last}]]."},
        {"my appointment with doctor [[{last}]]", "my dentist is [[{first} {last}]]", "nurse [[{first} {last}]] called me",
         "my therapist is [[{first} {last}]]"},
        {"The doctor said I was fine.", "I need to see a doctor.", "The nurse was kind.", "Is the dentist open?"},
        {"the doctor said i was fine", "i need to see a doctor", "the nurse was kind", "is the dentist open"}));
    all.push_back(kind(K::CreditCard,
        {"My card is [[{card}]], thanks.", "A: Go ahead with the card number.|[[{card}]]",
         "A: Go ahead with the card number.|[[{cardhalf1}]]|A: Okay.|[[{cardhalf2}]]",
         "A: And the card's expiration date?|[[{expiry}]]", "A: The CVV on the back, please.|It's [[{cvv}]]."},
        {"my card is [[{card}]] thanks", "a: go ahead with the card number|[[{card}]]",
         "a: go ahead with the card number|[[{cardhalf1}]]|a: okay|[[{cardhalf2}]]",
         "a: when does your card expire|[[{expiry}]]", "a: the cvv on the back please|it's [[{cvv}]]"},
        {"My card is 4111 1111 1111 1112.", "My library card is in my wallet.", "Card games are fun.",
         "I'd like {n} large pizzas at 123 Main Street.", "The card was charged {money} at {time}."},
        {"my library card is in my wallet", "card games are fun", "i'd like {n} large pizzas",
         "a: when does your passport expire|oh five twenty seven", "the card was charged {money} at {time}"}));
    all.push_back(kind(K::AccountNumber,
        {"My account number is [[{account}]].", "The order number is [[{orderid}]].",
         "A: Do you have your confirmation number?|Yes, it's [[{orderid}]].", "My case number is [[{account}]]."},
        {"my account number is [[{account}]]", "the order number is [[{orderid}]]",
         "a: do you have your confirmation number|yes it's [[{account}]]", "my member number is [[{account}]]"},
        {"My account has {n} users.", "I'm calling about my account.", "The order was late."},
        {"my account has {n} users", "i'm calling about my account", "the order was late"}));
    all.push_back(kind(K::BankAccount,
        {"The routing number is [[{aba}]].", "My IBAN is [[{iban}]].", "A: And your checking account number?|[[{checking}]]",
         "Sort code and account: [[{sortcode}]]."},
        {"the routing number is [[{aba}]]", "a: what's your routing number|[[{aba}]]",
         "a: and your checking account number|[[{checking}]]", "my savings account number is [[{checking}]]"},
        {"I went to the bank yesterday.", "My savings are low.", "We walked along the river bank."},
        {"i went to the bank yesterday", "my savings are low", "we walked along the river bank"}));
    all.push_back(kind(K::Money,
        {"The charge was [[{money}]] last month.", "I paid [[{money}]] for it.", "It cost [[{money}]].",
         "My balance is [[{money}]]."},
        {"the charge was [[{money}]] last month", "i paid [[{money}]] for it", "it cost [[{money}]]",
         "the total comes to [[{price}]]"},
        {"I weigh 180 pounds.", "I want to pay for {n} large pizzas.", "I have {n} problems."},
        {"i weigh one eighty pounds", "i want to pay for {n} large pizzas", "i have twelve ninety nine problems"}));
    all.push_back(kind(K::Ssn,
        {"It's [[{ssn}]], I think.", "My social is [[{ssn}]].", "A: And what's your social?|[[{ssn9}]]",
         "A: Can I get the last four of your social?|Sure, [[{last4}]].",
         "A: And your social security number?|[[{ssnhalf1}]]|A: Mm-hmm.|[[{ssnhalf2}]]"},
        {"a: what's your social|[[{ssn9}]]", "my social is [[{ssn}]]", "my social security number is [[{ssn9}]]",
         "a: can i get the last four of your social|sure [[{last4}]]",
         "a: and your social security number|[[{ssnhalf1}]]|a: mm-hmm|[[{ssnhalf2}]]"},
        {"I saw it on social media.", "A: What year?|1985.", "Order 12 of {n}.", "It came to {money} at {time}."},
        {"i saw it on social media", "a: what year|nineteen eighty five", "order twelve of {n}",
         "it came to {money} at {time}"}));
    all.push_back(kind(K::PassportNumber,
        {"My passport number is [[{passport}]].", "A: What's your passport number?|[[{passport}]].",
         "Passport [[{passport}]]."},
        {"my passport number is [[{passport}]]", "a: what's your passport number|[[{passport}]]",
         "passport [[{passport}]]"},
        {"My passport expires in 2027.", "I lost my passport.", "Ticket {n}."},
        {"my passport expires in twenty twenty seven", "i lost my passport", "ticket {n}"}));
    all.push_back(kind(K::DriverLicense,
        {"My driver's license number is [[{dl}]].", "A: Can I have your DL number?|Sure, [[{dl}]].",
         "My driving licence number is [[{dl}]]."},
        {"my drivers license is [[{dl}]]", "a: can i have your driver's license number|sure [[{dl}]]",
         "my license number is [[{dl}]]"},
        {"I got my license last year.", "The license expired.", "I drove {n} miles."},
        {"i got my license last year", "the license expired", "i drove {n} miles"}));
    all.push_back(kind(K::NumericalPii,
        {"The number on the letter is [[{longnumber}]].", "Reference [[{idlike}]], please.",
         "The router is [[{mac}]].", "The code on the back is [[{longnumber}]]."},
        {"the number on the letter is [[{longnumber}]]", "it's [[{longnumber}]]",
         "the code on the back is [[{longnumber}]]"},
        {"It cost $12500.", "On 2024-05-12.", "Pi is 3.14159.", "Back in the 1990s I took 500mg.", "It came to {money}.",
         "Can you come at {time}?", "I'm {age} years old."},
        {"we have twelve thousand five hundred customers", "pi is three point one four", "i took {n} pills",
         "it came to {money}", "can you come at {time}", "i'm {age} years old"}));
    return all;
}

// Lower-case "a: " in the spoken templates marks the agent too.
void normaliseAgentMarks(std::vector<KindTemplates> &kinds)
{
    for (KindTemplates &kind : kinds) {
        for (QStringList *list : {&kind.spoken, &kind.spokenNegative}) {
            for (QString &line : *list)
                line.replace(QRegularExpression(QStringLiteral("(^|\\|)a: ")), QStringLiteral("\\1A: "));
        }
    }
}

struct Counts
{
    int truePositives = 0, falseNegatives = 0, falsePositives = 0;
    void operator+=(const Counts &o)
    {
        truePositives += o.truePositives;
        falseNegatives += o.falseNegatives;
        falsePositives += o.falsePositives;
    }
    double precision() const { const int d = truePositives + falsePositives; return d ? double(truePositives) / d : 1.0; }
    double recall() const { const int d = truePositives + falseNegatives; return d ? double(truePositives) / d : 1.0; }
};

QString shown(const Utterance &u, const RedactionSpans &found)
{
    QStringList parts;
    for (int t = 0; t < u.turns.size(); ++t) {
        RedactionSpans mine;
        for (const RedactionSpan &span : found) {
            if (span.turn == t)
                mine.append(span);
        }
        QString text = Redactor::replaced(u.turns[t].content, mine, nullptr);
        parts.append((u.turns[t].role == Turn::Role::MainAgent ? QStringLiteral("A: ") : QString()) + text);
    }
    return parts.join(QStringLiteral(" | "));
}

// Scores one utterance by the rule in the header comment.
Counts scored(const Utterance &u, const RedactionSpans &found, bool *missed, bool *extra)
{
    const auto covered = [&found](int turn, qsizetype at) {
        return std::any_of(found.cbegin(), found.cend(),
                           [=](const RedactionSpan &s) { return s.turn == turn && at >= s.begin && at < s.end; });
    };
    Counts counts;
    for (const RedactionSpan &expected : u.expected) {
        const QString &text = u.turns[expected.turn].content;
        bool all = true;
        for (qsizetype at = expected.begin; at < expected.end && all; ++at)
            all = !text[at].isLetterOrNumber() || covered(expected.turn, at);
        ++(all ? counts.truePositives : counts.falseNegatives);
    }
    *missed = counts.falseNegatives > 0;
    *extra = false;
    for (const RedactionSpan &span : found) {
        const QString &text = u.turns[span.turn].content;
        for (qsizetype at = span.begin; at < span.end && !*extra; ++at) {
            if (!text[at].isLetterOrNumber())
                continue;
            const bool near = std::any_of(u.expected.cbegin(), u.expected.cend(), [&](const RedactionSpan &e) {
                return e.turn == span.turn && at >= e.begin - kSlack && at < e.end + kSlack;
            });
            *extra = !near;
        }
    }
    counts.falsePositives = *extra ? 1 : 0;
    return counts;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

QString figure(double value) { return QString::number(value, 'f', 2); }

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Precision, recall and speed of PII redaction (issue 13)."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Speed runs (median taken)."), QStringLiteral("n"),
                                        QStringLiteral("5"));
    const QCommandLineOption missesOption(QStringLiteral("misses"), QStringLiteral("Print the misses of a kind (or all)."),
                                          QStringLiteral("kind"));
    const QCommandLineOption noSpeedOption(QStringLiteral("no-speed"), QStringLiteral("Skip the speed runs."));
    parser.addOptions({runsOption, missesOption, noSpeedOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString missesOf = parser.value(missesOption);

    std::vector<KindTemplates> kinds = templates();
    normaliseAgentMarks(kinds);
    const std::vector<Utterance> corpus = CorpusGenerator(13).corpus(kinds, kOrdinaryWritten, kOrdinarySpoken);

    int turnCount = 0, positives = 0, expectedSpans = 0, ordinary = 0;
    for (const Utterance &u : corpus) {
        turnCount += int(u.turns.size());
        positives += u.expected.isEmpty() ? 0 : 1;
        expectedSpans += int(u.expected.size());
        ordinary += u.ordinary ? 1 : 0;
    }
    std::printf("corpus: %zu utterances (%d turns), seed 13: %d positive (%d spans to redact; %d per kind and form), %zu near\n"
                "misses of a kind (%d per kind and form), %d ordinary sentences that every kind is scored on\n",
                corpus.size(), turnCount, positives, expectedSpans, kPositivesPerForm, corpus.size() - positives - ordinary,
                kNegativesPerForm, ordinary);
    std::printf("scoring: found = every letter and digit of the expected span redacted; false positive = a redacted letter or\n"
                "digit more than %lld characters from every expected span (at most one per utterance)\n\n",
                static_cast<long long>(kSlack));

    std::map<RedactionKind, std::pair<Counts, Counts>> byKind;   // written, spoken
    std::map<RedactionKind, Redactor> redactors;
    for (const KindTemplates &k : kinds)
        redactors.emplace(k.kind, Redactor({k.kind}));
    for (const Utterance &u : corpus) {
        for (const auto &[kind, redactor] : redactors) {
            if (!u.ordinary && kind != u.kind)
                continue;
            const RedactionSpans found = redactor.find(RedactionContext(u.turns));
            bool missed = false, extra = false;
            const Counts counts = scored(u, found, &missed, &extra);
            (u.spoken ? byKind[kind].second : byKind[kind].first) += counts;
            if ((missed || extra) && (missesOf == u"all" || missesOf == RedactionKinds::name(kind)))
                std::printf("%-20s %s %s: %s\n", qPrintable(RedactionKinds::name(kind)), u.spoken ? "spoken " : "written",
                            missed ? "MISS" : "FP  ", qPrintable(shown(u, found)));
        }
    }

    std::printf("| kind | written P | written R | spoken P | spoken R | P | R | TP | FN | FP |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Counts written, spoken;
    double macroPrecision = 0, macroRecall = 0;
    for (const auto &[kind, counts] : byKind) {
        Counts both = counts.first;
        both += counts.second;
        written += counts.first;
        spoken += counts.second;
        macroPrecision += both.precision();
        macroRecall += both.recall();
        std::printf("| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d |\n", qPrintable(RedactionKinds::name(kind)),
                    qPrintable(figure(counts.first.precision())), qPrintable(figure(counts.first.recall())),
                    qPrintable(figure(counts.second.precision())), qPrintable(figure(counts.second.recall())),
                    qPrintable(figure(both.precision())), qPrintable(figure(both.recall())), both.truePositives,
                    both.falseNegatives, both.falsePositives);
    }
    Counts overall = written;
    overall += spoken;
    std::printf("| **all (micro)** | %s | %s | %s | %s | %s | %s | %d | %d | %d |\n", qPrintable(figure(written.precision())),
                qPrintable(figure(written.recall())), qPrintable(figure(spoken.precision())), qPrintable(figure(spoken.recall())),
                qPrintable(figure(overall.precision())), qPrintable(figure(overall.recall())), overall.truePositives,
                overall.falseNegatives, overall.falsePositives);
    std::printf("| **all (macro, mean of kinds)** | | | | | %s | %s | | | |\n\n",
                qPrintable(figure(macroPrecision / byKind.size())),
                qPrintable(figure(macroRecall / byKind.size())));

    if (parser.isSet(noSpeedOption))
        return 0;
    const Redactor everything(QSet<RedactionKind>(RedactionKinds::all().cbegin(), RedactionKinds::all().cend()));
    std::vector<double> baseline, redaction;
    volatile qsizetype sink = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        qsizetype words = 0;
        for (const Utterance &u : corpus) {
            for (const Turn &turn : u.turns)
                words += turn.content.split(u' ', Qt::SkipEmptyParts).size();
        }
        sink = sink + words;
        baseline.push_back(timer.nsecsElapsed() / 1e9);

        timer.restart();
        qsizetype spans = 0;
        for (const Utterance &u : corpus)
            spans += everything.find(RedactionContext(u.turns)).size();
        sink = sink + spans;
        redaction.push_back(timer.nsecsElapsed() / 1e9);
    }
    const double baseRate = turnCount / median(baseline), redactRate = turnCount / median(redaction);
    std::printf("speed, %d turns, all %d kinds wanted, median of %d runs:\n", turnCount, int(RedactionKinds::all().size()), runs);
    std::printf("  QString::split into words (baseline): %.0f turns/s (%.2f ms)\n", baseRate, median(baseline) * 1e3);
    std::printf("  Redactor::find, all kinds:            %.0f turns/s (%.1f ms, %.1f us/turn), %.0fx the baseline's time\n",
                redactRate, median(redaction) * 1e3, median(redaction) * 1e6 / turnCount, baseRate / redactRate);
    return 0;
}
