#pragma once

#include "calllog/turn.h"

#include <QList>

// Which Function Call Result answers which Function Call: the result with the same
// tool-call id, else the next unpaired result (after the call) with the same tool name.
// Ids are matched first for all calls, so that a call whose result is missing cannot take
// by name the result another call's id points at.
class ToolCallPairing
{
public:
    struct Pair
    {
        int call;     // index of the Function Call turn
        int result;   // index of its Function Call Result turn, -1 when it has none

        bool operator==(const Pair &other) const = default;
    };

    // One pair per Function Call, in transcript order.
    static QList<Pair> pair(const Turns &turns);
};
