#include "calllistmodel.h"

#include "callpageloader.h"
#include "store/calllistsql.h"
#include "store/callstore.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace {

constexpr int kRefreshDelayMs = 200;

} // namespace

CallListModel::CallListModel(CallStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new CallPageLoader(store->databasePath()))
    , m_counter(new CallPageLoader(store->databasePath()))
{
    m_thread.setObjectName(QStringLiteral("CallListLoader"));
    m_countThread.setObjectName(QStringLiteral("CallListCounter"));
    for (const auto &[loader, thread] : {std::pair{m_loader, &m_thread}, std::pair{m_counter, &m_countThread}}) {
        loader->moveToThread(thread);
        connect(thread, &QThread::finished, loader, &QObject::deleteLater);
        connect(loader, &CallPageLoader::failed, this, &CallListModel::loadFailed);
        thread->start();
    }
    connect(m_counter, &CallPageLoader::countReady, this, &CallListModel::applyCount);
    connect(m_loader, &CallPageLoader::pageReady, this, &CallListModel::applyPage);

    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(0);
    connect(&m_requestTimer, &QTimer::timeout, this, &CallListModel::requestWanted);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CallListModel::refresh);
    // Queued: the store emits from its writer thread.
    connect(store, &CallStore::callsChanged, this, [this] {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start();
    }, Qt::QueuedConnection);

    requestFirstPageAndCount();
}

CallListModel::~CallListModel()
{
    // A count still running stops now rather than when it would have finished.
    m_counter->cancel();
    m_thread.quit();
    m_countThread.quit();
    m_thread.wait();
    m_countThread.wait();
}

int CallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int CallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CallListModel::setQuery(const CallQuery &query)
{
    beginResetModel();
    m_query = query;
    m_query.offset = 0;
    ++m_generation;
    m_rowCount = 0;
    m_countKnown = false;
    m_pages.clear();
    m_wanted.clear();
    endResetModel();
    emit countChanged(0);
    requestFirstPageAndCount();
}

void CallListModel::setFilter(const CallQuery &query)
{
    CallQuery filter = query;
    filter.sort = m_query.sort;
    setQuery(filter);
}

void CallListModel::requestFirstPageAndCount()
{
    // The loader reads pages before counts: the first rows show while a slow count runs.
    m_loader->requestPages(m_generation, m_query, {CallPageLoader::PageRequest{0, {}, {}, 0}}, kPageSize);
    m_counter->requestCount(m_generation, m_query);
}

CallSortField CallListModel::sortFieldOf(int column)
{
    switch (column) {
    case Agent: return CallSortField::Agent;
    case CallId: return CallSortField::CallId;
    case Duration: return CallSortField::Duration;
    case Status: return CallSortField::Status;
    case Reviewed: return CallSortField::Reviewed;
    case EndedReason: return CallSortField::EndedReason;
    case Customer: return CallSortField::Customer;
    case Labels: return CallSortField::Labels;
    case FailedMetrics: return CallSortField::FailedMetrics;
    default: return CallSortField::Time;
    }
}

int CallListModel::columnOf(CallSortField field)
{
    for (int column = 0; column < ColumnCount; ++column) {
        if (sortFieldOf(column) == field)
            return column;
    }
    return Time;
}

void CallListModel::sort(int column, Qt::SortOrder order)
{
    const CallSort sort{sortFieldOf(column), order == Qt::DescendingOrder};
    if (sort == m_query.sort)
        return;
    CallQuery query = m_query;
    query.sort = sort;
    setQuery(query);
}

void CallListModel::refresh()
{
    ++m_generation;
    m_wanted.clear();
    m_counter->requestCount(m_generation, m_query);
    // Every cached page is now stale; repainting makes the view ask for fresh copies of
    // exactly the rows it shows.
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
}

const CallLog *CallListModel::cachedCall(int row, bool *stale) const
{
    const int page = row / kPageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        want(page);
        return nullptr;
    }
    it->lastUsed = ++m_useClock;
    *stale = it->generation != m_generation;
    if (*stale)
        want(page);
    const int offset = row % kPageSize;
    return offset < it->calls.size() ? &it->calls.at(offset) : nullptr;
}

void CallListModel::want(int page) const
{
    m_wanted.insert(page);
    if (!m_requestTimer.isActive())
        m_requestTimer.start();
}

void CallListModel::requestWanted()
{
    QList<int> pages(m_wanted.cbegin(), m_wanted.cend());
    m_wanted.clear();
    std::sort(pages.begin(), pages.end());
    QList<CallPageLoader::PageRequest> requests;
    requests.reserve(pages.size());
    for (int page : pages) {
        CallPageLoader::PageRequest request{page, {}, {}, 0};
        // Continue after the previous page's last call when that page is fresh and full.
        const auto previous = m_pages.constFind(page - 1);
        if (previous != m_pages.constEnd() && previous->generation == m_generation
            && previous->calls.size() == kPageSize && previous->calls.constLast().timestamp.isValid()) {
            const CallLog &last = previous->calls.constLast();
            request.afterKey = CallListSql::sortKey(m_query.sort.field, last);
            request.afterTimestamp = last.timestamp;
            request.afterId = last.id;
        }
        requests.append(request);
    }
    m_loader->requestPages(m_generation, m_query, requests, kPageSize);
}

