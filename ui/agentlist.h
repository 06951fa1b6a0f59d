#pragma once

#include "store/agentsettings.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>

// The agents a Preferences page lists, read from the database on a worker thread with a
// read-only reader of its own (the GUI thread never waits on disk), and the name each is
// listed under.
class AgentList
{
    Q_DECLARE_TR_FUNCTIONS(AgentList)

public:
    struct Result
    {
        QList<AgentSettings> agents;   // ordered by key
        QString error;                 // empty: read (or no database yet, so no agents)
    };

    // Watch it with a QFutureWatcher on the GUI thread.
    static QFuture<Result> read(const QString &databasePath);
    // As the call list names agents: their name, else "Agent 7" or the assistant id.
    static QString displayName(const AgentSettings &agent);
};
