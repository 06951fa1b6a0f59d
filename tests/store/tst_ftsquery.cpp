#include "store/ftsquery.h"

#include <QTest>

// FtsQuery must turn any typed text into a MATCH expression FTS5 accepts.
class TstFtsQuery : public QObject
{
    Q_OBJECT

private slots:
    void matchExpression_data();
    void matchExpression();
};

void TstFtsQuery::matchExpression_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   \t ") << QString();
    QTest::newRow("one word") << QStringLiteral("refund") << QStringLiteral("\"refund\"");
    QTest::newRow("two words") << QStringLiteral(" refund  friday ") << QStringLiteral("\"refund\" \"friday\"");
    QTest::newRow("quote inside") << QStringLiteral("say\"hi") << QStringLiteral("\"say\"\"hi\"");
    QTest::newRow("operators are words") << QStringLiteral("a AND NOT b") << QStringLiteral("\"a\" \"AND\" \"NOT\" \"b\"");
    QTest::newRow("column filter") << QStringLiteral("content:x") << QStringLiteral("\"content:x\"");
    QTest::newRow("prefix star") << QStringLiteral("resch*") << QStringLiteral("\"resch*\"");
    QTest::newRow("punctuation only dropped") << QStringLiteral("!!! ( ) hi") << QStringLiteral("\"hi\"");
    QTest::newRow("unicode") << QStringLiteral("café") << QStringLiteral("\"café\"");
}

void TstFtsQuery::matchExpression()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(FtsQuery::matchExpression(input), expected);
}

QTEST_GUILESS_MAIN(TstFtsQuery)
#include "tst_ftsquery.moc"
