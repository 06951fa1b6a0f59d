#pragma once

#include "audiospan.h"
#include "redactioncontext.h"
#include "redactionspan.h"

#include "calllog/calllog.h"

#include <QSet>

// Removes the personal data of some kinds from a call before it is stored: every
// detector (PiiDetectors) looks for the wanted kinds, overlapping finds are joined (their
// union: over-redaction is the safe error) and labelled by the kind of highest priority,
// and each span's text is replaced by its kind's placeholder ("<CREDIT_CARD>"). The turns
// keep where the placeholders stand (Turn::redactions) and the call how many of each kind
// went (CallLog::redactionCounts); a timed word inside a span becomes the placeholder too,
// keeping its time, so the audio can be redacted from it. Thread-safe.
class Redactor
{
public:
    explicit Redactor(QSet<RedactionKind> kinds);

    // The call's redact_fields as kinds (unknown names skipped).
    static QSet<RedactionKind> kindsOf(const QStringList &redactFields);
    // What the sender told us of the call that is always personal data: customer_number and
    // the dynamic_variables' values.
    static QList<RedactionContext::KnownValue> knownValuesOf(const CallLog &call);

    // Where the redacted turns' placeholders were said in the recording: from their words'
    // times, else spread over their turn (SpeechSpanTimes), for the AudioRedactor.
    static AudioSpans audioSpansOf(const Turns &redactedTurns);
    // Redacts `turns` and then the recording at `recordingPath` (an empty path: none) where
    // they were redacted, with the fill the RedactionSettings choose. Returns the recording's
    // path (a new name when its format had to change), or empty with `error` set when the
    // recording could not be redacted.
    static QString redactRecording(const Turns &redactedTurns, const QString &recordingPath, QString *error);

    // The spans to redact, joined: per turn, in order, none overlapping, none over a
    // placeholder the text holds already.
    RedactionSpans find(const RedactionContext &context) const;
    // Redacts the call's turns, metadata values and (phone numbers wanted) customer number.
    // A call redacted before keeps its placeholders' spans (moved as the text around them
    // changes) beside the new ones, and its counts add up. Returns the redacted turns with
    // only this pass's spans: what the recording has left to redact (redactRecording()).
    Turns redact(CallLog &call) const;
    // Overlapping (and touching) spans of each turn joined, in order; a joined span takes the
    // kind of the highest priority among them.
    static RedactionSpans joined(RedactionSpans spans);
    // `text` with `spans` (all of one turn, joined, in order) replaced by their placeholders;
    // where each placeholder stands is appended to `placed`.
    static QString replaced(const QString &text, const RedactionSpans &spans, TurnRedactions *placed);
    // Every string of a JSON object redacted on its own, `known` found in each (metadata
    // values).
    QJsonObject redactedObject(const QJsonObject &object, const QList<RedactionContext::KnownValue> &known = {}) const;
    // An observe body that could not be read as a call (for the request log): every string
    // redacted with its customer_number and dynamic_variables as known values.
    QJsonObject redactedBody(const QJsonObject &body) const;

    // A value redact() replaces outside the turns, named by its field ("metadata.email",
    // "metadata.contact.phone", "dynamic_variables.patient_name", "customer_number").
    struct FieldRemoval
    {
        QString field;
        RedactionKind kind = RedactionKind::NumericalPii;
        QString original;   // the text that goes
    };
    // What redact() removes from the call's metadata values, dynamic variables and customer
    // number (a preview; the turns' spans are find()'s).
    QList<FieldRemoval> fieldRemovals(const CallLog &call) const;

private:
    QString redactedText(const QString &text, const QList<RedactionContext::KnownValue> &known) const;

    QSet<RedactionKind> m_kinds;
};
