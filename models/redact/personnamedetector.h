#pragma once

#include "piidetector.h"

// People's names and the names of medical professionals (REDACTION.md §2.1, §2.21), from
// cues, since Debian packages no NER model: "my name is", "last name is", "call me", Mr/Mrs/
// Ms, and, when the name is asked for or a name lexicon knows the word, "this is X calling",
// "it's X", "speak to X"; then 1–3 name tokens, capitalised when the text is cased, any case
// in PocketSphinx's lower-case text. Dr/Doctor/Nurse and "my dentist is X" make the name a
// medical professional's. In cased text a census first name is a name on its own when it is
// capitalised, not the first word of a sentence and not an everyday word, so "Will you mark
// that" keeps its words. Letters spelled after a name or a spelling cue ("S M I T H", "S as
// in Sam") are part of it.
class PersonNameDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
