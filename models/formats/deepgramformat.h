#pragma once

#include "transcriptformat.h"

// The deepgram transcript format: a flat list of diarized words {word, punctuated_word?,
// start, end, speaker?}, grouped into one turn per run of words from the same speaker
// (content = the punctuated words joined; the turn keeps those words with their times).
// Also reads Deepgram's whole prerecorded response: results.utterances[] (one turn each,
// with its words when they all read), else results.channels[].alternatives[0].words,
// where with several channels the channel index, not the speaker, tells who speaks. The
// speaker (or channel) equal to mainAgentChannelIndex, 0 by default, is the Main Agent;
// every other one is the Testing Agent.
class DeepgramFormat : public TranscriptFormat
{
public:
    QString name() const override;
    Turns parse(const QJsonValue &json, const TranscriptParseOptions &options,
                FieldErrors &errors) const override;
    int resemblance(const QJsonValue &json) const override;
};
