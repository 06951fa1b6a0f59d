// SpokenElectronic writes spoken addresses as symbols, and only in electronic context.
#include "redact/spokenelectronic.h"

#include <QtTest>

class TestSpokenElectronic : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void mapsBackToTheWords();
};

void TestSpokenElectronic::canonical_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("email") << "maria at example dot com" << "maria@example.com";
    QTest::newRow("spelled letters join") << "j o h n dot smith at gmail dot com" << "john.smith@gmail.com";
    QTest::newRow("underscore") << "maria underscore lopez at outlook dot com" << "maria_lopez@outlook.com";
    QTest::newRow("period and dash") << "it's ann dash lee at mail period example dot org"
                                     << "it's ann-lee@mail.example.org";
    QTest::newRow("digits after a word") << "it's john one two three at gmail dot com" << "it's john123@gmail.com";
    QTest::newRow("letters with commas") << "my email is j, o, h, n at yahoo dot com." << "my email is john@yahoo.com.";
    QTest::newRow("letters as in") << "it's n as in nancy, delta r e at gmail dot com" << "it's ndre@gmail.com";
    QTest::newRow("nato beside letters") << "p romeo at yahoo dot com" << "pr@yahoo.com";
    QTest::newRow("nato word alone") << "book it at delta dot com" << "book it at delta.com";
    QTest::newRow("half written") << "Maria at Example.com" << "Maria@Example.com";
    QTest::newRow("www and slash") << "go to w w w dot example dot com slash pricing" << "go to www.example.com/pricing";
    QTest::newRow("scheme") << "h t t p s colon slash slash example dot com" << "https://example.com";
    QTest::newRow("file name") << "send me the report dot p d f please" << "send me the report.pdf please";
    QTest::newRow("the address after a second at") << "bob at maria at gmail dot com" << "bob at maria@gmail.com";
    QTest::newRow("an ordinary word before at") << "I work at google dot com" << "I work at google.com";
    QTest::newRow("meet at ten") << "meet at ten" << "meet at ten";
    QTest::newRow("at noon") << "I'll be there at noon" << "I'll be there at noon";
    QTest::newRow("front desk") << "meet me at the front desk" << "meet me at the front desk";
    QTest::newRow("good point") << "that's a good point" << "that's a good point";
    QTest::newRow("dot the i's") << "you have to dot the i's" << "you have to dot the i's";
    QTest::newRow("a point that is") << "the point is we're done" << "the point is we're done";
    QTest::newRow("sentence end") << "we met at school. that's a good point com" << "we met at school. that's a good point com";
    QTest::newRow("spoken IP stays for SpokenNumbers") << "one ninety two dot one sixty eight dot one dot ten"
                                                       << "one ninety two dot one sixty eight dot one dot ten";
}

void TestSpokenElectronic::canonical()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SpokenElectronic::canonical(text).text(), expected);
}

// Each symbol redacts the word it was said as, and text outside the address maps to itself.
void TestSpokenElectronic::mapsBackToTheWords()
{
    const QString text = QStringLiteral("write to j o at example dot com today");
    const SpokenText canonical = SpokenElectronic::canonical(text);
    QCOMPARE(canonical.text(), QStringLiteral("write to jo@example.com today"));
    const qsizetype at = canonical.text().indexOf(QLatin1Char('@'));
    auto [begin, end] = canonical.originalRange(at, at + 1);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("at"));
    std::tie(begin, end) = canonical.originalRange(canonical.text().indexOf(QLatin1Char('j')),
                                                   canonical.text().indexOf(QLatin1String(" today")));
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("j o at example dot com"));
    std::tie(begin, end) = canonical.originalRange(0, 5);
    QCOMPARE(text.mid(begin, end - begin), QStringLiteral("write"));
}

QTEST_GUILESS_MAIN(TestSpokenElectronic)
#include "tst_spokenelectronic.moc"
