#include "redact/spelledcharacters.h"
#include "redact/spokennumbers.h"

#include <QTest>

class TestSpelledCharacters : public QObject
{
    Q_OBJECT

private slots:
    void joined_data();
    void joined();
    void mapsEachCharacterToItsWords();
};

void TestSpelledCharacters::joined_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plate") << "my license plate is three u l l oh four four" << "my license plate is 3ULL044";
    QTest::newRow("letters first") << "it's z w l four two one" << "it's ZWL421";
    QTest::newRow("passport") << "d one two three four five six seven eight" << "D12345678";
    QTest::newRow("nato") << "seven alpha bravo one two three" << "7AB123";
    QTest::newRow("as in") << "it's b as in boy, c as in cat, four five six" << "it's BC456";
    QTest::newRow("capital") << "capital x nine nine" << "X99";
    QTest::newRow("double letter") << "double d four" << "DD4";
    QTest::newRow("a beside letters") << "four m a g p four" << "4MAGP4";
    QTest::newRow("a before an ID") << "a one two three four five six seven eight" << "A12345678";
    QTest::newRow("a after an ID") << "four six three d seven a" << "463D7A";
    QTest::newRow("oh as zero") << "the vin is oh m oh h k four" << "the vin is 0M0HK4";
    QTest::newRow("written spaced") << "ID is B 1 2 3" << "ID is B123";
    // No digit, or a word rather than a letter: nothing joins.
    QTest::newRow("article") << "is a four door" << "is a 4 door";
    QTest::newRow("article before money") << "pay a 500 dollar fee" << "pay a 500 dollar fee";
    QTest::newRow("oh alone") << "oh i see" << "oh i see";
    QTest::newRow("pronoun") << "i two" << "i 2";
    QTest::newRow("letters only") << "s m i t h" << "s m i t h";
    QTest::newRow("words") << "press one for sales" << "press 1 for sales";
    QTest::newRow("sentence break") << "plan b. one more thing" << "plan b. 1 more thing";
}

void TestSpelledCharacters::joined()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SpelledCharacters::joined(SpokenNumbers::canonical(text)).text(), expected);
}

void TestSpelledCharacters::mapsEachCharacterToItsWords()
{
    const QString text = QStringLiteral("plate b as in boy seven");
    const SpokenText view = SpelledCharacters::joined(SpokenNumbers::canonical(text));
    QCOMPARE(view.text(), QStringLiteral("plate B7"));
    const auto [letterFrom, letterTo] = view.originalRange(6, 7);
    QCOMPARE(text.mid(letterFrom, letterTo - letterFrom), QStringLiteral("b as in boy"));
    const auto [from, to] = view.originalRange(6, 8);
    QCOMPARE(text.mid(from, to - from), QStringLiteral("b as in boy seven"));
    const auto [wordFrom, wordTo] = view.originalRange(0, 5);
    QCOMPARE(text.mid(wordFrom, wordTo - wordFrom), QStringLiteral("plate"));
}

QTEST_APPLESS_MAIN(TestSpelledCharacters)
#include "tst_spelledcharacters.moc"
