#include "metricspanel.h"

#include "item/metricresultsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QColor failedColor(bool dark)
{
    return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
}

} // namespace

MetricsPanel::MetricsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new MetricResultsModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_evaluate(new QPushButton(tr("Evaluate again"), this))
{
    m_view->setObjectName(QStringLiteral("metricResults"));
    m_view->setAccessibleName(tr("Metric results"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(MetricResultsModel::Metric, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MetricResultsModel::Result, QHeaderView::ResizeToContents);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_summary->setObjectName(QStringLiteral("metricsSummary"));
    m_evaluate->setObjectName(QStringLiteral("evaluateAgain"));
    m_evaluate->setToolTip(tr("Run this call's metrics again"));
    m_evaluate->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Metrics"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    top->addWidget(title);
    top->addWidget(m_summary, 1);
    top->addWidget(m_evaluate);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view, &QAbstractItemView::activated, this, &MetricsPanel::activate);
    connect(m_view, &QAbstractItemView::clicked, this, &MetricsPanel::activate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { emit eventsSelected(eventsAt(current)); });
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        if (m_callDbId > 0)
            emit evaluateRequested(m_callDbId);
    });
}

void MetricsPanel::setCanEvaluate(bool can)
{
    m_canEvaluate = can;
    m_evaluate->setVisible(can);
    m_evaluate->setEnabled(can && m_callDbId > 0);
}

void MetricsPanel::setResults(qint64 callDbId, const QList<MetricResult> &results)
{
    const QString selectedKey = m_view->currentIndex().data(MetricResultsModel::KeyRole).toString();
    const bool sameCall = callDbId == m_callDbId;
    m_callDbId = callDbId;
    m_model->setResults(results);
    m_evaluate->setEnabled(m_canEvaluate && callDbId > 0);
    if (!sameCall) {
        m_lastRow = m_lastEvent = -1;
        emit eventsSelected({});
    }
    // The same call re-read (new results arrived) keeps the selected result.
    if (sameCall && !selectedKey.isEmpty()) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(MetricResultsModel::KeyRole).toString() == selectedKey) {
                m_view->setCurrentIndex(index);
                break;
            }
        }
    }
    const int failed = m_model->failedCount();
    if (results.isEmpty())
        m_summary->setText(tr("not evaluated"));
    else if (failed > 0)
        m_summary->setText(tr("%n failed", nullptr, failed) + QStringLiteral(" · ") + tr("%n result(s)", nullptr, int(results.size())));
    else
        m_summary->setText(tr("none failed") + QStringLiteral(" · ") + tr("%n result(s)", nullptr, int(results.size())));
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_model->setDarkPalette(dark);
    QPalette summaryPalette = m_summary->palette();
    summaryPalette.setColor(QPalette::WindowText, failed > 0 ? failedColor(dark)
                                                             : palette().color(QPalette::WindowText));
    m_summary->setPalette(summaryPalette);
}

MetricEvents MetricsPanel::eventsAt(const QModelIndex &index) const
{
    MetricEvents events;
    if (!index.isValid())
        return events;
    for (const QVariant &value : index.siblingAtColumn(0).data(MetricResultsModel::EventsRole).toList()) {
        const QVariantMap event = value.toMap();
        events.append({event.value(QStringLiteral("time")).toDouble(), event.value(QStringLiteral("duration")).toDouble(),
                       event.value(QStringLiteral("turn")).toInt()});
    }
    return events;
}

void MetricsPanel::activate(const QModelIndex &index)
{
    const MetricEvents events = eventsAt(index);
    if (events.isEmpty())
        return;
    // Activating the same result again walks on through its moments.
    m_lastEvent = index.row() == m_lastRow ? (m_lastEvent + 1) % int(events.size()) : 0;
    m_lastRow = index.row();
    emit eventActivated(events.at(m_lastEvent));
}
