#pragma once

#include "transcriptformat.h"

// The livekit transcript format: [{role user|assistant, content, timestamp}], a turn
// lasting until the next later timestamp. Also reads LiveKit Agents' own chat history
// (ChatContext.to_dict(): {items:[{type:"message", role, content:[strings], created_at},
// {type:"function_call", call_id, name, arguments}, {type:"function_call_output",
// call_id, name, output}]}): content lists are joined, epoch times count from the first
// entry, and system/developer messages and other item types (agent_handoff) are dropped.
class LivekitFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
