#include "ingest/observerequest.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

// The demo calls are what a new user sees first: each must pass the same validator as
// every other observe body, and the recording it names must ship beside it.
class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void demoCallsAreValid();
};

void TestDemoData::demoCallsAreValid()
{
    const QDir demo(QStringLiteral(CALLSCOPE_SOURCE_DIR "/resources/demo"));
    const QStringList files = demo.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 20);
    int withRecording = 0;
    int longest = 0;
    QSet<QString> callIds;
    for (const QString &name : files) {
        QFile file(demo.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(document.isObject(), qPrintable(name + QLatin1String(": ") + error.errorString()));
        const ObserveRequest request = ObserveRequest::parse(document.object());
        QVERIFY2(request.isValid(), qPrintable(name + QLatin1String(": ") + request.errors().summary()));
        QVERIFY2(!callIds.contains(request.call().callId), qPrintable(name));
        callIds.insert(request.call().callId);
        longest = std::max(longest, int(request.call().turns.size()));
        if (!request.recordingFile().isEmpty()) {
            const QFileInfo recording(demo.filePath(request.recordingFile()));
            QVERIFY2(recording.isFile() && recording.size() > 1000, qPrintable(recording.filePath()));
            ++withRecording;
        }
    }
    QVERIFY(withRecording * 2 > files.size());
    QVERIFY(longest >= 60);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
