#pragma once

#include "calllog/turn.h"

#include <QList>

// The general rules every format shares once its entries are mapped to turns:
// an entry without a start takes the previous turn's end (0 when first; its own end when
// that comes earlier); an entry without an end takes the next turn's start (its own start
// when last, or when the next starts earlier); the result is sorted by start time, stable
// for equal starts. So every turn ends at or after its start. A turn's words are sorted by
// start time too (stable); their times stay as the format read them.
class TurnNormalizer
{
public:
    void add(const Turn &turn, bool hasStart, bool hasEnd);
    Turns finish();

private:
    struct Pending
    {
        Turn turn;
        bool hasStart;
        bool hasEnd;
    };
    QList<Pending> m_pending;
};
