// The CSV reader on whole texts (rows, line numbers, errors) and on a sequential device.

#include "ingest/bytestream.h"
#include "ingest/csvreader.h"
#include "ingest/csvtable.h"

#include <QBuffer>
#include <QTest>

namespace {

// Every row of `text`, read through a ByteStream as the importer reads a file.
bool readAll(const QString &text, QList<CsvReader::Row> &rows, QString *error)
{
    QByteArray data = text.toUtf8();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    ByteStream input(&buffer);
    CsvReader reader(input);
    CsvReader::Row row;
    while (reader.next(&row))
        rows.append(row);
    if (error)
        *error = reader.error();
    return reader.error().isEmpty();
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void reportsUnterminatedQuote();
    void formatThenParseIsIdentity();
};

void TestCsvReader::parses_data()
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
    QTest::newRow("lone cr ends a line") << "a\rb\r" << QList<QStringList>{{"a"}, {"b"}} << QList<int>{1, 2};
    QTest::newRow("utf-8") << "caf\u00e9,\"\u00fc,\u00df\"\n" << QList<QStringList>{{"caf\u00e9", "\u00fc,\u00df"}} << QList<int>{1};
    QTest::newRow("blank lines skipped") << "a\n\nb\n" << QList<QStringList>{{"a"}, {"b"}} << QList<int>{1, 3};
}

void TestCsvReader::parses()
{
    QFETCH(QString, text);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, lines);
    QList<CsvReader::Row> parsed;
    QString error;
    QVERIFY2(readAll(text, parsed, &error), qPrintable(error));
    QCOMPARE(parsed.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(parsed.at(i).fields, rows.at(i));
        QCOMPARE(parsed.at(i).line, lines.at(i));
    }
}

void TestCsvReader::reportsUnterminatedQuote()
{
    QList<CsvReader::Row> parsed;
    QString error;
    QVERIFY(!readAll(QStringLiteral("a\n\"open,b\n"), parsed, &error));
    QCOMPARE(error, QStringLiteral("line 2: unterminated quoted field"));
}

void TestCsvReader::formatThenParseIsIdentity()
{
    const QStringList fields{QStringLiteral("plain"), QStringLiteral("with,comma"), QStringLiteral("[{\"role\":\"x\"}]"),
                             QStringLiteral("multi\nline"), QString()};
    QList<CsvReader::Row> parsed;
    QVERIFY(readAll(CsvTable::formatRow(fields), parsed, nullptr));
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.first().fields, fields);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
