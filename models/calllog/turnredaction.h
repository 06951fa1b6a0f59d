#pragma once

#include "redactionkind.h"

#include <QList>

// Where a turn's text was redacted: characters [begin, end) of its content are the
// placeholder that replaced personal data of `kind` ("<CREDIT_CARD>"), so the call view
// can show the span for what it is.
struct TurnRedaction
{
    qsizetype begin = 0;
    qsizetype end = 0;
    RedactionKind kind = RedactionKind::NumericalPii;

    bool operator==(const TurnRedaction &) const = default;
};

using TurnRedactions = QList<TurnRedaction>;
