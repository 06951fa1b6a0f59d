// The Listener panel driving a real in-process Listener: start from the button, the URL
// and key shown, a request appearing live in the table with its detail, stop.
#include "httptestclient.h"

#include "ingest/ingestpipeline.h"
#include "item/requestlogmodel.h"
#include "listener/listener.h"
#include "listener/requestreplayer.h"
#include "listenerpanel.h"
#include "providers/providerwebhook.h"
#include "providers/providerwebhooks.h"
#include "store/callstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestListenerPanel : public QObject
{
    Q_OBJECT

private slots:
    void startRequestStop();
    void replayButtonResignsThroughTheReplayer();
};

namespace {

QPushButton *button(QWidget &parent, const QString &text)
{
    for (QPushButton *candidate : parent.findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

void TestListenerPanel::startRequestStop()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("panel.db")), &error);
    QVERIFY2(store, qPrintable(error));
    IngestPipeline pipeline(store.get());
    Listener listener(store.get(), &pipeline);
    ListenerPanel panel(&listener);
    panel.setListenAddress(QStringLiteral("127.0.0.1:0"));
    panel.show();

    QPushButton *startStop = nullptr;
    for (QPushButton *button : panel.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Start listener"))
            startStop = button;
    }
    QVERIFY(startStop);
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY(listener.isRunning());
    QCOMPARE(startStop->text(), QStringLiteral("Stop listener"));
    bool urlShown = false;
    for (QLabel *label : panel.findChildren<QLabel *>())
        urlShown = urlShown || label->text() == listener.baseUrl();
    QVERIFY(urlShown);
    const QString key = listener.config().apiKey;
    QVERIFY(!key.isEmpty());

    const RawResponse response = sendRaw(listener.port(), buildRequest("POST", "/observability/v1/observe/", "{}", "application/json",
                                                                      {{"X-CEKURA-API-KEY", key.toLatin1()}}));
    QCOMPARE(response.status, 400);
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->entry(0).status, 400);

    auto *table = panel.findChild<QTableView *>();
    table->selectRow(0);
    // The detail shows the masked headers and the validation errors.
    const auto detailMentions = [&panel](QLatin1String needle) {
        const QList<QPlainTextEdit *> texts = panel.findChildren<QPlainTextEdit *>();
        return std::any_of(texts.cbegin(), texts.cend(), [needle](QPlainTextEdit *text) { return text->toPlainText().contains(needle); });
    };
    QTRY_VERIFY(detailMentions(QLatin1String("call_id")));
    for (QPlainTextEdit *text : panel.findChildren<QPlainTextEdit *>())
        QVERIFY(!text->toPlainText().contains(key));

    QTest::mouseClick(startStop, Qt::LeftButton);
    QTRY_VERIFY(!listener.isRunning());
    QTRY_COMPARE(startStop->text(), QStringLiteral("Start listener"));
}

// The Replay button hands the selected entry to the RequestReplayer and shows its answer:
// a non-final provider event, which the panel used to send unsigned (401), is signed
// with its agent's secret and accepted.
void TestListenerPanel::replayButtonResignsThroughTheReplayer()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("replay.db")), &error);
    QVERIFY2(store, qPrintable(error));
    AgentSettings settings;
    settings.agentKey = AgentKey::ofAgent(31);
    settings.webhookSecret = QStringLiteral("panel-secret");
    QVERIFY(store->setAgentSettings(settings).result());
    IngestPipeline pipeline(store.get());
    Listener listener(store.get(), &pipeline);
    ListenerPanel panel(&listener);
    panel.setListenAddress(QStringLiteral("127.0.0.1:0"));
    panel.show();
    QTest::mouseClick(button(panel, QStringLiteral("Start listener")), Qt::LeftButton);
    QVERIFY(listener.isRunning());

    const QByteArray started = R"({"event":"call_started","call":{"call_id":"panel-1","agent_id":"31"}})";
    const WebhookHeaders signature = ProviderWebhooks::find(QStringLiteral("retell"))
                                         ->sign(started, QStringLiteral("panel-secret"), QDateTime::currentDateTimeUtc());
    QList<QPair<QByteArray, QByteArray>> headers;
    for (auto it = signature.begin(); it != signature.end(); ++it)
        headers.append({it.key().toLatin1(), it.value().toLatin1()});
    QCOMPARE(sendRaw(listener.port(), buildRequest("POST", "/observability/v1/retell/observe/", started, "application/json", headers))
                 .status,
             200);
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    panel.findChild<QTableView *>()->selectRow(0);

    auto *replayer = panel.findChild<RequestReplayer *>();
    QVERIFY(replayer);
    QSignalSpy finished(replayer, &RequestReplayer::finished);
    QTest::mouseClick(button(panel, QStringLiteral("Replay")), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 200);
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) { return label->text() == QLatin1String("Replayed: 200"); }));
    QTRY_COMPARE(panel.model()->rowCount(), 2);
    QCOMPARE(panel.model()->entry(0).status, 200);

    QVERIFY(listener.stopAndWait(5000));
}

QTEST_MAIN(TestListenerPanel)
#include "tst_listenerpanel.moc"
