#include "dashboardfigures.h"

#include "dashboardloader.h"

namespace {

constexpr int DefaultRefreshDelayMs = 3000;

void take(DashboardFigure figure, const DashboardData &from, DashboardData *to)
{
    switch (figure) {
    case DashboardFigure::Days: to->days = from.days; break;
    case DashboardFigure::AgentStatuses: to->agents = from.agents; break;
    case DashboardFigure::Latency: to->latency = from.latency; break;
    case DashboardFigure::Interruptions: to->interruptions = from.interruptions; break;
    case DashboardFigure::PassRates: to->passRates = from.passRates; break;
    }
}

} // namespace

DashboardFigures::DashboardFigures(const QString &databasePath, QObject *parent, const QTimeZone &zone)
    : QObject(parent)
    , m_loader(new DashboardLoader(databasePath, zone))
    , m_latencyMetric(latencyMetrics().constFirst())
{
    m_thread.setObjectName(QStringLiteral("dashboard"));
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &DashboardLoader::figureRead, this, &DashboardFigures::onFigureRead);
    m_thread.start(QThread::LowPriority);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(DefaultRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] { load(allDashboardFigures()); });
}

DashboardFigures::~DashboardFigures()
{
    m_loader->cancel();
    m_thread.quit();
    m_thread.wait();
}

QStringList DashboardFigures::latencyMetrics()
{
    return {QStringLiteral("latency_p50_ms"), QStringLiteral("latency_mean_ms"), QStringLiteral("latency_p90_ms"),
            QStringLiteral("latency_max_ms"), QStringLiteral("time_to_first_audio_ms")};
}

void DashboardFigures::setQuery(const CallQuery &query)
{
    // StatisticsReader reads only the filters (CallListSql::where), not order or page.
    m_query = query;
    m_stale = true;
    if (m_active)
        load(allDashboardFigures());
}

void DashboardFigures::setLatencyMetric(const QString &key)
{
    if (key == m_latencyMetric || !latencyMetrics().contains(key))
        return;
    m_latencyMetric = key;
    if (m_active)
        load({DashboardFigure::Latency});
    else
        m_stale = true;
}

void DashboardFigures::setActive(bool active)
{
    m_active = active;
    if (active && m_stale)
        load(allDashboardFigures());
}

void DashboardFigures::noteCallsChanged()
{
    m_stale = true;
    if (m_active && !m_refresh.isActive())
        m_refresh.start();
}

void DashboardFigures::load(const QList<DashboardFigure> &figures)
{
    m_refresh.stop();
    if (figures.size() == allDashboardFigures().size())
        m_stale = false;
    // A partial load (one figure) replaces a full one still reading: read them all again.
    const QList<DashboardFigure> wanted = m_loading.isEmpty() ? figures : allDashboardFigures();
    for (const DashboardFigure figure : wanted) {
        m_loading.insert(figure);
        emit figureChanged(figure);
    }
    m_loader->request({++m_generation, m_query, m_latencyMetric, wanted});
}

void DashboardFigures::onFigureRead(quint64 generation, DashboardFigure figure, const DashboardData &data,
                                    const QString &error)
{
    if (generation != m_generation)
        return;
    m_loading.remove(figure);
    if (error.isEmpty()) {
        take(figure, data, &m_data);
        m_read.insert(figure);
        m_errors.remove(figure);
    } else {
        m_errors.insert(figure, error);
    }
    emit figureChanged(figure);
}
