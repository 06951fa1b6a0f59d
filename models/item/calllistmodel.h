#pragma once

#include "calllog/calllog.h"
#include "store/callquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>
#include <QTimer>

class CallPageLoader;
class CallStore;

// The stored calls as a table, newest first unless sorted otherwise, fast with millions
// of rows. Holds only a window of rows: pages of kPageSize rows are read on demand by a
// CallPageLoader on its own thread and connection, the row count is fetched
// asynchronously, and at most kMaxCachedPages pages are kept (least recently used go
// first). Filtering and sorting (sort(), any column) are pushed into SQL through a
// CallQuery; pages continue after the previous page's last row by keyset on the sort
// key. A new query shows its first page as soon as it is read, before the count (which
// may take much longer for a common search word) is known. Every query and refresh bumps a generation; answers to
// an older generation are dropped. A refresh (after CallStore::callsChanged) keeps the
// old rows on screen until their fresh copies arrive, so a busy listener does not make
// the view flicker or jump.
class CallListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallListModel)

public:
    enum Column { Time, Agent, CallId, Duration, Status, Reviewed, EndedReason, Customer, Labels, FailedMetrics, ColumnCount };
    enum Role {
        DbIdRole = Qt::UserRole + 1,   // qint64, the database id
        CallIdRole,                    // QString, the sender's call_id
        StatusRole,                    // QString, the API status name; empty when not evaluated or transcribing
        TimestampRole,                 // QDateTime
        DurationRole,                  // double seconds
        AgentKeyRole,                  // QString, CallLog::agentKey()
        LoadedRole,                    // bool, false while the row's page is being read
    };

    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 64;

    // Reads from `store`'s database and refreshes when the store reports changes.
    explicit CallListModel(CallStore *store, QObject *parent = nullptr);
    ~CallListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Orders the list by `column` in SQL (every column sorts); resets the rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static CallSortField sortFieldOf(int column);
    static int columnOf(CallSortField field);

    const CallQuery &query() const { return m_query; }
    // Replaces the filter and the sort (limit/offset are ignored): resets the model and recounts.
    void setQuery(const CallQuery &query);
    // Replaces the filter, keeping the current sort.
    void setFilter(const CallQuery &query);
    // Recounts and re-reads the visible rows, keeping the current ones shown meanwhile.
    void refresh();

    // True once the row count of the current query has arrived.
    bool isCountKnown() const { return m_countKnown; }
    // The database id of `row`, or 0 when its page is not loaded.
    qint64 idAt(int row) const;
    // The row of database id `id` among the loaded rows, or -1.
    int rowOfId(qint64 id) const;
    // The call (as listed: no turns) at `row`, or nullopt when its page is not loaded.
    std::optional<CallLog> callAt(int row) const;

    static QString statusText(const std::optional<ReviewStatus> &status);
    // Whether an audio-only call's transcription stands in for its status: while it runs
    // (again), and when it failed until the call has a status. StatusRole is empty then.
    static bool showsTranscription(const CallLog &call);
    // The status, or where the transcription is when it stands in for it.
    static QString statusText(const CallLog &call);

signals:
    void countChanged(qint64 count);
    void loadFailed(const QString &message);

private:
    struct Page
    {
        quint64 generation = 0;
        QList<CallLog> calls;
        mutable quint64 lastUsed = 0;
    };

    void requestFirstPageAndCount();
    const CallLog *cachedCall(int row, bool *stale) const;
    void want(int page) const;
    void requestWanted();
    void applyCount(quint64 generation, qint64 count);
    void applyPage(quint64 generation, int page, const QList<CallLog> &calls);
    void evictPages();
    QVariant displayData(const CallLog &call, int column) const;

    // Pages and counts on threads of their own: a count reading every match of a common
    // word never holds up the rows.
    QThread m_thread;
    CallPageLoader *m_loader = nullptr;    // pages; lives on m_thread, deleted when it finishes
    QThread m_countThread;
    CallPageLoader *m_counter = nullptr;   // counts; lives on m_countThread
    CallQuery m_query;
    quint64 m_generation = 1;
    int m_rowCount = 0;
    bool m_countKnown = false;
    QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QSet<int> m_wanted;           // pages data() asked for since the last request
    mutable QTimer m_requestTimer;        // batches the requests of one paint
    QTimer m_refreshTimer;                // coalesces bursts of callsChanged
};
