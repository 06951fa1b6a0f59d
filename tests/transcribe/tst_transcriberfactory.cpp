// TranscriberFactory: the back-end each agent gets, and PocketSphinx with the reason when
// the server is chosen but not set up.
#include "transcribe/openaitranscriber.h"
#include "transcribe/transcriberfactory.h"

#include <QTest>

using namespace Qt::StringLiterals;

using BackEnd = TranscriptionSettings::BackEnd;

class TestTranscriberFactory : public QObject
{
    Q_OBJECT

private slots:
    void pocketSphinxByDefault();
    void serverWhenChosenAndSetUp();
    void pocketSphinxWhenTheServerIsNotSetUp();
};

void TestTranscriberFactory::pocketSphinxByDefault()
{
    const TranscriberFactory::Made made = TranscriberFactory(TranscriptionSettings()).transcriberFor(u"agent:7"_s);
    QVERIFY(made.transcriber);
    QCOMPARE(made.transcriber->name(), u"pocketsphinx"_s);
    QCOMPARE(made.fallbackReason, QString());
}

void TestTranscriberFactory::serverWhenChosenAndSetUp()
{
    TranscriptionSettings settings;
    settings.openAi.baseUrl = QUrl(u"http://127.0.0.1:8080"_s);
    settings.openAi.model = u"large-v3"_s;
    settings.agents.insert(u"agent:7"_s, {BackEnd::OpenAi, TranscriptionSettings::FirstSpeaker::MainAgent});
    const TranscriberFactory factory(settings);

    const TranscriberFactory::Made server = factory.transcriberFor(u"agent:7"_s);
    QCOMPARE(server.transcriber->name(), u"openai"_s);
    QCOMPARE(server.fallbackReason, QString());
    const auto *openAi = dynamic_cast<const OpenAiTranscriber *>(server.transcriber.get());
    QVERIFY(openAi);
    QCOMPARE(openAi->options(), settings.openAi);

    // Other agents keep the default.
    QCOMPARE(factory.transcriberFor(u"agent:8"_s).transcriber->name(), u"pocketsphinx"_s);
}

void TestTranscriberFactory::pocketSphinxWhenTheServerIsNotSetUp()
{
    TranscriptionSettings settings;
    settings.defaultBackEnd = BackEnd::OpenAi;
    const TranscriberFactory::Made made = TranscriberFactory(settings).transcriberFor(u"agent:7"_s);
    QCOMPARE(made.transcriber->name(), u"pocketsphinx"_s);
    QCOMPARE(made.fallbackReason, u"No OpenAI-compatible transcription server is set up (its URL is empty). "
                                  "PocketSphinx transcribes instead."_s);
}

QTEST_GUILESS_MAIN(TestTranscriberFactory)
#include "tst_transcriberfactory.moc"
