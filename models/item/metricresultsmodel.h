#pragma once

#include "calllog/metricresult.h"

#include <QAbstractTableModel>
#include <QList>

// One call's metric results as rows (metric, result, explanation): failed ones first,
// then errors, then the rest in the order the store gave them (the metrics' order). A
// result reads as its value with its unit ("1,630 ms", "Pass", "caller"), "n/a" with the
// reason in its tooltip, or "error". EventsRole gives where a result points (turns and
// times) so the call view can go there.
class MetricResultsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricResultsModel)

public:
    enum Column { Metric, Result, Explanation, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1,   // int, an Outcome
        EventsRole,                       // QVariantList of QVariantMap {time, duration, turn}
        KeyRole,                          // QString, the metric's key
    };
    enum class Outcome { Passed, Failed, Value, NotApplicable, Error };

    explicit MetricResultsModel(QObject *parent = nullptr);

    void setResults(const QList<MetricResult> &results);
    // The result column's colours (pass green, fail red, error amber) suit a dark palette.
    void setDarkPalette(bool dark) { m_dark = dark; }
    const QList<MetricResult> &results() const { return m_results; }
    int failedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static Outcome outcomeOf(const MetricResult &result);
    // "1,630 ms", "0.39", "Pass", "Fail", "yes"/"no" (a binary metric without a pass
    // value), "caller", "n/a", "error".
    static QString resultText(const MetricResult &result);

private:
    QList<MetricResult> m_results;
    bool m_dark = false;
};
