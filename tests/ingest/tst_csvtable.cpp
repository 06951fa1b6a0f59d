#include "ingest/csvtable.h"

#include <QTest>

class TestCsvTable : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void reportsUnterminatedQuote();
    void formatThenParseIsIdentity();
};

void TestCsvTable::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("plain") << "a,b\n1,2\n" << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
    QTest::newRow("no final newline") << "a,b\n1,2" << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
    QTest::newRow("crlf") << "a,b\r\n1,2\r\n" << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
    QTest::newRow("empty fields") << "a,,c\n,," << QList<QStringList>{{"a", "", "c"}, {"", "", ""}} << QList<int>{1, 2};
    QTest::newRow("quoted comma and quote") << "\"x,y\",\"say \"\"hi\"\"\"\n"
                                            << QList<QStringList>{{"x,y", "say \"hi\""}} << QList<int>{1};
    QTest::newRow("quoted newline keeps line numbers") << "h\n\"two\nlines\"\nnext\n"
                                                       << QList<QStringList>{{"h"}, {"two\nlines"}, {"next"}}
                                                       << QList<int>{1, 2, 4};
    QTest::newRow("blank lines skipped") << "a\n\nb\n" << QList<QStringList>{{"a"}, {"b"}} << QList<int>{1, 3};
}

void TestCsvTable::parses()
{
    QFETCH(QString, text);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, lines);
    QList<CsvTable::Row> parsed;
    QString error;
    QVERIFY2(CsvTable::parse(text, parsed, &error), qPrintable(error));
    QCOMPARE(parsed.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(parsed.at(i).fields, rows.at(i));
        QCOMPARE(parsed.at(i).line, lines.at(i));
    }
}

void TestCsvTable::reportsUnterminatedQuote()
{
    QList<CsvTable::Row> parsed;
    QString error;
    QVERIFY(!CsvTable::parse(QStringLiteral("a\n\"open,b\n"), parsed, &error));
    QCOMPARE(error, QStringLiteral("line 2: unterminated quoted field"));
}

void TestCsvTable::formatThenParseIsIdentity()
{
    const QStringList fields{QStringLiteral("plain"), QStringLiteral("with,comma"), QStringLiteral("[{\"role\":\"x\"}]"),
                             QStringLiteral("multi\nline"), QString()};
    QList<CsvTable::Row> parsed;
    QVERIFY(CsvTable::parse(CsvTable::formatRow(fields), parsed, nullptr));
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.first().fields, fields);
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
