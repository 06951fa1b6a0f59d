#pragma once

#include "calllog/metricevent.h"
#include "calllog/metricresult.h"

#include <QWidget>

class MetricResultsModel;
class QLabel;
class QPushButton;
class QTableView;

// The shown call's metric results: a summary line ("2 failed · 21 results"), the results
// (failed first; colour says pass, fail, n/a or error; the explanation in full in the
// tooltip) and "Evaluate again". Activating a result that points at moments of the call
// (a slow answer, an interruption, a failed tool call) asks to go to the first of them,
// and again to the next; the selected result's moments are offered for marking.
class MetricsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsPanel)

public:
    explicit MetricsPanel(QWidget *parent = nullptr);

    void setResults(qint64 callDbId, const QList<MetricResult> &results);
    // Whether "Evaluate again" is offered (there is an evaluation queue).
    void setCanEvaluate(bool can);

    QTableView *view() const { return m_view; }
    MetricResultsModel *model() const { return m_model; }

signals:
    // Go to this moment: select its turn and seek the audio there.
    void eventActivated(const MetricEvent &event);
    // The moments of the selected result (empty: none selected), to mark.
    void eventsSelected(const MetricEvents &events);
    void evaluateRequested(qint64 callDbId);

private:
    void activate(const QModelIndex &index);
    MetricEvents eventsAt(const QModelIndex &index) const;

    MetricResultsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_evaluate;
    qint64 m_callDbId = 0;
    bool m_canEvaluate = false;
    int m_lastRow = -1;          // the row activated last, and which of its events
    int m_lastEvent = -1;
};
