#pragma once

#include "dashboarddata.h"
#include "store/callquery.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <memory>
#include <optional>

class StatisticsReader;

// Reads dashboard figures on its own thread through its own StatisticsReader, one figure
// after the other, each answered as soon as it is read. A request replaces the one
// waiting and interrupts the figure being read for an older generation: its answer would
// be thrown away. Answers carry the generation they were asked for.
class DashboardLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardLoader)

public:
    DashboardLoader(const QString &databasePath, const QTimeZone &zone, QObject *parent = nullptr);
    ~DashboardLoader() override;

    struct Request
    {
        quint64 generation = 0;
        CallQuery query;
        QString latencyMetric;
        QList<DashboardFigure> figures;
    };
    // Thread-safe.
    void request(const Request &request);
    // Thread-safe: drops what waits and stops what runs.
    void cancel();

signals:
    // `data` holds the figure's part; `error` is empty when it was read.
    void figureRead(quint64 generation, DashboardFigure figure, const DashboardData &data, const QString &error);

private:
    void process();
    QString read(const Request &request, DashboardFigure figure, DashboardData *data);
    bool isSuperseded(quint64 generation);

    const QString m_databasePath;
    const QTimeZone m_zone;
    std::unique_ptr<StatisticsReader> m_reader;   // created and used on the loader thread

    QMutex m_mutex;   // guards the three below
    std::optional<Request> m_waiting;
    bool m_scheduled = false;
    std::optional<quint64> m_running;   // the generation being read
    StatisticsReader *m_runningReader = nullptr;   // m_reader while it reads, for interrupt()
};
