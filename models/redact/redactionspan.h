#pragma once

#include "calllog/redactionkind.h"

#include <QList>

// A stretch of one turn's text that is personal data of one kind: characters
// [begin, end) of the turn's content (UTF-16 offsets).
struct RedactionSpan
{
    int turn = 0;
    qsizetype begin = 0;
    qsizetype end = 0;
    RedactionKind kind = RedactionKind::NumericalPii;

    qsizetype length() const { return end - begin; }
    bool operator==(const RedactionSpan &) const = default;
};

using RedactionSpans = QList<RedactionSpan>;
