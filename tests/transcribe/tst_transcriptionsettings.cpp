// TranscriptionSettings: defaults, the names it stores, per-agent choices, the fall back to
// PocketSphinx when the server is chosen but not set up, and the round trip through QSettings.
#include "transcribe/transcriptionsettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using BackEnd = TranscriptionSettings::BackEnd;
using FirstSpeaker = TranscriptionSettings::FirstSpeaker;

namespace {

const QString kAgent = u"agent:7"_s;
const QString kAssistant = u"assistant:asst_1"_s;
const QString kOther = u"agent:8"_s;
const QString kNotSetUp = u"No OpenAI-compatible transcription server is set up (its URL is empty)."_s;

TranscriptionSettings configured()
{
    TranscriptionSettings settings;
    settings.defaultBackEnd = BackEnd::OpenAi;
    settings.openAi.baseUrl = QUrl(u"http://gpu.lan:8080"_s);
    settings.openAi.model = u"large-v3"_s;
    settings.openAi.apiKey = u"sk-secret"_s;
    settings.openAi.language = u"en"_s;
    settings.openAi.timeoutMs = 900000;
    settings.agents.insert(kAgent, {BackEnd::PocketSphinx, FirstSpeaker::Caller});
    settings.agents.insert(kAssistant, {std::nullopt, FirstSpeaker::Caller});
    settings.agents.insert(kOther, {BackEnd::OpenAi, FirstSpeaker::MainAgent});
    return settings;
}

} // namespace

class TestTranscriptionSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void names();
    void perAgent();
    void serverWithoutUrlFallsBack_data();
    void serverWithoutUrlFallsBack();
    void roundTrip();
    void storedForm();
    void loadDefaultsAndCleans();
};

void TestTranscriptionSettings::defaults()
{
    const TranscriptionSettings settings;
    QCOMPARE(settings.defaultBackEnd, BackEnd::PocketSphinx);
    QVERIFY(settings.openAi.baseUrl.isEmpty());
    QCOMPARE(settings.openAi.model, u"whisper-1"_s);
    QVERIFY(settings.openAi.apiKey.isEmpty());
    QVERIFY(settings.openAi.language.isEmpty());   // detected by the server
    QCOMPARE(settings.openAi.timeoutMs, 300000);
    QVERIFY(settings.agents.isEmpty());

    QCOMPARE(settings.chosenBackEndFor(kAgent), BackEnd::PocketSphinx);
    QCOMPARE(settings.backEndFor(kAgent).backEnd, BackEnd::PocketSphinx);
    QCOMPARE(settings.backEndFor(kAgent).fallbackReason, QString());   // chosen, not fallen back to
    QCOMPARE(settings.firstSpeakerFor(kAgent), FirstSpeaker::MainAgent);
    QCOMPARE(settings.firstSpeakerFor(QString()), FirstSpeaker::MainAgent);
}

void TestTranscriptionSettings::names()
{
    QCOMPARE(TranscriptionSettings::backEndName(BackEnd::PocketSphinx), u"pocketsphinx"_s);
    QCOMPARE(TranscriptionSettings::backEndName(BackEnd::OpenAi), u"openai"_s);
    QCOMPARE(TranscriptionSettings::backEndNamed(u"pocketsphinx"_s), std::optional<BackEnd>(BackEnd::PocketSphinx));
    QCOMPARE(TranscriptionSettings::backEndNamed(u"openai"_s), std::optional<BackEnd>(BackEnd::OpenAi));
    QCOMPARE(TranscriptionSettings::backEndNamed(u"OpenAI"_s), std::optional<BackEnd>());
    QCOMPARE(TranscriptionSettings::backEndNamed(QString()), std::optional<BackEnd>());

    QCOMPARE(TranscriptionSettings::firstSpeakerName(FirstSpeaker::MainAgent), u"main_agent"_s);
    QCOMPARE(TranscriptionSettings::firstSpeakerName(FirstSpeaker::Caller), u"caller"_s);
    QCOMPARE(TranscriptionSettings::firstSpeakerNamed(u"main_agent"_s), std::optional<FirstSpeaker>(FirstSpeaker::MainAgent));
    QCOMPARE(TranscriptionSettings::firstSpeakerNamed(u"caller"_s), std::optional<FirstSpeaker>(FirstSpeaker::Caller));
    QCOMPARE(TranscriptionSettings::firstSpeakerNamed(u"agent"_s), std::optional<FirstSpeaker>());
}

