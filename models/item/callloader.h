#pragma once

#include "calllog/calllog.h"
#include "store/storelookup.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

// Reads one call with its turns on a worker thread (a CallReader of its own), so opening
// a call never waits on the disk. Only the latest load() answers: picking calls quickly
// never shows an older one after a newer.
class CallLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallLoader)

public:
    explicit CallLoader(const QString &databasePath, QObject *parent = nullptr);
    // Waits for the read in flight: it uses the database path this object holds.
    ~CallLoader() override;

    void load(qint64 id);

signals:
    void loaded(const CallLog &call);
    // The call could not be read (a missing call is not an error: nothing is said).
    void failed(qint64 id, const QString &error);

private:
    void onFinished();

    const QString m_databasePath;
    qint64 m_wantedId = 0;
    QFutureWatcher<StoreLookup<CallLog>> m_watcher;
};
