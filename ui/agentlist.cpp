#include "agentlist.h"

#include "store/callreader.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace {

AgentList::Result readNow(const QString &databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return {};   // a database not created yet: no agents, and no reader warning
    const CallReader reader(databasePath);
    AgentList::Result result;
    result.agents = reader.agents();
    if (!reader.isOpen() || reader.failureCount() > 0)
        result.error = reader.lastError();
    return result;
}

} // namespace

QFuture<AgentList::Result> AgentList::read(const QString &databasePath)
{
    return QtConcurrent::run(&readNow, databasePath);
}

QString AgentList::displayName(const AgentSettings &agent)
{
    if (!agent.name.isEmpty())
        return agent.name;
    const std::optional<qint64> id = agent.agentKey.agent();
    return id ? tr("Agent %1").arg(*id) : agent.agentKey.assistantId();
}
