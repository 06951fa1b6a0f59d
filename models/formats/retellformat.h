#pragma once

#include "transcriptformat.h"

// The retell transcript format: a call's transcript_with_tool_calls or transcript_object.
// An utterance {role agent|user, content, words[{word, start, end}]} runs from its first
// word's start to its last word's end and keeps its words with their times;
// tool_call_invocation and tool_call_result become a Function Call and its Result (the
// result named after its invocation); the other entry kinds Retell records
// (node_transition, dtmf, sms, injected, ...) are skipped. Also accepts the webhook body
// {event, call} and the call object, preferring transcript_with_tool_calls.
class RetellFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
