#pragma once

#include "transcriptformat.h"

// The cekura transcript format (and vocera, its former name, with the same shape):
// a list of {role, content, start_time, end_time, data?} with the roles "Main Agent",
// "Testing Agent", "Function Call" and "Function Call Result". Strict about role names
// unless the options ask for leniency. A speech turn may carry words[{word, start, end}]
// (seconds), the Callscope extension Turn::toJson() writes so that an exported call keeps
// its word timings; a tool turn's words are ignored.
class CekuraFormat : public TranscriptFormat
{
public:
    explicit CekuraFormat(QString name);

    QString name() const override { return m_name; }
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;

private:
    QString m_name;
};
