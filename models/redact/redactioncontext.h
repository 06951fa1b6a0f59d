#pragma once

#include "calllog/turn.h"

#include <QList>
#include <QString>
#include <QStringList>

// What the detectors read of one call: each turn's text and role, where a cue for a
// caller's answer stands (REDACTION.md §1: usually in the other party's previous turn,
// "what's your social?"), and the values the sender told us (customer_number and the
// dynamic_variables), which are always personal data.
class RedactionContext
{
public:
    // A value the sender gave, with the kind its field says it is (its key's name).
    struct KnownValue
    {
        QString value;
        QString field;   // "customer_number", "dynamic_variables.patient_name"
    };

    explicit RedactionContext(const Turns &turns, const QList<KnownValue> &knownValues = {});

    int turnCount() const { return int(m_turns.size()); }
    const QString &text(int turn) const { return m_turns[turn].content; }
    Turn::Role role(int turn) const { return m_turns[turn].role; }
    // Main Agent or Testing Agent with text: the turns detectors look at.
    bool isSpeech(int turn) const;

    // The nearest earlier speech turn of the other party, -1 when none.
    int previousOtherTurn(int turn) const;
    // The same party's next speech turn when only the other party's backchannels ("okay",
    // "uh-huh", "mm-hmm") stand between, -1 otherwise: a card number read out in groups the
    // agent acknowledges is one number.
    int continuationOf(int turn) const;
    // Where a cue counts for text at `offset` of `turn`: up to `words` words before it in
    // the turn, after the other party's previous turn (the question it answers), lower-cased.
    QString cueBefore(int turn, qsizetype offset, int words = 5) const;

    const QList<KnownValue> &knownValues() const { return m_knownValues; }

    // The words of a text that the agent says to acknowledge a reading ("okay", "got it").
    static bool isBackchannel(const QString &text);

private:
    Turns m_turns;
    QList<KnownValue> m_knownValues;
};
