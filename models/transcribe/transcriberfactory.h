#pragma once

#include "transcriber.h"
#include "transcriptionsettings.h"

#include <QString>

#include <memory>

// Makes the transcriber an agent's recordings are transcribed with, as the settings choose
// it: PocketSphinx (from the installed model) or the OpenAI-compatible server, falling back
// to PocketSphinx when the server is chosen but not usable. Copyable and const, so each
// worker thread can make its own transcriber (one transcribes one audio at a time).
class TranscriberFactory
{
public:
    struct Made
    {
        std::unique_ptr<Transcriber> transcriber;   // never null
        QString fallbackReason;                     // why it is not the chosen back-end; else empty
    };

    explicit TranscriberFactory(TranscriptionSettings settings);

    Made transcriberFor(const QString &agentKey) const;

    const TranscriptionSettings &settings() const { return m_settings; }

private:
    TranscriptionSettings m_settings;
};