void TestTranscriptionSettings::perAgent()
{
    const TranscriptionSettings settings = configured();
    // Its own back-end, or the default.
    QCOMPARE(settings.chosenBackEndFor(kAgent), BackEnd::PocketSphinx);
    QCOMPARE(settings.chosenBackEndFor(kAssistant), BackEnd::OpenAi);
    QCOMPARE(settings.chosenBackEndFor(kOther), BackEnd::OpenAi);
    QCOMPARE(settings.chosenBackEndFor(u"agent:9"_s), BackEnd::OpenAi);
    QCOMPARE(settings.backEndFor(kAgent).backEnd, BackEnd::PocketSphinx);
    QCOMPARE(settings.backEndFor(kAssistant).backEnd, BackEnd::OpenAi);
    QCOMPARE(settings.backEndFor(kAssistant).fallbackReason, QString());

    QCOMPARE(settings.firstSpeakerFor(kAgent), FirstSpeaker::Caller);
    QCOMPARE(settings.firstSpeakerFor(kAssistant), FirstSpeaker::Caller);
    QCOMPARE(settings.firstSpeakerFor(kOther), FirstSpeaker::MainAgent);
    QCOMPARE(settings.firstSpeakerFor(u"agent:9"_s), FirstSpeaker::MainAgent);

    // An agent set to the server while the default stays offline.
    TranscriptionSettings offlineByDefault = settings;
    offlineByDefault.defaultBackEnd = BackEnd::PocketSphinx;
    QCOMPARE(offlineByDefault.backEndFor(kOther).backEnd, BackEnd::OpenAi);
    QCOMPARE(offlineByDefault.backEndFor(kAssistant).backEnd, BackEnd::PocketSphinx);
}

void TestTranscriptionSettings::serverWithoutUrlFallsBack_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");

    QTest::newRow("no URL") << QString() << kNotSetUp + u" PocketSphinx transcribes instead."_s;
    QTest::newRow("not http") << u"ftp://gpu.lan"_s
                              << u"The transcription server URL must be an http:// or https:// address. "
                                 "PocketSphinx transcribes instead."_s;
    QTest::newRow("no host") << u"http://"_s
                             << u"The transcription server URL has no host. PocketSphinx transcribes instead."_s;
}

void TestTranscriptionSettings::serverWithoutUrlFallsBack()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);

    TranscriptionSettings settings = configured();
    settings.openAi.baseUrl = QUrl(url);
    for (const QString &agent : {kAssistant, kOther}) {
        QCOMPARE(settings.chosenBackEndFor(agent), BackEnd::OpenAi);   // still what was chosen
        const TranscriptionSettings::Resolved resolved = settings.backEndFor(agent);
        QCOMPARE(resolved.backEnd, BackEnd::PocketSphinx);
        QCOMPARE(resolved.fallbackReason, reason);
    }
    // Chosen PocketSphinx: nothing fell back.
    QCOMPARE(settings.backEndFor(kAgent).fallbackReason, QString());
}

void TestTranscriptionSettings::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"callscope.ini"_s);
    const TranscriptionSettings saved = configured();
    {
        QSettings settings(path, QSettings::IniFormat);
        saved.save(settings);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QCOMPARE(TranscriptionSettings::load(QSettings(path, QSettings::IniFormat)), saved);

    // The defaults round-trip as the defaults, an earlier agent list replaced.
    {
        QSettings settings(path, QSettings::IniFormat);
        TranscriptionSettings().save(settings);
    }
    QCOMPARE(TranscriptionSettings::load(QSettings(path, QSettings::IniFormat)), TranscriptionSettings());
}

