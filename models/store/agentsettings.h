#pragma once

#include "calllog/agentkey.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Per-agent settings kept in the agents table, keyed by the agent's key. Unknown keys of the stored settings JSON survive a
// write (they are merged, not replaced).
struct AgentSettings
{
    AgentKey agentKey;
    QString name;
    bool lenientRoles = false;      // accept "agent"/"user"-style roles in the cekura format
    QString webhookSecret;          // empty: no signature check
    // redact_fields applied to the agent's calls whose body names none (empty: off).
    QStringList redactFields;
};
