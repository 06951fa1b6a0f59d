#include "callpageloader.h"

#include "store/callreader.h"

#include <QMutexLocker>

CallPageLoader::CallPageLoader(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
{
}

CallPageLoader::~CallPageLoader() = default;

void CallPageLoader::requestCount(quint64 generation, const CallQuery &query)
{
    const QMutexLocker lock(&m_mutex);
    m_count = CountJob{generation, query};
    if (m_countRunning && *m_countRunning != generation)
        m_reader->interrupt();   // alive: the loader thread keeps it while a count runs
    scheduleLocked();
}

void CallPageLoader::requestPages(quint64 generation, const CallQuery &query, const QList<PageRequest> &pages,
                                  int pageSize)
{
    const QMutexLocker lock(&m_mutex);
    m_pages = PageJobs{generation, query, pages, pageSize};
    scheduleLocked();
}

void CallPageLoader::cancel()
{
    const QMutexLocker lock(&m_mutex);
    m_count.reset();
    m_pages.pages.clear();
    if (m_countRunning)
        m_reader->interrupt();
}

void CallPageLoader::scheduleLocked()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CallPageLoader::process, Qt::QueuedConnection);
}

bool CallPageLoader::ensureReader()
{
    if (!m_reader)
        m_reader = std::make_unique<CallReader>(m_databasePath);
    if (m_reader->isOpen())
        return true;
    emit failed(m_reader->lastError());
    m_reader.reset();   // try again on the next request (the file may appear later)
    return false;
}

void CallPageLoader::process()
{
    for (;;) {
        std::optional<CountJob> count;
        std::optional<CallQuery> pageQuery;
        quint64 pageGeneration = 0;
        int page = -1;
        {
            const QMutexLocker lock(&m_mutex);
            // Pages first: rows on screen matter more than the count, which may read
            // every match of a common search word.
            if (!m_pages.pages.isEmpty()) {
                const PageRequest request = m_pages.pages.takeFirst();
                page = request.page;
                pageGeneration = m_pages.generation;
                CallQuery query = m_pages.query;
                query.limit = m_pages.pageSize;
                if (request.afterId > 0) {
                    query.afterKey = request.afterKey;
                    query.afterTimestamp = request.afterTimestamp;
                    query.afterId = request.afterId;
                    query.offset = 0;
                } else {
                    query.offset = page * m_pages.pageSize;
                }
                pageQuery = query;
            } else if (m_count) {
                count = std::move(m_count);
                m_count.reset();
            } else {
                m_scheduled = false;
                return;
            }
        }
        if (!ensureReader())
            continue;
        if (pageQuery) {
            emit pageReady(pageGeneration, page, m_reader->list(*pageQuery));
            continue;
        }
        {
            const QMutexLocker lock(&m_mutex);
            if (m_count && m_count->generation != count->generation)
                continue;   // superseded while it waited
            m_countRunning = count->generation;
        }
        const qint64 total = m_reader->count(count->query);
        {
            const QMutexLocker lock(&m_mutex);
            m_countRunning.reset();
            // A newer request waiting (it may have interrupted this one): its answer counts.
            if (m_count && m_count->generation != count->generation)
                continue;
        }
        emit countReady(count->generation, total);
    }
}
