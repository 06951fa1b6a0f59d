#pragma once

#include "calllog/redactionkind.h"

#include <QCoreApplication>
#include <QString>

// What the UI calls each kind of personal data ("Credit card" for credit_card), translated;
// RedactionKinds::name() stays the API's name.
class RedactionKindNames
{
    Q_DECLARE_TR_FUNCTIONS(RedactionKindNames)

public:
    // Sentence case, for a list: "Credit card".
    static QString of(RedactionKind kind);
};
