#include "dashboardchart.h"
#include "dashboardview.h"
#include "filterbar.h"
#include "item/calllistmodel.h"
#include "item/dashboardfigures.h"
#include "keybindings.h"
#include "latencychart.h"
#include "mainwindow.h"
#include "metrics/evaluationqueue.h"
#include "store/callreader.h"
#include "testcalls.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStackedWidget>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

// The dashboard tab over the list's filter: its charts read in the background once the
// tab shows, follow the filter, and a click on a bar or point shows those calls in the
// list; each chart exports as PNG and CSV.
class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void readsOnlyWhileShown();
    void chartsShowTheFilteredCalls();
    void clickingABarFiltersTheList();
    void clickingAFailedMetricFiltersTheList();
    void keyboardOpensTheCallsOfABar();
    void latencyMetricIsPicked();
    void exportsPngAndCsv();
    void newCallsRefreshAfterAPause();
    void emptyFilterSaysSo();

private:
    DashboardView *dashboard() const { return m_window->dashboard(); }
    DashboardChart *chart(const char *name) const { return dashboard()->chart(QString::fromLatin1(name)); }
    void showDashboard();
    void waitForFigures();
    // The plot pixel at (key, value) of the chart's axes.
    static QPointF pixelOf(DashboardChart *chart, QCPAxis *keyAxis, double key, QCPAxis *valueAxis, double value);

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

constexpr int Calls = 30;

// TestCalls spread over three days, the agent's answer 1.0 s to 2.25 s after the caller.
CallLog dashboardCall(int i)
{
    CallLog call = TestCalls::make(i);
    call.timestamp = call.timestamp.addDays(i % 3);
    call.turns[4].startTime += (i % 6) * 0.25;
    call.turns[4].endTime += (i % 6) * 0.25;
    return call;
}

} // namespace

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestDashboard::init()
{
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("dashboard-%1.db").arg(++m_databases)), &error);
    QVERIFY2(m_store, qPrintable(error));
    QList<CallLog> calls;
    for (int i = 0; i < Calls; ++i)
        calls.append(dashboardCall(i));
    m_store->upsertMany(calls).waitForFinished();
    EvaluationQueue evaluation(m_store.get());
    QList<qint64> ids;
    for (const CallLog &call : CallReader(m_store->databasePath()).list([] { CallQuery all; all.limit = 0; return all; }()))
        ids.append(call.id);
    evaluation.enqueueIds(ids);
    QVERIFY(evaluation.waitForIdle(30000));
    m_store->flush();

    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->resize(1400, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDashboard::cleanup()
{
    m_window.reset();
    m_store.reset();
    QSettings().clear();
}

void TestDashboard::showDashboard()
{
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), dashboard());
    QCOMPARE(m_window->tabBar()->currentIndex(), 1);
}

void TestDashboard::waitForFigures()
{
    for (DashboardFigure figure : allDashboardFigures())
        QTRY_VERIFY(m_window->dashboardFigures()->hasData(figure) && !m_window->dashboardFigures()->isLoading(figure));
}

QPointF TestDashboard::pixelOf(DashboardChart *chart, QCPAxis *keyAxis, double key, QCPAxis *valueAxis, double value)
{
    chart->plot()->replot();
    const double along = keyAxis->coordToPixel(key);
    const double across = valueAxis->coordToPixel(value);
    return keyAxis->orientation() == Qt::Horizontal ? QPointF(along, across) : QPointF(across, along);
}

void TestDashboard::readsOnlyWhileShown()
{
    DashboardFigures *figures = m_window->dashboardFigures();
    QTest::qWait(100);
    QVERIFY(!figures->isActive());
    QVERIFY(!figures->hasData(DashboardFigure::Days));
    showDashboard();
    QVERIFY(figures->isActive());
    // The review keys act on the call shown; the dashboard shows none.
    QVERIFY(!m_window->keyBindings()->isActive());
    waitForFigures();
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QVERIFY(!figures->isActive());
    QVERIFY(m_window->keyBindings()->isActive());
}