void TestTranscriptionSettings::storedForm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"callscope.ini"_s), QSettings::IniFormat);
    configured().save(settings);

    QCOMPARE(settings.value(u"transcription/backEnd"_s).toString(), u"openai"_s);
    QCOMPARE(settings.value(u"transcription/openAi/url"_s).toString(), u"http://gpu.lan:8080"_s);
    QCOMPARE(settings.value(u"transcription/openAi/model"_s).toString(), u"large-v3"_s);
    QCOMPARE(settings.value(u"transcription/openAi/timeoutMs"_s).toInt(), 900000);
    const QJsonObject agents = QJsonDocument::fromJson(settings.value(u"transcription/agents"_s).toString().toUtf8()).object();
    QCOMPARE(agents.value(kAgent).toObject(),
             (QJsonObject{{u"backEnd"_s, u"pocketsphinx"_s}, {u"firstSpeaker"_s, u"caller"_s}}));
    QCOMPARE(agents.value(kAssistant).toObject(), (QJsonObject{{u"firstSpeaker"_s, u"caller"_s}}));
    QCOMPARE(agents.value(kOther).toObject(), (QJsonObject{{u"backEnd"_s, u"openai"_s}, {u"firstSpeaker"_s, u"main_agent"_s}}));
}

void TestTranscriptionSettings::loadDefaultsAndCleans()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"callscope.ini"_s);
    QCOMPARE(TranscriptionSettings::load(QSettings(path, QSettings::IniFormat)), TranscriptionSettings());

    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"transcription/backEnd"_s, u"deepgram"_s);
        settings.setValue(u"transcription/openAi/url"_s, u"  http://gpu.lan:8080 "_s);
        settings.setValue(u"transcription/openAi/model"_s, u" "_s);
        settings.setValue(u"transcription/openAi/timeoutMs"_s, 5);
        const QJsonObject agents{
            {kAgent, QJsonObject{{u"backEnd"_s, u"openai"_s}, {u"firstSpeaker"_s, u"nobody"_s}}},
            {kAssistant, QJsonObject{{u"backEnd"_s, u"whisperx"_s}}},   // nothing usable: no entry
            {u"not an agent"_s, QJsonObject{{u"firstSpeaker"_s, u"caller"_s}}},
        };
        settings.setValue(u"transcription/agents"_s, QString::fromUtf8(QJsonDocument(agents).toJson()));
    }
    const TranscriptionSettings loaded = TranscriptionSettings::load(QSettings(path, QSettings::IniFormat));
    QCOMPARE(loaded.defaultBackEnd, BackEnd::PocketSphinx);
    QCOMPARE(loaded.openAi.baseUrl, QUrl(u"http://gpu.lan:8080"_s));
    QCOMPARE(loaded.openAi.model, u"whisper-1"_s);
    QCOMPARE(loaded.openAi.timeoutMs, 1000);
    QCOMPARE(loaded.agents.size(), 1);
    QCOMPARE(loaded.agents.value(kAgent), (TranscriptionSettings::AgentChoice{BackEnd::OpenAi, FirstSpeaker::MainAgent}));

    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"transcription/openAi/timeoutMs"_s, 24 * 3600 * 1000);
        settings.setValue(u"transcription/agents"_s, u"{not json"_s);
    }
    const TranscriptionSettings again = TranscriptionSettings::load(QSettings(path, QSettings::IniFormat));
    QCOMPARE(again.openAi.timeoutMs, 3600 * 1000);
    QVERIFY(again.agents.isEmpty());
}

QTEST_GUILESS_MAIN(TestTranscriptionSettings)
#include "tst_transcriptionsettings.moc"
