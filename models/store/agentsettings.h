#pragma once

#include <QJsonObject>
#include <QString>

// Per-agent settings kept in the agents table, keyed by CallLog::agentKey()
// ("agent:12", "assistant:asst_1"). Unknown keys of the stored settings JSON survive a
// write (they are merged, not replaced).
struct AgentSettings
{
    QString agentKey;
    QString name;
    bool lenientRoles = false;      // accept "agent"/"user"-style roles in the cekura format
    QString webhookSecret;          // empty: no signature check
};
