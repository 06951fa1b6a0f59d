// TranscriptionQueue::setSettings: the calls the queue takes up after it are transcribed as
// the new settings say. Two ports on 127.0.0.1 that nothing listens on stand for two
// servers: each refuses, and the failure names the server the call was sent to.
#include "transcribe/openaitranscriber.h"
#include "transcribe/transcriptionqueue.h"

#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "store/callstore.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {

// The server at `port`, chosen for every agent.
TranscriptionSettings serverAt(quint16 port)
{
    TranscriptionSettings settings;
    settings.defaultBackEnd = TranscriptionSettings::BackEnd::OpenAi;
    settings.openAi.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    return settings;
}

// One second of a 440 Hz tone: something to upload.
QByteArray toneWav()
{
    MonoAudio audio;
    audio.sampleRate = OpenAiTranscriber::UploadSampleRate;
    for (int i = 0; i < audio.sampleRate; ++i)
        audio.samples.push_back(0.3f * float(std::sin(2 * std::numbers::pi * 440 * i / audio.sampleRate)));
    return OpenAiTranscriber::wavFile(audio);
}

} // namespace

class TestTranscriptionQueue : public QObject
{
    Q_OBJECT

private slots:
    void newSettingsApplyToTheNextCall();
};

void TestTranscriptionQueue::newSettingsApplyToTheNextCall()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile recording(dir.filePath(u"in/call.wav"_s));
    QVERIFY(QDir().mkpath(dir.filePath(u"in"_s)) && recording.open(QIODevice::WriteOnly));
    recording.write(toneWav());
    recording.close();
    QFile json(dir.filePath(u"in/call.json"_s));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"call_id":"audio-1","agent":2,"transcript_type":"none-mono","voice_recording":"call.wav"})");
    json.close();

    QString error;
    const std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(u"calls.db"_s), &error);
    QVERIFY2(store, qPrintable(error));
    IngestPipeline pipeline(store.get());
    QCOMPARE(FileImporter(&pipeline).importPaths({dir.filePath(u"in"_s)}).imported, 1);
    store->flush();

    // Both held at once so they differ, then let go so they refuse.
    quint16 firstPort = 0;
    quint16 secondPort = 0;
    {
        QTcpServer first;
        QTcpServer second;
        QVERIFY(first.listen(QHostAddress::LocalHost) && second.listen(QHostAddress::LocalHost));
        firstPort = first.serverPort();
        secondPort = second.serverPort();
    }

    TranscriptionQueue queue(store.get(), TranscriberFactory(serverAt(firstPort)));
    QList<qint64> failedCalls;
    QStringList reasons;
    connect(&queue, &TranscriptionQueue::failed, this, [&](qint64 callDbId, const QString &reason) {
        failedCalls.append(callDbId);
        reasons.append(reason);
    });
    queue.start();
    QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 1, 30000);
    QVERIFY2(reasons.at(0).contains(u"127.0.0.1:%1 refused"_s.arg(firstPort)), qPrintable(reasons.at(0)));

    queue.setSettings(serverAt(secondPort));
    QCOMPARE(queue.transcribeAgain(failedCalls).result(), failedCalls);
    QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 2, 30000);
    QVERIFY2(reasons.at(1).contains(u"127.0.0.1:%1 refused"_s.arg(secondPort)), qPrintable(reasons.at(1)));
}

QTEST_GUILESS_MAIN(TestTranscriptionQueue)
#include "tst_transcriptionqueue.moc"
