#include "callloader.h"

#include "store/callreader.h"

#include <QtConcurrent/QtConcurrentRun>

CallLoader::CallLoader(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CallLoader::onFinished);
}

CallLoader::~CallLoader()
{
    m_watcher.waitForFinished();
}

void CallLoader::load(qint64 id)
{
    m_wantedId = id;
    // The watcher reports only the future it was given last.
    m_watcher.setFuture(QtConcurrent::run([path = m_databasePath, id] { return CallReader(path).callById(id); }));
}

void CallLoader::onFinished()
{
    const StoreLookup<CallLog> call = m_watcher.result();
    if (call.isFailed())
        emit failed(m_wantedId, call.error());
    else if (call && call->id == m_wantedId)
        emit loaded(*call);
}
