#pragma once

#include "transcriptformat.h"

// The pipecat transcript format: an OpenAI-style message list {role user|assistant,
// content, start_time?, end_time?} (seconds) plus {role tool_call|tool_call_result,
// data{id, name, arguments|result}} entries, which carry no times and take the previous
// turn's end. Plain OpenAI context messages (Pipecat's LLM context) are read too: content
// as a list of {type:"text", text} parts, assistant `tool_calls`, and role "tool" results
// named after their call. System messages are dropped. Also accepts {messages:[...]}.
class PipecatFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
