#pragma once

#include "calllog/calllog.h"
#include "store/callquery.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class CallReader;

// Reads pages of the call list, or their total count, for CallListModel. Lives on its
// own thread and reads through its own CallReader connection, so the GUI thread never
// touches the database for the list. Requests may come from any thread; pages are read
// before counts (the model gives counts a loader of their own, so rows never wait for a
// count that reads every match of a common word). A page request replaces the pages
// still waiting (the view has scrolled past them); a count request of a newer generation
// interrupts the count running, whose answer nobody wants any more. Every answer carries
// the generation it was asked for, so the model can drop answers to old queries.
class CallPageLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallPageLoader)

public:
    explicit CallPageLoader(const QString &databasePath, QObject *parent = nullptr);
    ~CallPageLoader() override;

    // Thread-safe. A newer count request replaces one not yet started, and stops one
    // running for an older generation.
    void requestCount(quint64 generation, const CallQuery &query);
    // One page to read. Page p holds rows [p*pageSize, (p+1)*pageSize). When the last call
    // of page p-1 is known, reading continues after it (keyset), which stays fast deep in
    // a long list where an OFFSET would make SQLite step over every earlier row.
    struct PageRequest
    {
        int page = 0;
        QVariant afterKey;      // CallQuery's keyset: the previous page's last call
        QDateTime afterTimestamp;
        qint64 afterId = 0;     // 0: use the offset
    };

    // Thread-safe. Replaces the pages still waiting from an earlier request.
    void requestPages(quint64 generation, const CallQuery &query, const QList<PageRequest> &pages, int pageSize);

    // Thread-safe. Drops what waits and interrupts the count being read: the model is
    // going away.
    void cancel();

signals:
    void countReady(quint64 generation, qint64 count);
    void pageReady(quint64 generation, int page, const QList<CallLog> &calls);
    void failed(const QString &message);

private:
    struct CountJob
    {
        quint64 generation = 0;
        CallQuery query;
    };
    struct PageJobs
    {
        quint64 generation = 0;
        CallQuery query;
        QList<PageRequest> pages;
        int pageSize = 0;
    };

    void scheduleLocked();
    void process();
    bool ensureReader();

    const QString m_databasePath;
    std::unique_ptr<CallReader> m_reader;   // created and destroyed on the loader thread

    QMutex m_mutex;                         // guards everything below
    bool m_scheduled = false;
    std::optional<CountJob> m_count;
    std::optional<quint64> m_countRunning;   // the generation of the count being read
    PageJobs m_pages;
};
