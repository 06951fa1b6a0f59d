#include "providers/webhooksignature.h"

#include <QTest>

class TestWebhookSignature : public QObject
{
    Q_OBJECT

private slots:
    void hmacMatchesRfc4231();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void staleReason_data();
    void staleReason();
    void headerParts();
};

// RFC 4231 test case 2 pins the HMAC itself.
void TestWebhookSignature::hmacMatchesRfc4231()
{
    QCOMPARE(WebhookSignature::hmacSha256Hex("Jefe", "what do ya want for nothing?"),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestWebhookSignature::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("last byte differs") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("prefix") << QByteArray("ab") << QByteArray("abc") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
}

void TestWebhookSignature::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);

    QCOMPARE(WebhookSignature::constantTimeEquals(a, b), equal);
}

void TestWebhookSignature::staleReason_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<QString>("reason");

    QTest::newRow("fresh") << qint64(0) << QString();
    QTest::newRow("exactly at the limit") << qint64(300000) << QString();
    QTest::newRow("12 minutes old") << qint64(12 * 60000 + 500) << QStringLiteral("signature timestamp is 12 minutes old (at most 5 allowed)");
    QTest::newRow("in the future") << qint64(-7 * 60000) << QStringLiteral("signature timestamp is 7 minutes in the future");
}

void TestWebhookSignature::staleReason()
{
    QFETCH(qint64, ageMs);
    QFETCH(QString, reason);

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1767000000000, Qt::UTC);
    QCOMPARE(WebhookSignature::staleReason(now.addMSecs(-ageMs), now, 300000).value_or(QString()), reason);
}

void TestWebhookSignature::headerParts()
{
    const QHash<QString, QString> parts = WebhookSignature::headerParts(QStringLiteral("t=17, v0=ab=c ,junk"));
    QCOMPARE(parts.value(QStringLiteral("t")), QStringLiteral("17"));
    QCOMPARE(parts.value(QStringLiteral("v0")), QStringLiteral("ab=c"));
    QCOMPARE(parts.size(), 2);
}

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