void CallListModel::applyCount(quint64 generation, qint64 count)
{
    if (generation != m_generation)
        return;
    const int rows = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    m_countKnown = true;
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        const int lastPage = rows == 0 ? -1 : (rows - 1) / kPageSize;
        m_pages.removeIf([lastPage](const auto &entry) { return entry.key() > lastPage; });
        endRemoveRows();
    }
    emit countChanged(m_rowCount);
}

void CallListModel::applyPage(quint64 generation, int page, const QList<CallLog> &calls)
{
    if (generation != m_generation)
        return;
    Page &entry = m_pages[page];
    entry.generation = generation;
    entry.calls = calls;
    entry.lastUsed = ++m_useClock;
    evictPages();
    // The first page of a new query came before its count: show its rows now.
    if (!m_countKnown && page == 0 && calls.size() > m_rowCount) {
        beginInsertRows({}, m_rowCount, int(calls.size()) - 1);
        m_rowCount = int(calls.size());
        endInsertRows();
        return;
    }

    const int first = page * kPageSize;
    const int last = std::min(first + kPageSize, m_rowCount) - 1;
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void CallListModel::evictPages()
{
    while (m_pages.size() > kMaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUsed < oldest->lastUsed)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

qint64 CallListModel::idAt(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (row < 0 || row >= m_rowCount || it == m_pages.constEnd() || row % kPageSize >= it->calls.size())
        return 0;
    return it->calls.at(row % kPageSize).id;
}

std::optional<CallLog> CallListModel::callAt(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (row < 0 || row >= m_rowCount || it == m_pages.constEnd() || row % kPageSize >= it->calls.size())
        return std::nullopt;
    return it->calls.at(row % kPageSize);
}

int CallListModel::rowOfId(qint64 id) const
{
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        for (int i = 0; i < it->calls.size(); ++i) {
            const int row = it.key() * kPageSize + i;
            if (it->calls.at(i).id == id && row < m_rowCount)
                return row;
        }
    }
    return -1;
}

QString CallListModel::statusText(const std::optional<ReviewStatus> &status)
{
    if (!status)
        return tr("Not evaluated");
    switch (*status) {
    case ReviewStatus::Success: return tr("Success");
    case ReviewStatus::Failure: return tr("Failure");
    case ReviewStatus::ReviewedSuccess: return tr("Reviewed success");
    case ReviewStatus::ReviewedFailure: return tr("Reviewed failure");
    }
    return {};
}

bool CallListModel::showsTranscription(const CallLog &call)
{
    // Being transcribed (again), its results are to come; a failed one says so until it has a status.
    return call.transcription
           && (call.transcription->isPending() || (call.transcription->status == TranscriptionStatus::Failed && !call.status));
}

QString CallListModel::statusText(const CallLog &call)
{
    if (!showsTranscription(call))
        return statusText(call.status);
    switch (call.transcription->status) {
    case TranscriptionStatus::Queued: return tr("To transcribe");
    case TranscriptionStatus::Transcribing: return tr("Transcribing %1 %").arg(int(call.transcription->progress * 100));
    case TranscriptionStatus::Failed: return tr("No transcript");
    case TranscriptionStatus::Done: break;
    }
    return statusText(call.status);
}

QVariant CallListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    bool stale = false;
    const CallLog *call = cachedCall(index.row(), &stale);
    if (role == LoadedRole)
        return call != nullptr;
    if (!call)
        return {};

    switch (role) {
    case Qt::DisplayRole:
        return displayData(*call, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QLocale().toString(call->timestamp.toLocalTime(), QLocale::LongFormat);
        if (index.column() == Status)
            return showsTranscription(*call) ? call->errorMessage   // "transcribing: 42 %", or why it failed
                                             : statusText(call->status);
        return displayData(*call, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case DbIdRole: return call->id;
    case CallIdRole: return call->callId;
    case StatusRole: return call->status && !showsTranscription(*call) ? ReviewStatuses::name(*call->status) : QString();
    case TimestampRole: return call->timestamp;
    case DurationRole: return call->durationSeconds;
    case AgentKeyRole: return call->agentKey();
    default: return {};
    }
}

QVariant CallListModel::displayData(const CallLog &call, int column) const
{
    switch (column) {
    case Time:
        return call.timestamp.isValid() ? call.timestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                        : QString();
    case Agent:
        if (!call.agentName.isEmpty())
            return call.agentName;
        return call.agent ? tr("Agent %1").arg(*call.agent) : call.assistantId;
    case CallId: return call.callId;
    case Duration: return CallLog::formatDuration(call.durationSeconds);
    case Status: return statusText(call);
    case Reviewed:
        return call.status == ReviewStatus::ReviewedSuccess || call.status == ReviewStatus::ReviewedFailure ? tr("Yes")
                                                                                                            : tr("No");
    case EndedReason: return call.callEndedReason;
    case Customer: return call.customerNumber;
    // Blank rather than 0: the few labelled calls (and calls with failed metrics) stand out.
    case Labels: return call.labelCount > 0 ? QLocale().toString(call.labelCount) : QString();
    case FailedMetrics: return call.failedMetricCount > 0 ? QLocale().toString(call.failedMetricCount) : QString();
    default: return {};
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant((section == Duration ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Agent: return tr("Agent");
    case CallId: return tr("Call ID");
    case Duration: return tr("Duration");
    case Status: return tr("Status");
    case Reviewed: return tr("Reviewed");
    case EndedReason: return tr("Ended reason");
    case Customer: return tr("Customer");
    case Labels: return tr("Labels");
    case FailedMetrics: return tr("Failed metrics");
    default: return {};
    }
}
