#pragma once

#include "piidetector.h"

// What callers say about themselves (REDACTION.md §2.9, 2.10, 2.12): their origin ("I'm
// Mexican", "of Irish descent", "my family is Korean"), gender or sexuality ("I identify as
// non-binary", "as a gay man", "my pronouns are they/them") and occupation ("I'm a
// registered nurse", "I work as an electrician", "retired teacher"). Each comes from a
// lexicon and counts only after a self-disclosure cue, so "oh man", "I'm a bit late" and "the
// nurse called" keep their words.
class SelfDescriptionDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;
};
