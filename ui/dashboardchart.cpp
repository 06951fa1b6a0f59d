#include "dashboardchart.h"

#include "item/dashboardfigures.h"
#include "store/whenfinished.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <qcustomplot.h>

#include <algorithm>

namespace {

QColor blend(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
                            float(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

bool writeText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
}

} // namespace

DashboardChart::DashboardChart(const QString &title, DashboardFigures *figures, DashboardFigure figure, QWidget *parent)
    : QFrame(parent)
    , m_figures(figures)
    , m_figure(figure)
    , m_title(new QLabel(title, this))
    , m_state(new QLabel(this))
    , m_header(new QHBoxLayout)
    , m_export(new QToolButton(this))
    , m_plot(new QCustomPlot(this))
    , m_targetMark(new QCPItemEllipse(m_plot))
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumHeight(260);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAccessibleName(tr("Export %1").arg(title));
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("Chart as PNG\u2026"), this, [this] { chooseAndExport(true); });
    menu->addAction(tr("Data as CSV\u2026"), this, [this] { chooseAndExport(false); });
    m_export->setMenu(menu);

    m_header->addWidget(m_title);
    m_header->addStretch();
    m_header->addWidget(m_export);

    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_plot->setMinimumHeight(200);
    m_plot->setMouseTracking(true);
    m_plot->setAccessibleName(title);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->installEventFilter(this);
    for (QCPItemPosition *corner : {m_targetMark->topLeft, m_targetMark->bottomRight})
        corner->setType(QCPItemPosition::ptAbsolute);
    m_targetMark->setSelectable(false);
    m_targetMark->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_header);
    layout->addWidget(m_state);
    layout->addWidget(m_plot, 1);

    connect(figures, &DashboardFigures::figureChanged, this, &DashboardChart::onFigureChanged);
    connect(m_plot, &QCustomPlot::mouseMove, this, &DashboardChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &DashboardChart::onMousePress);
    applyPalette();
}

DashboardChart::~DashboardChart() = default;

QString DashboardChart::title() const
{
    return m_title->text();
}

QString DashboardChart::emptyText() const
{
    return tr("No calls");
}

QString DashboardChart::stateText() const
{
    if (!m_figures->hasData(m_figure)) {
        if (!m_figures->error(m_figure).isEmpty())
            return tr("Could not be read: %1").arg(m_figures->error(m_figure));
        return tr("Reading\u2026");
    }
    if (m_figures->isLoading(m_figure))
        return tr("Updating\u2026");
    if (!m_figures->error(m_figure).isEmpty())
        return tr("Could not be read: %1").arg(m_figures->error(m_figure));
    return isEmpty() ? emptyText() : QString();
}

void DashboardChart::addHeaderWidget(QWidget *widget)
{
    m_header->insertWidget(m_header->count() - 1, widget);
}

void DashboardChart::onFigureChanged(DashboardFigure figure)
{
    if (figure == m_figure)
        refresh();
}

void DashboardChart::refresh()
{
    m_target = -1;   // the figure changed under it
    m_targetMark->setVisible(false);
    if (m_figures->hasData(m_figure))
        redraw();
    const QString state = stateText();
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_plot->setVisible(m_figures->hasData(m_figure) && !isEmpty());
    m_plot->replot();
}

QColor DashboardChart::textColor(double strength) const
{
    return blend(palette().color(QPalette::Base), palette().color(QPalette::Text), strength);
}

