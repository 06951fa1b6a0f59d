#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"

#include <QTest>

class TestProviderWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryRouteName_data();
    void findsEveryRouteName();
    void signatureHeadersNameWhatSignSends();
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

// The listener refuses an unauthenticated webhook without any of signatureHeaders() from
// its head alone: a correctly signed request must always carry one of them.
void TestProviderWebhooks::signatureHeadersNameWhatSignSends()
{
    for (const QString &name : ProviderWebhooks::names()) {
        const ProviderWebhook *webhook = ProviderWebhooks::find(name);
        const QStringList names = webhook->signatureHeaders();
        QVERIFY2(!names.isEmpty(), qPrintable(name));
        const WebhookHeaders sent = webhook->sign("{}", QStringLiteral("secret"), QDateTime::currentDateTimeUtc());
        for (auto it = sent.begin(); it != sent.end(); ++it)
            QVERIFY2(names.contains(it.key()), qPrintable(name + QLatin1Char(' ') + it.key()));
    }
}

QTEST_GUILESS_MAIN(TestProviderWebhooks)
#include "tst_providerwebhooks.moc"
