#include "formats/transcriptformat.h"
#include "formats/transcriptformats.h"

#include "formattestsupport.h"

#include <QTest>

using namespace FormatTestSupport;

class TestTranscriptFormats : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryParserButNoneMono_data();
    void findsEveryParserButNoneMono();
    void guess_data();
    void guess();
};

void TestTranscriptFormats::findsEveryParserButNoneMono_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("hasParser");

    for (const QString &type : TranscriptFormats::allNames())
        QTest::newRow(qPrintable(type)) << type << (type != QLatin1String("none-mono"));
    QTest::newRow("unknown") << QStringLiteral("bland") << false;
}

void TestTranscriptFormats::findsEveryParserButNoneMono()
{
    QFETCH(QString, type);
    QFETCH(bool, hasParser);

    const TranscriptFormat *format = TranscriptFormats::find(type);
    QCOMPARE(format != nullptr, hasParser);
    if (format)
        QCOMPARE(format->name(), type);
}

void TestTranscriptFormats::guess_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("except");
    QTest::addColumn<QString>("expected");

    QTest::newRow("cekura turns") << QByteArray(R"([{"role":"Main Agent","content":"a","start_time":0}])") << "" << "cekura";
    QTest::newRow("lenient-role turns with times read as pipecat")
        << QByteArray(R"([{"role":"assistant","content":"a","start_time":0,"end_time":1}])") << "cekura" << "pipecat";
    QTest::newRow("vapi simplified form") << QByteArray(R"([{"role":"bot","message":"a","time":0}])") << "cekura" << "vapi";
    QTest::newRow("retell webhook") << QByteArray(R"({"event":"call_analyzed","call":{"transcript_object":[]}})") << "cekura" << "retell";
    QTest::newRow("elevenlabs data") << QByteArray(R"({"conversation_id":"c","transcript":[]})") << "cekura" << "elevenlabs";
    QTest::newRow("deepgram words") << QByteArray(R"([{"word":"a","start":0,"end":1}])") << "cekura" << "deepgram";
    QTest::newRow("livekit turns") << QByteArray(R"([{"role":"user","content":"a","timestamp":0}])") << "cekura" << "livekit";
    QTest::newRow("nothing known") << QByteArray(R"({"hello":"world"})") << "cekura" << "";
    QTest::newRow("empty list") << QByteArray("[]") << "cekura" << "";
}

void TestTranscriptFormats::guess()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, except);
    QFETCH(QString, expected);

    QCOMPARE(TranscriptFormats::guess(json(input), except), expected);
}

QTEST_GUILESS_MAIN(TestTranscriptFormats)
#include "tst_transcriptformats.moc"
