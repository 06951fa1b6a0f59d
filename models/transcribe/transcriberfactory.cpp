#include "transcriberfactory.h"

#include "openaitranscriber.h"
#include "pocketsphinxtranscriber.h"

TranscriberFactory::TranscriberFactory(TranscriptionSettings settings)
    : m_settings(std::move(settings))
{
}

TranscriberFactory::Made TranscriberFactory::transcriberFor(const QString &agentKey) const
{
    const TranscriptionSettings::Resolved resolved = m_settings.backEndFor(agentKey);
    switch (resolved.backEnd) {
    case TranscriptionSettings::BackEnd::OpenAi:
        return {std::make_unique<OpenAiTranscriber>(m_settings.openAi), resolved.fallbackReason};
    case TranscriptionSettings::BackEnd::PocketSphinx:
        break;
    }
    return {std::make_unique<PocketSphinxTranscriber>(), resolved.fallbackReason};
}