void TestDashboard::chartsShowTheFilteredCalls()
{
    showDashboard();
    waitForFigures();
    const DashboardData &data = m_window->dashboardFigures()->data();
    QCOMPARE(data.days.size(), 3);
    qint64 calls = 0;
    for (const CallStatistics::Day &day : data.days)
        calls += day.calls;
    QCOMPARE(calls, Calls);
    QVERIFY2(dashboard()->summaryText().startsWith(QStringLiteral("30 call")), qPrintable(dashboard()->summaryText()));
    QCOMPARE(data.agents.size(), 2);   // agent 7 and asst_test
    QCOMPARE(data.latency.samples, Calls);
    // Answers of 1000, 1250, … 2250 ms, five calls each: the median lies halfway between
    // the 15th (1500) and the 16th (1750) of the 30.
    QCOMPARE(data.latency.p50, 1625.0);
    QVERIFY(!data.passRates.isEmpty());
    for (DashboardChart *chart : dashboard()->charts()) {
        QVERIFY2(chart->stateText().isEmpty() || chart->objectName() == QLatin1String("interruptionChart"),
                 qPrintable(chart->objectName() + QStringLiteral(": ") + chart->stateText()));
        QVERIFY(chart->csv().count(QLatin1Char('\n')) >= 2);
    }

    // The filter bar filters the dashboard too.
    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    m_window->filterBar()->setQuery(failures);
    QTRY_VERIFY(!m_window->dashboardFigures()->isLoading(DashboardFigure::Days));
    qint64 failed = 0;
    for (const CallStatistics::Day &day : m_window->dashboardFigures()->data().days)
        failed += day.calls;
    QCOMPARE(failed, CallReader(m_store->databasePath()).count(failures));
    QVERIFY(failed > 0 && failed < Calls);
}

void TestDashboard::clickingABarFiltersTheList()
{
    showDashboard();
    waitForFigures();
    DashboardChart *perDay = chart("callsPerDayChart");
    const CallStatistics::Day day = m_window->dashboardFigures()->data().days.at(1);
    const QPointF bar = pixelOf(perDay, perDay->plot()->xAxis, QDateTime(day.date, QTime(12, 0)).toSecsSinceEpoch(),
                                perDay->plot()->yAxis, day.calls / 2.0);
    QVERIFY(perDay->callsAt(bar));
    QVERIFY(perDay->describeAt(bar).contains(QString::number(day.calls)));
    QTest::mouseClick(perDay->plot(), Qt::LeftButton, {}, bar.toPoint());

    QCOMPARE(m_window->tabBar()->currentIndex(), 0);
    QCOMPARE(m_window->pages()->currentIndex(), 0);
    CallListModel *list = m_window->callListModel();
    QTRY_VERIFY(list->isCountKnown() && list->query().timestampFrom.isValid());
    QTRY_COMPARE(list->rowCount(), int(day.calls));
    QVERIFY(list->query().timestampFrom.isValid());
    QCOMPARE(list->query().timestampFrom.toLocalTime().date(), day.date);
}

void TestDashboard::clickingAFailedMetricFiltersTheList()
{
    showDashboard();
    waitForFigures();
    DashboardChart *agents = chart("agentStatusChart");
    // Agent rows top down; in the first row, the failure segment follows success and
    // reviewed success.
    const CallStatistics::AgentStatuses first = m_window->dashboardFigures()->data().agents.first();
    QVERIFY(first.failure > 0);
    const double inFailure = double(first.success + first.reviewedSuccess) + first.failure / 2.0;
    const QPointF segment = pixelOf(agents, agents->plot()->yAxis, 1, agents->plot()->xAxis, inFailure);
    const std::optional<CallQuery> query = agents->callsAt(segment);
    QVERIFY(query);
    QCOMPARE(query->status, std::optional<ReviewStatus>(ReviewStatus::Failure));
    QCOMPARE(query->agentKeys, QStringList{first.agentKey});
    QTest::mouseClick(agents->plot(), Qt::LeftButton, {}, segment.toPoint());
    QTRY_VERIFY(m_window->callListModel()->isCountKnown() && m_window->callListModel()->query().status);
    QTRY_COMPARE(m_window->callListModel()->rowCount(), int(first.failure));

    // The latency histogram's bar opens the calls in its range, by their metric.
    m_window->filterBar()->setQuery({});
    showDashboard();
    waitForFigures();
    auto *latency = static_cast<LatencyChart *>(chart("latencyChart"));
    const CallStatistics::Histogram histogram = m_window->dashboardFigures()->data().latency;
    int bin = 0;
    while (histogram.counts.at(bin) == 0)
        ++bin;
    const QPointF bar = pixelOf(latency, latency->plot()->xAxis, histogram.binStart(bin) + histogram.width / 2,
                                latency->plot()->yAxis, 0.5);
    QTest::mouseClick(latency->plot(), Qt::LeftButton, {}, bar.toPoint());
    QTRY_VERIFY(m_window->callListModel()->isCountKnown() && !m_window->callListModel()->query().metrics.isEmpty());
    QTRY_COMPARE(m_window->callListModel()->rowCount(), int(histogram.counts.at(bin)));
    const QList<MetricFilter> metrics = m_window->callListModel()->query().metrics;
    QCOMPARE(metrics.size(), 1);
    QCOMPARE(metrics.first().key, QStringLiteral("latency_p50_ms"));
    QCOMPARE(metrics.first().minScore, std::optional<double>(histogram.binStart(bin)));
}

