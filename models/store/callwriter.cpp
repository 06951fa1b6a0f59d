#include "callwriter.h"

#include "callstore.h"
#include "schema.h"
#include "sqliteconnection.h"
#include "storeerror.h"
#include "storelog.h"
#include "writesession.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

CallWriter::CallWriter(const QString &databasePath, const QString &recordingsDir, CallStore *store)
    : m_path(databasePath)
    , m_recordingsDir(recordingsDir)
    , m_store(store)
{
}

CallWriter::~CallWriter()
{
    stop();
}

bool CallWriter::start(QString *error)
{
    QFuture<QString> opened = m_openResult.future();
    m_openResult.start();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("callscope.store.writer"));
    m_thread->start();
    opened.waitForFinished();
    const QString message = opened.result();
    if (!message.isEmpty()) {
        m_thread->wait();
        m_thread.reset();
        if (error)
            *error = message;
        return false;
    }
    return true;
}

void CallWriter::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

void CallWriter::enqueue(WriteJob job)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping || !m_running) {
        lock.unlock();
        job.fail(QStringLiteral("the store is closed"));
        return;
    }
    (job.background ? m_background : m_queue).push_back(std::move(job));
    m_wake.wakeOne();
}

void CallWriter::run()
{
    SqliteConnection connection(m_path, QStringLiteral("writer"), SqliteConnection::Mode::ReadWrite);
    QString error = connection.errorString();
    if (connection.isOpen()) {
        QSqlDatabase db = connection.database();
        Schema::migrate(db, &error);
    }
    if (!error.isEmpty()) {
        qCWarning(lcStore) << "cannot open" << m_path << ":" << error;
        m_openResult.addResult(error);
        m_openResult.finish();
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_running = true;
    }
    m_openResult.addResult(QString());
    m_openResult.finish();

    {
        WriteSession session(connection.database());
        for (;;) {
            std::vector<WriteJob> batch;
            {
                QMutexLocker lock(&m_mutex);
                while (m_queue.empty() && m_background.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty() && m_background.empty()) {
                    m_running = false;
                    break;
                }
                int weight = 0;
                while (!m_queue.empty()
                       && (batch.empty() || weight + m_queue.front().weight <= MaxBatchWeight)) {
                    weight += m_queue.front().weight;
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
                // Background work fills what room is left, a little of it beside foreground
                // work (it still progresses under a steady stream of calls), all of it alone.
                const int backgroundRoom = batch.empty() ? MaxBatchWeight
                                                         : std::min(MaxBackgroundWeightBesideForeground, MaxBatchWeight - weight);
                int backgroundWeight = 0;
                while (!m_background.empty()
                       && (backgroundWeight == 0 ? batch.empty() || m_background.front().weight <= backgroundRoom
                                                 : backgroundWeight + m_background.front().weight <= backgroundRoom)) {
                    backgroundWeight += m_background.front().weight;
                    batch.push_back(std::move(m_background.front()));
                    m_background.pop_front();
                }
            }
            process(batch, session);
        }
    }
    QSqlQuery optimize(connection.database());
    optimize.exec(QStringLiteral("PRAGMA optimize"));
    qCDebug(lcStore) << "writer stopped";
}

void CallWriter::process(std::vector<WriteJob> &jobs, WriteSession &session)
{
    std::vector<WriteJob *> all;
    for (WriteJob &job : jobs)
        all.push_back(&job);
    QString error;
    if (runTransaction(all, session, &error))
        return;
    if (all.size() == 1) {
        qCWarning(lcStore) << "write failed:" << error;
        all.front()->fail(error);
        return;
    }
    qCInfo(lcStore) << "group of" << all.size() << "writes failed (" << error << "), retrying one by one";
    for (WriteJob *job : all) {
        std::vector<WriteJob *> single{job};
        if (!runTransaction(single, session, &error)) {
            qCWarning(lcStore) << "write failed:" << error;
            job->fail(error);
        }
    }
}

bool CallWriter::runTransaction(std::vector<WriteJob *> &jobs, WriteSession &session, QString *error)
{
    try {
        session.begin();
        for (WriteJob *job : jobs) {
            if (job->noteTurnChanges)
                job->noteTurnChanges(session);
        }
        session.unindexNotedCalls();
        for (WriteJob *job : jobs)
            job->execute(session);
        session.indexTouchedCalls();
        session.commit();
    } catch (const StoreError &e) {
        session.rollback();
        *error = e.message();
        return false;
    }
    removeFiles(session);
    for (WriteJob *job : jobs)
        job->succeed();
    announce(session);
    return true;
}

void CallWriter::removeFiles(WriteSession &session)
{
    for (const QString &recording : session.recordingsToRemove()) {
        const QString file = QDir::isAbsolutePath(recording) ? recording : QDir(m_recordingsDir).filePath(recording);
        if (QFile::exists(file) && !QFile::remove(file))
            qCWarning(lcStore) << "cannot remove recording" << file;
    }
    for (const QString &file : session.filesToRemove()) {
        if (QFile::exists(file) && !QFile::remove(file))
            qCWarning(lcStore) << "cannot remove" << file;
    }
}

void CallWriter::announce(WriteSession &session)
{
    QList<qint64> changed = session.changedCalls();
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    if (!changed.isEmpty())
        emit m_store->callsChanged(changed);
    if (session.requestsChanged())
        emit m_store->requestsChanged();
    if (session.metricsChanged())
        emit m_store->metricsChanged();
}
