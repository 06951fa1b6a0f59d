#pragma once

#include <QString>

#include <optional>

// The name of an agent everywhere (calls, agent settings, queries, the API, the command
// line, provider webhooks): a Cekura agent id ("agent:7") or a provider's assistant id
// ("assistant:asst_1"). fromId() is the one parser of an id as people and providers
// write it, toString() the one formatter of the stored form, so "7" and "007" name the
// same agent on every path.
class AgentKey
{
public:
    AgentKey() = default;
    // Any agent id as stored; fromId() and parse() only accept positive ones.
    static AgentKey ofAgent(qint64 agent);
    static AgentKey ofAssistant(const QString &assistantId);
    // An id as given on the command line, in ?agent_id= or in a provider's payload: a
    // positive integer ("7", "007") is a Cekura agent id, anything else an assistant id.
    static AgentKey fromId(const QString &id);
    // The stored form, as toString() writes it; a null key when `text` is not one.
    static AgentKey parse(const QString &text);

    bool isNull() const { return !m_agent && m_assistantId.isEmpty(); }
    std::optional<qint64> agent() const { return m_agent; }
    QString assistantId() const { return m_assistantId; }
    // "agent:7" / "assistant:asst_1"; empty for a null key.
    QString toString() const;

    friend bool operator==(const AgentKey &, const AgentKey &) = default;

private:
    std::optional<qint64> m_agent;
    QString m_assistantId;
};
