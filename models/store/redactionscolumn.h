#pragma once

#include "calllog/turnredaction.h"

#include <QMap>
#include <QVariant>

// How redaction's traces are kept: turns.redactions as compact JSON [[begin,end,"kind"],...]
// and calls.redactions as {"kind":count,...}; NULL when nothing was redacted.
class RedactionsColumn
{
public:
    static QVariant encode(const TurnRedactions &redactions);
    static TurnRedactions decodeTurn(const QVariant &value);
    static QVariant encode(const QMap<RedactionKind, int> &counts);
    static QMap<RedactionKind, int> decodeCounts(const QVariant &value);
};
