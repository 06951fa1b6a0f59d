#include "calldetailpane.h"
#include "item/metricresultsmodel.h"
#include "item/transcriptmodel.h"
#include "mainwindow.h"
#include "metrics/evaluationqueue.h"
#include "metricspanel.h"
#include "store/callreader.h"
#include "testcalls.h"
#include "transcriptpane.h"
#include "waveformview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The call view's metrics: results of the evaluation queue appear for the shown call,
// failed first; activating a result that points at a moment selects its turn and moves
// the playhead there, again to the next moment; "Evaluate again" runs the call's metrics.
class TestMetricsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void modelOrdersFailedFirstAndFormats();
    void resultsOfTheShownCallAppear();
    void activatingAResultGoesToItsMoment();
    void evaluateAgainRunsTheCallsMetrics();

private:
    MetricsPanel *panel() const { return m_window->callPane()->metrics(); }
    int rowOf(const QString &key) const;

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<EvaluationQueue> m_queue;
    std::unique_ptr<MainWindow> m_window;
};

void TestMetricsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestMetricsPanel::init()
{
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("metrics-%1.db").arg(++m_databases)), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, 3);
    m_queue = std::make_unique<EvaluationQueue>(m_store.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->setEvaluationQueue(m_queue.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->shownCallId() != 0);
}

void TestMetricsPanel::cleanup()
{
    m_window.reset();
    m_queue.reset();
    m_store.reset();
    QSettings().clear();
}

int TestMetricsPanel::rowOf(const QString &key) const
{
    const MetricResultsModel *model = panel()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MetricResultsModel::KeyRole).toString() == key)
            return row;
    }
    return -1;
}

void TestMetricsPanel::modelOrdersFailedFirstAndFormats()
{
    MetricResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    MetricResult latency;
    latency.key = QStringLiteral("latency_max_ms");
    latency.name = QStringLiteral("Latency max");
    latency.unit = QStringLiteral("ms");
    latency.score = 1630.0;
    MetricResult rule;
    rule.key = QStringLiteral("greets");
    rule.name = QStringLiteral("Greets");
    rule.score = 0;
    rule.value = false;
    rule.passed = false;
    MetricResult missing;
    missing.key = QStringLiteral("tool_call_success");
    missing.notApplicableReason = QStringLiteral("no tool calls");
    model.setResults({latency, missing, rule});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, MetricResultsModel::Metric).data().toString(), QStringLiteral("Greets"));
    QCOMPARE(model.index(0, MetricResultsModel::Result).data().toString(), QStringLiteral("Fail"));
    QCOMPARE(model.index(1, MetricResultsModel::Result).data().toString(), QLocale().toString(1630.0, 'f', 0) + QStringLiteral(" ms"));
    QCOMPARE(model.index(2, MetricResultsModel::Result).data().toString(), QStringLiteral("n/a"));
    QVERIFY(model.index(2, MetricResultsModel::Result).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no tool calls")));
    QCOMPARE(model.failedCount(), 1);
}

void TestMetricsPanel::resultsOfTheShownCallAppear()
{
    QLabel *summary = panel()->findChild<QLabel *>(QStringLiteral("metricsSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("not evaluated"));
    m_queue->enqueueIds(CallReader(m_store->databasePath()).allCallIds());
    QTRY_COMPARE(panel()->model()->rowCount(), 23);
    QVERIFY(summary->text().contains(QStringLiteral("23")));
    QVERIFY(rowOf(QStringLiteral("latency_max_ms")) >= 0);
}

void TestMetricsPanel::activatingAResultGoesToItsMoment()
{
    m_queue->enqueueIds(CallReader(m_store->databasePath()).allCallIds());
    QTRY_COMPARE(panel()->model()->rowCount(), 23);
    // One answer: "Goodbye." (turn 5, index 4) 1.0 s after the caller's turn ends at 4.0 s.
    const int row = rowOf(QStringLiteral("latency_max_ms"));
    QVERIFY(row >= 0);
    QTableView *view = panel()->view();
    QSignalSpy activated(panel(), &MetricsPanel::eventActivated);
    view->scrollTo(panel()->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(panel()->model()->index(row, 0)).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(m_window->callPane()->transcript()->selectedTurn(), 4);
    QCOMPARE(m_window->callPane()->waveform()->position(), 4.0);
    // The result's turn is marked in the transcript while the result is selected.
    const QAbstractItemModel *transcript = m_window->callPane()->transcript()->view()->model();
    QVERIFY(transcript->index(4, 0).data(TranscriptModel::MetricMarkRole).toBool());
    QVERIFY(!transcript->index(1, 0).data(TranscriptModel::MetricMarkRole).toBool());

    // A result without moments goes nowhere.
    const int counts = rowOf(QStringLiteral("agent_turns"));
    view->scrollTo(panel()->model()->index(counts, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(panel()->model()->index(counts, 0)).center());
    QCOMPARE(activated.count(), 1);
}

void TestMetricsPanel::evaluateAgainRunsTheCallsMetrics()
{
    QPushButton *again = panel()->findChild<QPushButton *>(QStringLiteral("evaluateAgain"));
    QVERIFY(again);
    QTRY_VERIFY(again->isEnabled());
    QCOMPARE(panel()->model()->rowCount(), 0);
    QTest::mouseClick(again, Qt::LeftButton);
    QTRY_COMPARE(panel()->model()->rowCount(), 23);
    const qint64 shown = m_window->shownCallId();
    QCOMPARE(CallReader(m_store->databasePath()).callById(shown)->metrics.size(), 23);
    // Only that call was evaluated.
    int evaluated = 0;
    for (qint64 id : CallReader(m_store->databasePath()).allCallIds())
        evaluated += CallReader(m_store->databasePath()).callById(id)->metrics.isEmpty() ? 0 : 1;
    QCOMPARE(evaluated, 1);
}

QTEST_MAIN(TestMetricsPanel)
#include "tst_metricspanel.moc"
