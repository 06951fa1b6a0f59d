// Which addresses a recording may be fetched from, with and without private hosts allowed.
#include "ingest/recordinghostpolicy.h"

#include <QTest>

class TestRecordingHostPolicy : public QObject
{
    Q_OBJECT

private slots:
    void refusal_data();
    void refusal();
};

void TestRecordingHostPolicy::refusal_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("byDefault");        // part of the refusal; empty: allowed
    QTest::addColumn<QString>("privateAllowed");   // the same with private hosts allowed
    const QString loopback = QStringLiteral("loopback");
    const QString rfc1918 = QStringLiteral("RFC 1918");
    const QString linkLocal = QStringLiteral("link-local");
    const QString unspecified = QStringLiteral("unspecified");
    const QString multicast = QStringLiteral("multicast");
    QTest::newRow("public v4") << "93.184.216.34" << QString() << QString();
    QTest::newRow("public v6") << "2606:2800:220:1:248:1893:25c8:1946" << QString() << QString();
    QTest::newRow("127.0.0.1") << "127.0.0.1" << loopback << QString();
    QTest::newRow("127.8.9.10") << "127.8.9.10" << loopback << QString();
    QTest::newRow("::1") << "::1" << loopback << QString();
    QTest::newRow("10/8") << "10.1.2.3" << rfc1918 << QString();
    QTest::newRow("172.16/12") << "172.31.255.1" << rfc1918 << QString();
    QTest::newRow("172.32 is public") << "172.32.0.1" << QString() << QString();
    QTest::newRow("192.168/16") << "192.168.1.1" << rfc1918 << QString();
    QTest::newRow("CGNAT") << "100.64.0.1" << QStringLiteral("carrier-grade NAT") << QString();
    QTest::newRow("fc00::/7") << "fd12:3456::1" << QStringLiteral("unique local") << QString();
    QTest::newRow("metadata") << "169.254.169.254" << linkLocal << linkLocal;
    QTest::newRow("fe80::") << "fe80::1" << linkLocal << linkLocal;
    QTest::newRow("0.0.0.0") << "0.0.0.0" << unspecified << unspecified;
    QTest::newRow("::") << "::" << unspecified << unspecified;
    QTest::newRow("224/4") << "224.0.0.1" << multicast << multicast;
    QTest::newRow("ff02::1") << "ff02::1" << multicast << multicast;
    QTest::newRow("broadcast") << "255.255.255.255" << QStringLiteral("broadcast") << QStringLiteral("broadcast");
    QTest::newRow("mapped loopback") << "::ffff:127.0.0.1" << loopback << QString();
    QTest::newRow("mapped private") << "::ffff:10.0.0.1" << rfc1918 << QString();
    QTest::newRow("mapped metadata") << "::ffff:169.254.169.254" << linkLocal << linkLocal;
    QTest::newRow("mapped public") << "::ffff:93.184.216.34" << QString() << QString();
    QTest::newRow("compatible loopback") << "::127.0.0.1" << loopback << QString();
}

void TestRecordingHostPolicy::refusal()
{
    QFETCH(QString, address);
    QFETCH(QString, byDefault);
    QFETCH(QString, privateAllowed);
    const QHostAddress host(address);
    QVERIFY(!host.isNull());
    const QString strict = RecordingHostPolicy().refusal(host);
    const QString lenient = RecordingHostPolicy(true).refusal(host);
    QCOMPARE(strict.isEmpty(), byDefault.isEmpty());
    QVERIFY2(strict.contains(byDefault), qPrintable(strict));
    QCOMPARE(lenient.isEmpty(), privateAllowed.isEmpty());
    QVERIFY2(lenient.contains(privateAllowed), qPrintable(lenient));
}

QTEST_GUILESS_MAIN(TestRecordingHostPolicy)
#include "tst_recordinghostpolicy.moc"
