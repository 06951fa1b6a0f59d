#pragma once

#include "command.h"

// `callscope list [--status S] [--reviewed yes|no] [--agent A] [--search TEXT] [--sort [-]FIELD]
// [--limit N] [--json]`: stored calls, newest first unless sorted otherwise, as a table or as the API's CallLogList objects.
class ListCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("list stored calls (filter by status, agent, text)"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
