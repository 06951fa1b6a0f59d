#include "transcriptionsettings.h"

#include "calllog/agentkey.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>

namespace {

const QString BackEndKey = QStringLiteral("transcription/backEnd");
const QString UrlKey = QStringLiteral("transcription/openAi/url");
const QString ModelKey = QStringLiteral("transcription/openAi/model");
const QString ApiKeyKey = QStringLiteral("transcription/openAi/apiKey");
const QString LanguageKey = QStringLiteral("transcription/openAi/language");
const QString TimeoutKey = QStringLiteral("transcription/openAi/timeoutMs");
// A JSON object, agent key -> {"backEnd": name, "firstSpeaker": name}: agent keys hold
// characters ("/", ":") that QSettings keys cannot carry as they are.
const QString AgentsKey = QStringLiteral("transcription/agents");
const QString AgentBackEnd = QStringLiteral("backEnd");
const QString AgentFirstSpeaker = QStringLiteral("firstSpeaker");

constexpr int MinTimeoutMs = 1000;
constexpr int MaxTimeoutMs = 3600 * 1000;

} // namespace

TranscriptionSettings::BackEnd TranscriptionSettings::chosenBackEndFor(const QString &agentKey) const
{
    return agents.value(agentKey).backEnd.value_or(defaultBackEnd);
}

TranscriptionSettings::Resolved TranscriptionSettings::backEndFor(const QString &agentKey) const
{
    const BackEnd chosen = chosenBackEndFor(agentKey);
    if (chosen == BackEnd::OpenAi) {
        if (const QString problem = openAi.problem(); !problem.isEmpty())
            return {BackEnd::PocketSphinx, tr("%1 PocketSphinx transcribes instead.").arg(problem)};
    }
    return {chosen, {}};
}

TranscriptionSettings::FirstSpeaker TranscriptionSettings::firstSpeakerFor(const QString &agentKey) const
{
    return agents.value(agentKey).firstSpeaker;
}

QString TranscriptionSettings::backEndName(BackEnd backEnd)
{
    switch (backEnd) {
    case BackEnd::OpenAi:
        return QStringLiteral("openai");
    case BackEnd::PocketSphinx:
        break;
    }
    return QStringLiteral("pocketsphinx");
}

std::optional<TranscriptionSettings::BackEnd> TranscriptionSettings::backEndNamed(const QString &name)
{
    for (const BackEnd backEnd : {BackEnd::PocketSphinx, BackEnd::OpenAi}) {
        if (name == backEndName(backEnd))
            return backEnd;
    }
    return std::nullopt;
}

QString TranscriptionSettings::firstSpeakerName(FirstSpeaker speaker)
{
    switch (speaker) {
    case FirstSpeaker::Caller:
        return QStringLiteral("caller");
    case FirstSpeaker::MainAgent:
        break;
    }
    return QStringLiteral("main_agent");
}

std::optional<TranscriptionSettings::FirstSpeaker> TranscriptionSettings::firstSpeakerNamed(const QString &name)
{
    for (const FirstSpeaker speaker : {FirstSpeaker::MainAgent, FirstSpeaker::Caller}) {
        if (name == firstSpeakerName(speaker))
            return speaker;
    }
    return std::nullopt;
}

TranscriptionSettings TranscriptionSettings::load(const QSettings &settings)
{
    TranscriptionSettings loaded;
    loaded.defaultBackEnd = backEndNamed(settings.value(BackEndKey).toString()).value_or(loaded.defaultBackEnd);
    loaded.openAi.baseUrl = QUrl(settings.value(UrlKey).toString().trimmed());
    if (const QString model = settings.value(ModelKey).toString().trimmed(); !model.isEmpty())
        loaded.openAi.model = model;
    loaded.openAi.apiKey = settings.value(ApiKeyKey).toString().trimmed();
    loaded.openAi.language = settings.value(LanguageKey).toString().trimmed();
    loaded.openAi.timeoutMs =
        std::clamp(settings.value(TimeoutKey, loaded.openAi.timeoutMs).toInt(), MinTimeoutMs, MaxTimeoutMs);

    const QJsonObject agents = QJsonDocument::fromJson(settings.value(AgentsKey).toString().toUtf8()).object();
    for (auto it = agents.begin(); it != agents.end(); ++it) {
        if (AgentKey::parse(it.key()).isNull())
            continue;
        const QJsonObject stored = it.value().toObject();
        AgentChoice choice;
        choice.backEnd = backEndNamed(stored.value(AgentBackEnd).toString());
        choice.firstSpeaker = firstSpeakerNamed(stored.value(AgentFirstSpeaker).toString()).value_or(choice.firstSpeaker);
        if (choice != AgentChoice())
            loaded.agents.insert(it.key(), choice);
    }
    return loaded;
}

void TranscriptionSettings::save(QSettings &settings) const
{
    settings.setValue(BackEndKey, backEndName(defaultBackEnd));
    settings.setValue(UrlKey, openAi.baseUrl.toString());
    settings.setValue(ModelKey, openAi.model);
    settings.setValue(ApiKeyKey, openAi.apiKey);
    settings.setValue(LanguageKey, openAi.language);
    settings.setValue(TimeoutKey, openAi.timeoutMs);

    QJsonObject stored;
    for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
        if (AgentKey::parse(it.key()).isNull() || it.value() == AgentChoice())
            continue;
        QJsonObject choice{{AgentFirstSpeaker, firstSpeakerName(it.value().firstSpeaker)}};
        if (it.value().backEnd)
            choice.insert(AgentBackEnd, backEndName(*it.value().backEnd));
        stored.insert(it.key(), choice);
    }
    settings.setValue(AgentsKey, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
}
