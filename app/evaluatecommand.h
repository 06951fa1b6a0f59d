#pragma once

#include "command.h"

// `callscope evaluate ID…|--all [--metrics KEY,…]`: evaluates metrics on stored calls
// now and waits for their results (each call's enabled metrics unless --metrics names
// some). An ID is a database id or a sender's call_id.
class EvaluateCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("evaluate"); }
    QString summary() const override { return QStringLiteral("evaluate metrics on stored calls and wait for the results"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
