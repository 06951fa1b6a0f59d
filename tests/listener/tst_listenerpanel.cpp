// The Listener panel driving a real in-process Listener: start from the button, the URL
// and key shown, a request appearing live in the table with its detail, stop.
#include "httptestclient.h"

#include "ingest/ingestpipeline.h"
#include "item/requestlogmodel.h"
#include "listener/listener.h"
#include "listenerpanel.h"
#include "store/callstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
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
};

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

QTEST_MAIN(TestListenerPanel)
#include "tst_listenerpanel.moc"
