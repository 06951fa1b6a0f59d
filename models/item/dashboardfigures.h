#pragma once

#include "dashboarddata.h"
#include "store/callquery.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

class DashboardLoader;

// The dashboard's figures over the call list's current filter, read in the background.
// While inactive (its tab not shown) it reads nothing and only remembers that its
// figures are stale. New calls refresh it after a pause (refreshDelay), so a flood of
// posts costs one read. Each figure keeps its last data while a newer one is read, so
// the charts never blank out; isLoading() says that it is being replaced.
class DashboardFigures : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardFigures)

public:
    explicit DashboardFigures(const QString &databasePath, QObject *parent = nullptr,
                              const QTimeZone &zone = QTimeZone::systemTimeZone());
    ~DashboardFigures() override;

    static QStringList latencyMetrics();

    void setQuery(const CallQuery &query);
    CallQuery query() const { return m_query; }
    // One of latencyMetrics(); the histogram's metric.
    void setLatencyMetric(const QString &key);
    QString latencyMetric() const { return m_latencyMetric; }
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Calls were stored or changed: the figures are read again after refreshDelay().
    void noteCallsChanged();
    void setRefreshDelay(int milliseconds) { m_refresh.setInterval(milliseconds); }
    int refreshDelay() const { return m_refresh.interval(); }

    const DashboardData &data() const { return m_data; }
    bool hasData(DashboardFigure figure) const { return m_read.contains(figure); }
    bool isLoading(DashboardFigure figure) const { return m_loading.contains(figure); }
    // Why the last read of `figure` failed; empty when it did not.
    QString error(DashboardFigure figure) const { return m_errors.value(figure); }

signals:
    void figureChanged(DashboardFigure figure);

private:
    void load(const QList<DashboardFigure> &figures);
    void onFigureRead(quint64 generation, DashboardFigure figure, const DashboardData &data, const QString &error);

    QThread m_thread;
    DashboardLoader *m_loader = nullptr;   // lives on m_thread
    QTimer m_refresh;
    CallQuery m_query;
    QString m_latencyMetric;
    bool m_active = false;
    bool m_stale = true;
    quint64 m_generation = 0;
    DashboardData m_data;
    QSet<DashboardFigure> m_read;
    QSet<DashboardFigure> m_loading;
    QHash<DashboardFigure, QString> m_errors;
};