void DashboardChart::styleAxis(QCPAxis *axis, bool grid) const
{
    const QColor line = textColor(0.3);
    axis->setBasePen(QPen(line));
    axis->setTickPen(QPen(line));
    axis->setSubTickPen(QPen(line));
    axis->setTickLabelColor(textColor(0.75));
    axis->setLabelColor(textColor(0.75));
    axis->grid()->setVisible(grid);
    axis->grid()->setPen(QPen(textColor(0.1), 0));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

void DashboardChart::useCountTicks(QCPAxis *axis)
{
    // QCustomPlot's own ticker may step by 0.5 on a short axis; a count steps by 1, 2 or 5
    // times a power of ten, at most six ticks.
    const double range = axis->range().size();
    double step = 1;
    for (double magnitude = 1; range / step > 6; magnitude *= 10) {
        for (const double factor : {1.0, 2.0, 5.0}) {
            step = factor * magnitude;
            if (range / step <= 6)
                break;
        }
    }
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(step);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    axis->setTicker(ticker);
}

void DashboardChart::placeLegendBelow()
{
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

bool DashboardChart::isOnBar(const QPointF &pixel, double height) const
{
    constexpr double MinimumShareOfAxis = 0.03;
    const double value = m_plot->yAxis->pixelToCoord(pixel.y());
    return value >= 0 && value <= std::max(height, m_plot->yAxis->range().upper * MinimumShareOfAxis);
}

void DashboardChart::applyPalette()
{
    const QColor base = palette().color(QPalette::Base);
    m_plot->setBackground(base);
    m_plot->axisRect()->setBackground(base);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        styleAxis(axis, true);
    if (m_plot->legend) {
        m_plot->legend->setBrush(base);
        m_plot->legend->setTextColor(textColor(0.85));
        m_plot->legend->setBorderPen(Qt::NoPen);
    }
}

void DashboardChart::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        refresh();
    }
}

bool DashboardChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::FocusOut)
        hideTargetMark();
    if (watched != m_plot || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up: stepTarget(-1); return true;
    case Qt::Key_Right:
    case Qt::Key_Down: stepTarget(1); return true;
    case Qt::Key_Home: stepTarget(-int(targets().size())); return true;
    case Qt::Key_End: stepTarget(int(targets().size())); return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: {
        const QList<QPointF> points = targets();
        if (m_target >= 0 && m_target < points.size()) {
            if (const std::optional<CallQuery> calls = callsAt(points.at(m_target)))
                emit drillDown(*calls);
        }
        return true;
    }
    default: return QFrame::eventFilter(watched, event);
    }
}

void DashboardChart::stepTarget(int step)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);   // the axes' pixels as drawn
    const QList<QPointF> points = targets();
    if (points.isEmpty())
        return;
    m_target = m_target < 0 ? (step > 0 ? 0 : int(points.size()) - 1)
                            : std::clamp(m_target + step, 0, int(points.size()) - 1);
    const QPointF at = points.at(m_target);
    constexpr double Radius = 7;
    m_targetMark->topLeft->setCoords(at.x() - Radius, at.y() - Radius);
    m_targetMark->bottomRight->setCoords(at.x() + Radius, at.y() + Radius);
    m_targetMark->setPen(QPen(palette().color(QPalette::Text), 2));
    m_targetMark->setVisible(true);
    m_plot->replot();
    QToolTip::showText(m_plot->mapToGlobal(at.toPoint()), describeAt(at), m_plot);
}

void DashboardChart::hideTargetMark()
{
    if (!m_targetMark->visible())
        return;
    m_targetMark->setVisible(false);
    m_plot->replot();
}

void DashboardChart::onMouseMove(QMouseEvent *event)
{
    const QString text = describeAt(event->position());
    m_plot->setCursor(callsAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void DashboardChart::onMousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const std::optional<CallQuery> calls = callsAt(event->position()))
        emit drillDown(*calls);
}

QFuture<bool> DashboardChart::exportPng(const QString &path) const
{
    // Rendered here (widgets paint on the GUI thread), written by a worker.
    const QImage image = m_plot->toPixmap(0, 0, 2.0).toImage();
    return QtConcurrent::run([path, image] { return image.save(path, "PNG"); });
}

QFuture<bool> DashboardChart::exportCsv(const QString &path) const
{
    return QtConcurrent::run([path, text = csv()] { return writeText(path, text); });
}

void DashboardChart::chooseAndExport(bool png)
{
    const QString filter = png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)");
    const QString suggested = fileStem() + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, png ? tr("Export chart") : tr("Export data"), suggested, filter);
    if (path.isEmpty())
        return;
    whenFinished(png ? exportPng(path) : exportCsv(path), this, [this, path](const QFuture<bool> &done) {
        if (done.result())
            return;
        m_state->setText(tr("Could not write %1").arg(path));
        m_state->setVisible(true);
    });
}
