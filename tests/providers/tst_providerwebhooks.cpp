#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"

#include <QTest>

class TestProviderWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryRouteName_data();
    void findsEveryRouteName();
};

void TestProviderWebhooks::findsEveryRouteName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");

    for (const char *name : {"vapi", "retell", "elevenlabs", "pipecat", "livekit"})
        QTest::newRow(name) << QString::fromLatin1(name) << true;
    QTest::newRow("cekura has no webhook") << QStringLiteral("cekura") << false;
    QTest::newRow("names are case-sensitive") << QStringLiteral("Vapi") << false;
}

void TestProviderWebhooks::findsEveryRouteName()
{
    QFETCH(QString, name);
    QFETCH(bool, found);

    const ProviderWebhook *webhook = ProviderWebhooks::find(name);
    QCOMPARE(webhook != nullptr, found);
    if (webhook)
        QCOMPARE(webhook->name(), name);
    QCOMPARE(ProviderWebhooks::names().contains(name), found);
}

QTEST_GUILESS_MAIN(TestProviderWebhooks)
#include "tst_providerwebhooks.moc"
