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
    void stereoCallsHaveWordTimings();
};

namespace {

// Every demo call, parsed the way the app imports it, keyed by file name.
QMap<QString, ObserveRequest> demoRequests()
{
    const QDir demo(QStringLiteral(CALLSCOPE_SOURCE_DIR "/resources/demo"));
    QMap<QString, ObserveRequest> requests;
    for (const QString &name : demo.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(demo.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            requests.insert(name, ObserveRequest::parse(QJsonDocument::fromJson(file.readAll()).object()));
    }
    return requests;
}

} // namespace

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

// make-demo.py speaks the two stereo calls word by word and writes when each word is
// heard, so the player has something to highlight; the other calls have no timings.
void TestDemoData::stereoCallsHaveWordTimings()
{
    const QMap<QString, ObserveRequest> requests = demoRequests();
    const QSet<QString> timed{QStringLiteral("airline-rebooking.json"), QStringLiteral("bank-card-block.json")};
    int timedCalls = 0;
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const CallLog &call = it.value().call();
        const bool wantsWords = timed.contains(it.key());
        QCOMPARE(call.mainAgentChannelIndex.has_value(), wantsWords);
        timedCalls += wantsWords;
        for (const Turn &turn : call.turns) {
            const QString where = it.key() + QLatin1String(": ") + turn.content;
            if (!wantsWords || !turn.isSpeech()) {
                QVERIFY2(turn.words.isEmpty(), qPrintable(where));
                continue;
            }
            // One timing per spoken word, in order, inside the turn.
            QCOMPARE(turn.words.size(), turn.content.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
            QCOMPARE(turn.words.first().startTime, turn.startTime);
            QCOMPARE(turn.words.last().endTime, turn.endTime);
            double previousEnd = turn.startTime;
            for (const TimedWord &word : turn.words) {
                QVERIFY2(turn.content.contains(word.text), qPrintable(where + QLatin1String(" / ") + word.text));
                QVERIFY2(word.startTime >= previousEnd && word.endTime > word.startTime,
                         qPrintable(where + QLatin1String(" / ") + word.text));
                previousEnd = word.endTime;
            }
        }
    }
    QCOMPARE(timedCalls, 2);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
