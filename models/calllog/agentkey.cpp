#include "agentkey.h"

#include <QRegularExpression>

namespace {

const QLatin1String kAgentPrefix("agent:");
const QLatin1String kAssistantPrefix("assistant:");

// A positive agent id; nothing for zero, signs, spaces or more than fits.
std::optional<qint64> positiveInteger(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const qint64 value = text.toLongLong();
    if (value <= 0)
        return std::nullopt;
    return value;
}

} // namespace

AgentKey AgentKey::ofAgent(qint64 agent)
{
    AgentKey key;
    key.m_agent = agent;
    return key;
}

AgentKey AgentKey::ofAssistant(const QString &assistantId)
{
    AgentKey key;
    key.m_assistantId = assistantId;
    return key;
}

AgentKey AgentKey::fromId(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (const std::optional<qint64> agent = positiveInteger(trimmed))
        return ofAgent(*agent);
    return ofAssistant(trimmed);
}

AgentKey AgentKey::parse(const QString &text)
{
    if (text.startsWith(kAgentPrefix)) {
        if (const std::optional<qint64> agent = positiveInteger(text.mid(kAgentPrefix.size())))
            return ofAgent(*agent);
        return {};
    }
    if (text.startsWith(kAssistantPrefix))
        return ofAssistant(text.mid(kAssistantPrefix.size()));
    return {};
}

QString AgentKey::toString() const
{
    if (m_agent)
        return kAgentPrefix + QString::number(*m_agent);
    if (!m_assistantId.isEmpty())
        return kAssistantPrefix + m_assistantId;
    return {};
}
