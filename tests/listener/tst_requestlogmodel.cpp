// RequestLogModel over a real store: QAbstractItemModelTester on load and live appends,
// newest-first ordering by id, the status colour role, clearing, and the JSONL export.
#include "../store/storebreaker.h"

#include "item/requestlogmodel.h"
#include "listener/requestlogger.h"
#include "store/callstore.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void loadAppendClearExport();
    void exportFailsWhenTheLogCannotBeRead();
};

void TestRequestLogModel::loadAppendClearExport()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("log.db")), &error);
    QVERIFY2(store, qPrintable(error));

    RequestLogger::Limits limits;
    limits.maxBodyBytes = 1024;
    RequestLogger logger(store.get(), limits);
    for (int i = 0; i < 3; ++i) {
        HttpExchange exchange;
        exchange.request.method = "POST";
        exchange.request.target = "/observability/v1/observe/";
        exchange.request.headers = {{"X-CEKURA-API-KEY", "secret"}, {"Content-Type", "application/json"}};
        exchange.request.loggedBody = "{\"n\":" + QByteArray::number(i) + "}";
        exchange.request.bodySize = exchange.request.loggedBody.size();
        exchange.response.status = i == 1 ? 400 : 201;
        exchange.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        logger.log(exchange);
    }
    logger.flush();

    RequestLogModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &RequestLogModel::loaded);
    model.reload();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), 3);
    // Newest first.
    QVERIFY(model.entry(0).id > model.entry(2).id);
    QCOMPARE(model.data(model.index(1, RequestLogModel::StatusColumn), RequestLogModel::StatusClassRole).toString(),
             QStringLiteral("client-error"));
    QVERIFY(model.data(model.index(0, RequestLogModel::StatusColumn), Qt::ForegroundRole).value<QColor>().isValid());
    QCOMPARE(RequestLogger::readBody(model.entry(2).bodyPath), QByteArray("{\"n\":0}"));

    RequestLogEntry live;
    live.id = model.entry(0).id + 10;
    live.method = QStringLiteral("GET");
    live.path = QStringLiteral("/health");
    live.status = 200;
    model.append(live, QStringLiteral("note"));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.entry(0).path, QStringLiteral("/health"));
    model.append(live);     // the same entry again is ignored
    QCOMPARE(model.rowCount(), 4);

    const QString exported = dir.filePath(QStringLiteral("log.jsonl"));
    QVERIFY(RequestLogModel::exportJsonl(store->databasePath(), exported, &error));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(first[QStringLiteral("body")].toString(), QStringLiteral("{\"n\":0}"));
    QCOMPARE(first[QStringLiteral("headers")][QStringLiteral("X-CEKURA-API-KEY")].toString(), QStringLiteral("***"));

    model.clearLog();
    QTRY_COMPARE(model.rowCount(), 0);
    store->flush();
    // The next body goes to a new segment, and the one holding the cleared bodies goes.
    HttpExchange after;
    after.request.method = "POST";
    after.request.target = "/observability/v1/observe/";
    after.request.loggedBody = "{\"after\":true}";
    after.request.bodySize = after.request.loggedBody.size();
    after.response.status = 201;
    logger.log(after);
    logger.flush();
    const QDir bodies(store->databasePath() + QStringLiteral(".requests"));
    QTRY_COMPARE(bodies.entryList(QDir::Files).size(), 1);
    QFile segment(bodies.filePath(bodies.entryList(QDir::Files).constFirst()));
    QVERIFY(segment.open(QIODevice::ReadOnly));
    QCOMPARE(segment.readAll(), QByteArray("{\"after\":true}"));
}

// An unreadable log was exported as an empty file, and "Exported" shown.
void TestRequestLogModel::exportFailsWhenTheLogCannotBeRead()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("broken.db")), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(StoreBreaker::dropTable(store->databasePath(), QStringLiteral("requests")), QString());
    const QString exported = dir.filePath(QStringLiteral("log.jsonl"));
    QVERIFY(!RequestLogModel::exportJsonl(store->databasePath(), exported, &error));
    QVERIFY2(error.contains(QLatin1String("no such table: requests")), qPrintable(error));
    QVERIFY(!QFile::exists(exported));
}

QTEST_GUILESS_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
