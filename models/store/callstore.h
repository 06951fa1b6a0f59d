#pragma once

#include "calllog/calllog.h"
#include "callquery.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class CallWriter;

// The result of storing one call: its database id and whether it was new.
struct UpsertOutcome
{
    qint64 id = 0;
    bool created = false;
};

// A change of review status and/or feedback made by a person (UI, PATCH, CLI).
struct ReviewChange
{
    qint64 callId = 0;                      // database id
    std::optional<ReviewStatus> status;     // unset: keep
    std::optional<QString> feedback;        // unset: keep
    QString actor;                          // who made it ("ui", "api", user name)
};

// The local database: a SQLite file in WAL mode plus a recordings folder beside it.
// Owns the single writer thread; every write goes through it and is group-committed
// (queued writes share one transaction), so a future resolves only after its
// transaction committed. Reads open their own connection per thread (CallReader), so
// the GUI thread never waits on a write. Thread-safe.
class CallStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallStore)

public:
    // Opens (creating and migrating as needed) the database at `path`.
    // Returns nullptr and sets `error` when the file cannot be opened or migrated.
    static std::unique_ptr<CallStore> open(const QString &path, QString *error = nullptr);
    ~CallStore() override;

    QString databasePath() const { return m_path; }
    // Folder for recording files, "<database>.recordings/" next to the database.
    QString recordingsDir() const;

    // Inserts or updates (same agent key + call_id) the call and replaces its turns.
    QFuture<UpsertOutcome> upsert(const CallLog &call);
    // Many calls, each acknowledged when its transaction committed.
    QFuture<QList<UpsertOutcome>> upsertMany(const QList<CallLog> &calls);
    QFuture<bool> applyReview(const ReviewChange &change);
    QFuture<bool> remove(qint64 id);
    // Blocks until everything queued so far is committed (command line, tests).
    void flush();

    // The user's default database: <AppDataLocation>/callscope.db.
    static QString defaultPath();

signals:
    // Emitted (from the writer thread) after a transaction that changed these calls committed.
    void callsChanged(const QList<qint64> &ids);

private:
    explicit CallStore(const QString &path);

    QString m_path;
    std::unique_ptr<CallWriter> m_writer;
};
