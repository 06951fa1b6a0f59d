#pragma once

#include "redactor.h"

#include "calllog/calllog.h"

#include <QList>
#include <QRegularExpression>

// Redacts what reviewers and metrics wrote about a call, which may quote what was said (a
// note "read out 4111 …", an explanation 'said "my card is 4111…" in turn 3'): the call's
// feedback, its turn labels (label and note), the values of its review history, and its
// metric results' explanations, n/a reasons and errors. Each text is read by the same
// detectors as a turn of its own, with the call's known values; and each value they find
// in the call's turns is replaced wherever a text quotes it, even without the cue that
// found it there ("my name is …"). Re-evaluating the metrics instead would leave the
// results senders posted, which cannot be evaluated again. Thread-safe.
class ReviewRedactor
{
public:
    // `call` as it is before its turns are redacted: the values said in them are looked for.
    ReviewRedactor(const Redactor &redactor, const CallLog &call);

    QString redacted(const QString &text) const;
    // Redacts the call's feedback, annotations, review history and metric results; true
    // when any of them changed. The counts stay the turns' (a quote is no new value).
    bool redact(CallLog &call) const;

private:
    struct Quote
    {
        QRegularExpression pattern;
        RedactionKind kind;
    };

    Redactor m_redactor;
    QList<RedactionContext::KnownValue> m_known;
    QList<Quote> m_quotes;
};
