#pragma once

#include "command.h"

// `callscope show ID|CALL_ID`: one call as the API's CallLogDetail JSON object.
class ShowCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override { return QStringLiteral("print one call as the API's JSON object"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
