#pragma once

#include "command.h"

// `callscope agent [list | set AGENT [--name N] [--lenient-roles on|off] [--webhook-secret S]]`:
// per-agent settings that change how calls are taken in (role aliases in the cekura
// format, the secret provider webhooks are signed with). AGENT is a Cekura agent id
// (a number) or a provider assistant id.
class AgentCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("agent"); }
    QString summary() const override { return QStringLiteral("list agents or change an agent's settings (lenient roles, webhook secret, default redaction)"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