void TestDashboard::keyboardOpensTheCallsOfABar()
{
    showDashboard();
    waitForFigures();
    DashboardChart *perDay = chart("callsPerDayChart");
    perDay->plot()->setFocus();
    QTRY_VERIFY(perDay->plot()->hasFocus());
    QCOMPARE(perDay->currentTarget(), -1);
    QTest::keyClick(perDay->plot(), Qt::Key_Right);
    QTest::keyClick(perDay->plot(), Qt::Key_Right);
    QCOMPARE(perDay->currentTarget(), 1);
    QTest::keyClick(perDay->plot(), Qt::Key_End);
    QTest::keyClick(perDay->plot(), Qt::Key_Left);
    QCOMPARE(perDay->currentTarget(), 1);   // of three days
    QTest::keyClick(perDay->plot(), Qt::Key_Return);

    const CallStatistics::Day day = m_window->dashboardFigures()->data().days.at(1);
    QCOMPARE(m_window->tabBar()->currentIndex(), 0);
    CallListModel *list = m_window->callListModel();
    QTRY_VERIFY(list->isCountKnown() && list->query().timestampFrom.isValid());
    QTRY_COMPARE(list->rowCount(), int(day.calls));
    QCOMPARE(list->query().timestampFrom.toLocalTime().date(), day.date);
}

void TestDashboard::latencyMetricIsPicked()
{
    showDashboard();
    waitForFigures();
    auto *latency = static_cast<LatencyChart *>(chart("latencyChart"));
    const int max = latency->metricPicker()->findData(QStringLiteral("latency_max_ms"));
    QVERIFY(max >= 0);
    latency->metricPicker()->setCurrentIndex(max);
    QCOMPARE(m_window->dashboardFigures()->latencyMetric(), QStringLiteral("latency_max_ms"));
    QTRY_COMPARE(m_window->dashboardFigures()->data().latency.metricKey, QStringLiteral("latency_max_ms"));
    QTRY_VERIFY(!m_window->dashboardFigures()->isLoading(DashboardFigure::Latency));
    QVERIFY(latency->csv().startsWith(QStringLiteral("metric,from,to,calls\nlatency_max_ms,")));
}

void TestDashboard::exportsPngAndCsv()
{
    showDashboard();
    waitForFigures();
    DashboardChart *rates = chart("passRateChart");
    const QString png = m_dir.filePath(QStringLiteral("pass-rates.png"));
    const QString csv = m_dir.filePath(QStringLiteral("pass-rates.csv"));
    QFuture<bool> image = rates->exportPng(png);
    QFuture<bool> data = rates->exportCsv(csv);
    QTRY_VERIFY(image.isFinished() && data.isFinished());
    QVERIFY(image.result());
    QVERIFY(data.result());
    const QImage written(png);
    QCOMPARE(written.width(), rates->plot()->width() * 2);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), rates->csv());
    QVERIFY(!rates->exportCsv(m_dir.filePath(QStringLiteral("missing/folder.csv"))).result());
}

void TestDashboard::newCallsRefreshAfterAPause()
{
    DashboardFigures *figures = m_window->dashboardFigures();
    figures->setRefreshDelay(50);
    showDashboard();
    waitForFigures();
    CallLog late = dashboardCall(Calls);
    m_store->upsert(late).waitForFinished();
    QTRY_VERIFY(figures->isLoading(DashboardFigure::Days) || figures->data().days.last().calls > 0);
    QTRY_COMPARE([figures] {
        qint64 calls = 0;
        for (const CallStatistics::Day &day : figures->data().days)
            calls += day.calls;
        return calls;
    }(), qint64(Calls + 1));
}

void TestDashboard::emptyFilterSaysSo()
{
    CallQuery nothing;
    nothing.search = QStringLiteral("zebra");
    m_window->filterBar()->setQuery(nothing);
    showDashboard();
    waitForFigures();
    QCOMPARE(chart("callsPerDayChart")->stateText(), QStringLiteral("No calls"));
    QVERIFY(!chart("callsPerDayChart")->plot()->isVisible());
    QVERIFY2(dashboard()->summaryText().startsWith(QStringLiteral("0 call")), qPrintable(dashboard()->summaryText()));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
