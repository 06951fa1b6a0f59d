#pragma once

#include "transcriptformat.h"

// The vapi transcript format: Vapi's `messages` list, roles system|user|bot|tool_calls|
// tool_call_result. Times come from `secondsFromStart` (end = start + (endTime - time)),
// else from `time`, read as epoch milliseconds counted from the first entry's time or,
// in the simplified {role, message, time} form, as seconds from the start. System turns
// are dropped; each toolCalls item becomes one Function Call. Also accepts the list's
// enclosing objects: the end-of-call-report webhook body, its `message`, a call object.
class VapiFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
