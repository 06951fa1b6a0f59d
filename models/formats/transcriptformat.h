#pragma once

#include "calllog/fielderrors.h"
#include "calllog/turn.h"

#include <QJsonValue>
#include <QString>

#include <optional>

// What a parser may need beyond the transcript itself.
struct TranscriptParseOptions
{
    // The stereo channel / diarized speaker that holds the Main Agent (deepgram).
    std::optional<int> mainAgentChannelIndex;
    // Per-agent setting: accept common role aliases (agent/assistant/bot/user) where the
    // format is strict about role names.
    bool lenientRoles = false;
};

// One transcript_type of the observe API. Implementations are stateless and thread-safe:
// parse() turns the `transcript_json` value into normalized turns (sorted by start, end
// times filled in) or reports field errors. Error paths are relative to transcript_json,
// e.g. "[3].role" or "" for the value as a whole; the caller adds the prefix.
class TranscriptFormat
{
public:
    virtual ~TranscriptFormat() = default;

    virtual QString name() const = 0;
    virtual Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                        FieldErrors &errors) const = 0;
    // How strongly `json` looks like this format, 0 (not at all) to 100 (unmistakable).
    // Used to tell a sender which transcript_type to use when the default does not fit.
    virtual int resemblance(const QJsonValue &json) const = 0;
};
