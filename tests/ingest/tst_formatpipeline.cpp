// The format conformance folder (tests/data/formats/<transcript_type>/<case>.json with
// <case>.expected.json) run through both real entry points: `callscope import`'s
// FileImporter and the listener's POST /observability/v1/observe/. Both must store the
// expected normalized turns, identically.

#include "../formats/formattestsupport.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "listener/listenerconfig.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>


namespace {

struct Case
{
    QString type;
    QString name;
    QJsonValue payload;
    QJsonArray expected;
};

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll());
}

QList<Case> conformanceCases()
{
    QList<Case> cases;
    QDirIterator it(QStringLiteral(CALLSCOPE_TEST_DATA "/formats"), {QStringLiteral("*.expected.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString expectedPath = it.next();
        const QString payloadPath = QString(expectedPath).replace(QLatin1String(".expected.json"), QLatin1String(".json"));
        const QJsonDocument payload = readJson(payloadPath);
        cases.append({QFileInfo(expectedPath).dir().dirName(), QFileInfo(payloadPath).completeBaseName(),
                      payload.isArray() ? QJsonValue(payload.array()) : QJsonValue(payload.object()),
                      readJson(expectedPath).array()});
    }
    std::sort(cases.begin(), cases.end(), [](const Case &a, const Case &b) { return a.type + a.name < b.type + b.name; });
    return cases;
}

QJsonObject observeBody(const Case &c)
{
    return {{QStringLiteral("call_id"), c.type + QLatin1Char('-') + c.name},
            {QStringLiteral("agent"), 1},
            {QStringLiteral("transcript_type"), c.type},
            {QStringLiteral("transcript_json"), c.payload}};
}

} // namespace

class TestFormatPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFormatHasThreeCases();
    void importStoresTheExpectedTurns();
    void listenerStoresTheExpectedTurns();

private:
    QList<Case> m_cases;
};

void TestFormatPipeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cases = conformanceCases();
}

void TestFormatPipeline::everyFormatHasThreeCases()
{
    QMap<QString, int> perType;
    for (const Case &c : std::as_const(m_cases))
        ++perType[c.type];
    for (const char *type : {"cekura", "vocera", "vapi", "retell", "elevenlabs", "livekit", "pipecat", "deepgram"})
        QVERIFY2(perType.value(QLatin1String(type)) >= 3, type);
}

void TestFormatPipeline::importStoresTheExpectedTurns()
{
    QTemporaryDir dir;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("import.db")));
    QVERIFY(store);
    QFile lines(dir.filePath(QStringLiteral("conformance.jsonl")));
    QVERIFY(lines.open(QIODevice::WriteOnly));
    for (const Case &c : std::as_const(m_cases))
        lines.write(QJsonDocument(observeBody(c)).toJson(QJsonDocument::Compact) + '\n');
    lines.close();

    IngestPipeline pipeline(store.get());
    FileImporter importer(&pipeline);
    const ImportSummary summary = importer.importPaths({lines.fileName()});
    QVERIFY2(summary.rejected() == 0,
             summary.rejected() ? qPrintable(summary.rejections.first().location + QLatin1Char(' ')
                                             + summary.rejections.first().errors.summary())
                                : "");
    QCOMPARE(summary.imported, int(m_cases.size()));
    store->flush();

    CallReader reader(store->databasePath());
    for (const Case &c : std::as_const(m_cases)) {
        const std::optional<CallLog> call = reader.callByCallId(c.type + QLatin1Char('-') + c.name);
        QVERIFY(call);
        QCOMPARE(call->transcriptType, c.type);
        QVERIFY2(FormatTestSupport::turnDifferences(call->turns, c.expected).isEmpty(),
                 qPrintable(QStringLiteral("import %1/%2: %3").arg(c.type, c.name, FormatTestSupport::turnDifferences(call->turns, c.expected))));
    }
}

void TestFormatPipeline::listenerStoresTheExpectedTurns()
{
    QTemporaryDir dir;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("listener.db")));
    QVERIFY(store);
    IngestPipeline pipeline(store.get());
    Listener listener(store.get(), &pipeline);
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QStringLiteral("conformance-key");
    QString error;
    QVERIFY2(listener.start(config, &error), qPrintable(error));

    QNetworkAccessManager network;
    CallReader reader(store->databasePath());
    for (const Case &c : std::as_const(m_cases)) {
        QNetworkRequest request(QUrl(listener.baseUrl() + QStringLiteral("/observability/v1/observe/")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-CEKURA-API-KEY", "conformance-key");
        QNetworkReply *reply = network.post(request, QJsonDocument(observeBody(c)).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        QVERIFY2(status == 201, qPrintable(c.type + QLatin1Char('/') + c.name + QLatin1String(": ") + QString::fromUtf8(answer)));

        // The 201 body is the stored call: its transcript_object is the normalized turns.
        const QJsonObject created = QJsonDocument::fromJson(answer).object();
        QCOMPARE(created.value(QStringLiteral("transcript_object")).toArray().size(), c.expected.size());
        const std::optional<CallLog> call = reader.callById(created.value(QStringLiteral("id")).toInteger());
        QVERIFY(call);
        QVERIFY2(FormatTestSupport::turnDifferences(call->turns, c.expected).isEmpty(),
                 qPrintable(QStringLiteral("listener %1/%2: %3").arg(c.type, c.name, FormatTestSupport::turnDifferences(call->turns, c.expected))));
    }
    QVERIFY(listener.stopAndWait());
}

QTEST_GUILESS_MAIN(TestFormatPipeline)
#include "tst_formatpipeline.moc"
