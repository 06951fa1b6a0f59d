#pragma once

#include "openaitranscriber.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

class QSettings;

// How recordings are transcribed, as Edit › Preferences › Transcription sets them
// (QSettings "transcription/…"): the back-end used by default, the OpenAI-compatible
// server, and per agent (by AgentKey::toString()) a back-end of its own and who speaks
// first, which decides the speakers' roles once the words are in. PocketSphinx, offline,
// is the default: nothing leaves the machine unless a server is set up, and an agent set
// to the server while none is set up is transcribed with PocketSphinx, with the reason
// (backEndFor()).
class TranscriptionSettings
{
    Q_DECLARE_TR_FUNCTIONS(TranscriptionSettings)

public:
    enum class BackEnd { PocketSphinx, OpenAi };
    enum class FirstSpeaker { MainAgent, Caller };

    // One agent's own choices.
    struct AgentChoice
    {
        std::optional<BackEnd> backEnd;   // none: the default back-end
        FirstSpeaker firstSpeaker = FirstSpeaker::MainAgent;

        bool operator==(const AgentChoice &) const = default;
    };

    // The back-end an agent's calls are transcribed with, and why it is not the one
    // chosen (empty when it is).
    struct Resolved
    {
        BackEnd backEnd = BackEnd::PocketSphinx;
        QString fallbackReason;
    };

    BackEnd defaultBackEnd = BackEnd::PocketSphinx;
    OpenAiTranscriber::Options openAi;
    // Agent key -> its choices; agents without an entry take the defaults. load() and
    // save() keep only valid agent keys and choices other than the defaults.
    QHash<QString, AgentChoice> agents;

    // The back-end chosen for `agentKey`: its own, else the default.
    BackEnd chosenBackEndFor(const QString &agentKey) const;
    // The chosen back-end, or PocketSphinx with a reason when the server is chosen but
    // cannot be used (no URL, not http or https).
    Resolved backEndFor(const QString &agentKey) const;
    FirstSpeaker firstSpeakerFor(const QString &agentKey) const;

    // "pocketsphinx", "openai": the names Transcriber::name() gives and settings store.
    static QString backEndName(BackEnd backEnd);
    static std::optional<BackEnd> backEndNamed(const QString &name);
    // "main_agent", "caller".
    static QString firstSpeakerName(FirstSpeaker speaker);
    static std::optional<FirstSpeaker> firstSpeakerNamed(const QString &name);

    // Missing or unknown values read as their defaults; the timeout is kept within 1 s to 1 h.
    static TranscriptionSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const TranscriptionSettings &) const = default;
};
