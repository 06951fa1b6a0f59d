#include "dashboardloader.h"

#include "store/statisticsreader.h"

#include <QMutexLocker>

#include <limits>

namespace {

// The reader's figure, or its error.
template <typename Value, typename Assign>
QString take(std::optional<Value> value, const StatisticsReader &reader, Assign assign)
{
    if (!value)
        return reader.lastError().isEmpty() ? DashboardLoader::tr("could not be read") : reader.lastError();
    assign(*std::move(value));
    return {};
}

} // namespace

DashboardLoader::DashboardLoader(const QString &databasePath, const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
    , m_zone(zone)
{
}

DashboardLoader::~DashboardLoader() = default;

void DashboardLoader::request(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    m_waiting = request;
    if (m_running && *m_running < request.generation && m_runningReader)
        m_runningReader->interrupt();
    if (!m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &DashboardLoader::process, Qt::QueuedConnection);
    }
}

void DashboardLoader::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_waiting.reset();
    if (m_runningReader)
        m_runningReader->interrupt();
    m_running = std::numeric_limits<quint64>::max();   // nothing running is wanted any more
}

bool DashboardLoader::isSuperseded(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    return (m_waiting && m_waiting->generation > generation) || m_running != generation;
}

void DashboardLoader::process()
{
    Request job;
    {
        QMutexLocker lock(&m_mutex);
        m_scheduled = false;
        if (!m_waiting)
            return;
        job = *std::exchange(m_waiting, std::nullopt);
        m_running = job.generation;
    }
    if (!m_reader)
        m_reader = std::make_unique<StatisticsReader>(m_databasePath, m_zone);
    for (const DashboardFigure figure : job.figures) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_waiting || m_running != job.generation)
                break;
            m_runningReader = m_reader.get();
        }
        DashboardData data;
        const QString error = read(job, figure, &data);
        {
            QMutexLocker lock(&m_mutex);
            m_runningReader = nullptr;
        }
        if (isSuperseded(job.generation))
            break;
        emit figureRead(job.generation, figure, data, error);
    }
    QMutexLocker lock(&m_mutex);
    m_running.reset();
    if (m_waiting && !m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &DashboardLoader::process, Qt::QueuedConnection);
    }
}

QString DashboardLoader::read(const Request &request, DashboardFigure figure, DashboardData *data)
{
    StatisticsReader &reader = *m_reader;
    switch (figure) {
    case DashboardFigure::Days:
        return take(reader.callsPerDay(request.query), reader, [data](auto days) { data->days = std::move(days); });
    case DashboardFigure::AgentStatuses:
        return take(reader.statusesByAgent(request.query), reader,
                    [data](auto agents) { data->agents = std::move(agents); });
    case DashboardFigure::Latency:
        return take(reader.histogram(request.query, request.latencyMetric), reader,
                    [data](auto histogram) { data->latency = std::move(histogram); });
    case DashboardFigure::Interruptions:
        return take(reader.interruptionsPerDay(request.query), reader,
                    [data](auto days) { data->interruptions = std::move(days); });
    case DashboardFigure::PassRates:
        return take(reader.passRates(request.query), reader,
                    [data](auto rates) { data->passRates = std::move(rates); });
    }
    return {};
}
