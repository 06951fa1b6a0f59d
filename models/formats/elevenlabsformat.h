#pragma once

#include "transcriptformat.h"

// The elevenlabs transcript format: the post-call webhook's `data.transcript`, entries
// {role agent|user, message string|null, time_in_call_secs, tool_calls[], tool_results[]}.
// A message runs from its entry's time to the next later entry's time (its own time when
// last); a null message yields no spoken turn. Each tool call and tool result becomes a
// Function Call / Function Call Result at its entry's time. Also accepts the webhook body
// {type, data:{transcript}} and its `data` object.
class ElevenLabsFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
