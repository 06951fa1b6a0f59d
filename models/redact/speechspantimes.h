#pragma once

#include "audiospan.h"

#include "calllog/turn.h"

// Where in the recording a stretch of a turn's text was said (REDACTION.md §3, timing
// sources). With timed words, each word is found in the turn's content in order and the
// span runs from the first overlapping word's start to the last one's end. Words that
// cannot be found there (the content is written "415-555-0132", the words are spoken)
// are placed between their found neighbours, and a span resting on such a guess is
// marked estimated. Without word times the turn's own start and end are spread over its
// characters, also estimated, so the AudioRedactor pads it widely.
class SpeechSpanTimes
{
public:
    // Characters [begin, end) of `turn.content` (UTF-16 offsets, as in RedactionSpan).
    static AudioSpan of(const Turn &turn, qsizetype begin, qsizetype end);
};
