#include "redact/spokennumbers.h"

#include <QTest>

class TestSpokenNumbers : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void mapsDigitsBackToTheirWords();
    void mapsOtherTextToItself();
};

void TestSpokenNumbers::canonical_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("phone in groups") << "four one five, five five five, zero one three two" << "415 555 0132";
    QTest::newRow("phone unpunctuated") << "four one five five five five zero one three two" << "4155550132";
    QTest::newRow("fillers inside") << "four one five uh five five five um zero one" << "41555501";
    QTest::newRow("and between digits") << "four one five and five five five" << "415555";
    QTest::newRow("dash word") << "four one one one dash one one one one" << "4111 1111";
    QTest::newRow("groups join") << "one twenty three" << "123";
    QTest::newRow("area code") << "four fifteen" << "415";
    QTest::newRow("hundred") << "eight hundred" << "800";
    QTest::newRow("toll free") << "eight hundred five five five one two one two" << "8005551212";
    QTest::newRow("hundred compound") << "three hundred five" << "305";
    QTest::newRow("hundred and") << "one hundred and twenty three" << "123";
    QTest::newRow("year") << "nineteen eighty" << "1980";
    QTest::newRow("hyphenated year") << "nineteen eighty-five" << "1985";
    QTest::newRow("year twenty") << "twenty twenty four" << "2024";
    QTest::newRow("thousand and") << "two thousand and five" << "2005";
    QTest::newRow("thousands") << "twelve thousand five hundred dollars" << "12500 dollars";
    QTest::newRow("million") << "one million two hundred thousand" << "1200000";
    QTest::newRow("a hundred") << "a hundred percent" << "100 percent";
    QTest::newRow("oh inside") << "five oh one" << "501";
    QTest::newRow("oh first") << "oh five twenty seven" << "0527";
    QTest::newRow("double oh") << "double oh seven" << "007";
    QTest::newRow("triple") << "triple five" << "555";
    QTest::newRow("capitalised") << "Four One Five" << "415";
    QTest::newRow("ordinal compound") << "the twenty third of May" << "the 23rd of May";
    QTest::newRow("ordinal alone") << "May first" << "May 1st";
    QTest::newRow("written stays") << "call 415-555-0132 now" << "call 415-555-0132 now";
    QTest::newRow("mixed") << "four one five 555 0132" << "415 555 0132";
    QTest::newRow("small quantity") << "two large pizzas" << "2 large pizzas";
    QTest::newRow("minutes") << "I'll call back in five minutes" << "I'll call back in 5 minutes";
    // Number words hidden in ordinary words, and words that are numbers only in a run.
    QTest::newRow("ordinary words") << "someone often money tone phone" << "someone often money tone phone";
    QTest::newRow("oh alone") << "oh, one more thing" << "oh, 1 more thing";
    QTest::newRow("o'clock") << "it's five o'clock" << "it's 5 o'clock";
    QTest::newRow("double check") << "let me double check" << "let me double check";
    QTest::newRow("a second") << "wait a second" << "wait a second";
    QTest::newRow("fraction") << "one third" << "1 third";
    QTest::newRow("and between quantities") << "between two and three" << "between 2 and 3";
    QTest::newRow("and after a compound") << "twenty five and thirty dollars" << "25 and 30 dollars";
    QTest::newRow("trailing filler") << "five uh I mean six" << "5 uh I mean 6";
}

void TestSpokenNumbers::canonical()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SpokenNumbers::canonical(text).text(), expected);
}

void TestSpokenNumbers::mapsDigitsBackToTheirWords()
{
    const QString text = QStringLiteral("it's four one five, twenty three uh nine okay");
    const SpokenText spoken = SpokenNumbers::canonical(text);
    QCOMPARE(spoken.text(), QStringLiteral("it's 415 239 okay"));
    const qsizetype digits = spoken.text().indexOf(QLatin1String("415"));
    auto [begin, end] = spoken.originalRange(digits, digits + 1);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("four"));
    std::tie(begin, end) = spoken.originalRange(digits, digits + 3);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("four one five"));
    // A compound's digits come from all of its words; the whole run from its first word to its last.
    const qsizetype compound = spoken.text().indexOf(QLatin1String("23"));
    std::tie(begin, end) = spoken.originalRange(compound, compound + 1);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("twenty three"));
    std::tie(begin, end) = spoken.originalRange(digits, compound + 3);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("four one five, twenty three uh nine"));
}

void TestSpokenNumbers::mapsOtherTextToItself()
{
    const QString text = QStringLiteral("my phone is two");
    const SpokenText spoken = SpokenNumbers::canonical(text);
    QCOMPARE(spoken.text(), QStringLiteral("my phone is 2"));
    const auto [begin, end] = spoken.originalRange(3, 8);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("phone"));
}

QTEST_GUILESS_MAIN(TestSpokenNumbers)
#include "tst_spokennumbers.moc"
