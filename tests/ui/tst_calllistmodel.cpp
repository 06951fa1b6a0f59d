#include "item/calllistmodel.h"
#include "item/reviewqueue.h"
#include "../store/metrictestdata.h"
#include "metrics/metricdefinition.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "testcalls.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestCallListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void readsFarRowsLazily();
    void pagesInOrderMatchOffsets();
    void formatsCells();
    void filtersByStatus();
    void filtersBySearchAndAgent();
    void dropsAnswersToOldQueries();
    void refreshesWhenStoreChanges();
    void sortsInSqlByEveryColumn();
    void failedMetricsColumnSortsAndFilters();
    void reviewQueueFindsUnreviewedCallsAnywhere();

private:
    static constexpr int kCalls = 5000;
    QString expectedCallId(int row, int total = kCalls) const { return TestCalls::callIdOf(total - 1 - row); }

    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
};

void TestCallListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, kCalls);
}

void TestCallListModel::passesModelTester()
{
    CallListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), kCalls);
    QTRY_VERIFY(model.data(model.index(0, 0), CallListModel::LoadedRole).toBool());
    CallQuery query;
    query.status = ReviewStatus::Failure;
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), kCalls / 5);
    model.refresh();
    QTRY_VERIFY(model.data(model.index(5, CallListModel::Status), CallListModel::LoadedRole).toBool());
    model.setQuery({});
    QTRY_COMPARE(model.rowCount(), kCalls);
}

// A row far down the list is not read until asked for, then arrives without blocking.
void TestCallListModel::readsFarRowsLazily()
{
    CallListModel model(m_store.get());
    QCOMPARE(model.rowCount(), 0);   // the count is fetched off the GUI thread
    QTRY_COMPARE(model.rowCount(), kCalls);
    const QModelIndex far = model.index(4321, CallListModel::CallId);
    QVERIFY(!model.data(far, CallListModel::LoadedRole).toBool());
    QVERIFY(!model.data(far).isValid());
    QTRY_COMPARE(model.data(far).toString(), expectedCallId(4321));
    QVERIFY(model.data(far, CallListModel::DbIdRole).toLongLong() > 0);
    QCOMPARE(model.rowOfId(model.idAt(4321)), 4321);
    // Only the page holding row 4321 was read (and the first page, read with the
    // count), not everything before it.
    QVERIFY(!model.data(model.index(1000, 0), CallListModel::LoadedRole).toBool());
}

// Reading page after page continues from the previous page's last call (keyset), and
// must give the same rows as reading by offset.
void TestCallListModel::pagesInOrderMatchOffsets()
{
    CallListModel model(m_store.get());
    QTRY_COMPARE(model.rowCount(), kCalls);
    for (int page = 0; page < 4; ++page) {
        const int first = page * CallListModel::kPageSize;
        const int last = first + CallListModel::kPageSize - 1;
        model.data(model.index(first, 0));
        QTRY_COMPARE(model.data(model.index(first, CallListModel::CallId)).toString(), expectedCallId(first));
        QCOMPARE(model.data(model.index(last, CallListModel::CallId)).toString(), expectedCallId(last));
    }
}

void TestCallListModel::formatsCells()
{
    CallListModel model(m_store.get());
    QTRY_COMPARE(model.rowCount(), kCalls);
    const int row = 2;   // call 4997: agent 7, status failure (4997 % 5 == 2)
    model.data(model.index(row, 0));
    QTRY_VERIFY(model.data(model.index(row, 0), CallListModel::LoadedRole).toBool());
    QCOMPARE(model.data(model.index(row, CallListModel::Duration)).toString(), QStringLiteral("00:06"));
    QCOMPARE(model.data(model.index(row, CallListModel::Status), CallListModel::StatusRole).toString(),
             QStringLiteral("failure"));
    QCOMPARE(model.data(model.index(row, CallListModel::EndedReason)).toString(), QStringLiteral("customer-ended-call"));
    QCOMPARE(model.data(model.index(row, CallListModel::Agent), CallListModel::AgentKeyRole).toString(),
             QStringLiteral("agent:7"));
    QCOMPARE(model.data(model.index(row, CallListModel::Time), CallListModel::TimestampRole).toDateTime(),
             TestCalls::make(4997).timestamp);
    QCOMPARE(model.headerData(CallListModel::CallId, Qt::Horizontal).toString(), QStringLiteral("Call ID"));
}

void TestCallListModel::filtersByStatus()
{
    CallListModel model(m_store.get());
    CallQuery query;
    query.status = ReviewStatus::ReviewedSuccess;
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), kCalls / 5);
    for (int row : {0, 1, 500, 999}) {
        model.data(model.index(row, 0));
        QTRY_COMPARE(model.data(model.index(row, 0), CallListModel::StatusRole).toString(),
                     QStringLiteral("reviewed_success"));
    }
}

void TestCallListModel::filtersBySearchAndAgent()
{
    CallListModel model(m_store.get());
    CallQuery query;
    query.search = QStringLiteral("refund");
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), kCalls / 10);
    model.data(model.index(0, 0));
    QTRY_COMPARE(model.data(model.index(0, CallListModel::CallId)).toString(), TestCalls::callIdOf(4990));

    query = {};
    query.agent = QStringLiteral("asst_test");
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), (kCalls + 2) / 3);
}

// Answers to a query that was replaced before they arrived must not leak into the new one.
void TestCallListModel::dropsAnswersToOldQueries()
{
    CallListModel model(m_store.get());
    QSignalSpy counts(&model, &CallListModel::countChanged);
    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    CallQuery refunds;
    refunds.search = QStringLiteral("refund");
    model.setQuery(failures);
    model.setQuery(refunds);
    QTRY_COMPARE(model.rowCount(), kCalls / 10);
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), kCalls / 10);
    for (const QList<QVariant> &signal : counts)
        QVERIFY(signal.at(0).toLongLong() == 0 || signal.at(0).toLongLong() == kCalls / 10);
}

void TestCallListModel::refreshesWhenStoreChanges()
{
    CallListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), kCalls);
    model.data(model.index(0, 0));
    QTRY_COMPARE(model.data(model.index(0, CallListModel::CallId)).toString(), expectedCallId(0));

    m_store->upsert(TestCalls::make(kCalls)).waitForFinished();
    QTRY_COMPARE(model.rowCount(), kCalls + 1);
    model.data(model.index(0, 0));
    QTRY_COMPARE(model.data(model.index(0, CallListModel::CallId)).toString(), TestCalls::callIdOf(kCalls));
    QTRY_COMPARE(model.data(model.index(1, CallListModel::CallId)).toString(), expectedCallId(0));

    const qint64 newest = model.idAt(0);
    m_store->remove(newest).waitForFinished();
    QTRY_COMPARE(model.rowCount(), kCalls);
}

// sort() orders the rows in SQL, page after page by keyset, for every column.
void TestCallListModel::sortsInSqlByEveryColumn()
{
    CallListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), kCalls);
    QCOMPARE(model.columnCount(), int(CallListModel::ColumnCount));
    for (int column = 0; column < CallListModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());

    model.sort(CallListModel::CallId, Qt::AscendingOrder);
    QCOMPARE(model.query().sort, (CallSort{CallSortField::CallId, false}));
    QTRY_COMPARE(model.rowCount(), kCalls);
    for (int row : {0, 199, 200, 401, 4999}) {
        model.data(model.index(row, 0));
        QTRY_COMPARE(model.data(model.index(row, CallListModel::CallId)).toString(), TestCalls::callIdOf(row));
    }
    // Reviewed descending: the 2,000 reviewed calls (i % 5 of 3 and 4), newest first, then the rest.
    model.sort(CallListModel::Reviewed, Qt::DescendingOrder);
    QTRY_COMPARE(model.rowCount(), kCalls);
    for (int page = 0; page < 12; ++page) {
        model.data(model.index(page * CallListModel::kPageSize, 0));
        QTRY_VERIFY(model.data(model.index(page * CallListModel::kPageSize, 0), CallListModel::LoadedRole).toBool());
    }
    for (int row = 1; row < 12 * CallListModel::kPageSize; ++row) {
        const QString expected = row < 2000 ? QStringLiteral("Yes") : QStringLiteral("No");
        QCOMPARE(model.data(model.index(row, CallListModel::Reviewed)).toString(), expected);
        if (row != 2000) {
            QVERIFY(model.data(model.index(row, 0), CallListModel::TimestampRole).toDateTime()
                    < model.data(model.index(row - 1, 0), CallListModel::TimestampRole).toDateTime());
        }
    }
    // A new filter keeps the sort.
    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    model.setFilter(failures);
    QCOMPARE(model.query().sort, (CallSort{CallSortField::Reviewed, true}));
    QTRY_COMPARE(model.rowCount(), kCalls / 5);
    // No call here has labels: the Labels column is blank, not a column of zeros.
    model.sort(CallListModel::Labels, Qt::DescendingOrder);
    QCOMPARE(model.query().sort, (CallSort{CallSortField::Labels, true}));
    QTRY_COMPARE(model.rowCount(), kCalls / 5);
    model.data(model.index(0, 0));
    QTRY_VERIFY(model.data(model.index(0, 0), CallListModel::LoadedRole).toBool());
    QCOMPARE(model.data(model.index(0, CallListModel::Labels)).toString(), QString());
}

// The Failed metrics column, right after Labels: the number of a call's current results
// that failed (blank at none, as Labels), sorted and filtered ("has failed metrics", with
// the other filters) in SQL.
void TestCallListModel::failedMetricsColumnSortsAndFilters()
{
    QTemporaryDir dir;
    QString error;
    const std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("failed.db")), &error);
    QVERIFY2(store, qPrintable(error));
    constexpr int kFew = 30;
    TestCalls::fill(*store, kFew);

    // One failed rule metric on every third call, two on every ninth; a passed one on call 1.
    QList<MetricDefinition> rules(2);
    for (qsizetype n = 0; n < rules.size(); ++n) {
        rules[n].key = QStringLiteral("rule_%1").arg(n);
        rules[n].name = QStringLiteral("Rule %1").arg(n);
        rules[n].config = {{QStringLiteral("kind"), QStringLiteral("phrase")}, {QStringLiteral("pattern"), QStringLiteral("hello")}};
        const MetricSaveOutcome saved = store->saveMetric(rules[n]).result();
        QVERIFY(saved.errors.isEmpty());
        rules[n].id = saved.id;
        rules[n].version = saved.version;
    }
    const auto failedOf = [](int i) { return i % 9 == 2 ? 2 : i % 3 == 2 ? 1 : 0; };
    CallReader reader(store->databasePath());
    for (int i = 0; i < kFew; ++i) {
        QList<MetricResult> results;
        for (int n = 0; n < failedOf(i); ++n)
            results.append(MetricTestData::binaryResult(rules[n], false));
        if (i == 1)
            results.append(MetricTestData::binaryResult(rules[0], true));
        if (!results.isEmpty())
            QVERIFY(store->storeMetricResults(reader.callByCallId(TestCalls::callIdOf(i))->id, results).result());
    }

    CallListModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(int(CallListModel::FailedMetrics), CallListModel::Labels + 1);
    QCOMPARE(model.headerData(CallListModel::FailedMetrics, Qt::Horizontal).toString(), QStringLiteral("Failed metrics"));
    QCOMPARE(CallListModel::sortFieldOf(CallListModel::FailedMetrics), CallSortField::FailedMetrics);
    QCOMPARE(CallListModel::columnOf(CallSortField::FailedMetrics), int(CallListModel::FailedMetrics));
    const auto expectRows = [&](const QList<int> &calls) {
        QTRY_VERIFY(model.isCountKnown());
        QCOMPARE(model.rowCount(), calls.size());
        for (int row = 0; row < calls.size(); ++row) {
            QTRY_VERIFY(model.data(model.index(row, 0), CallListModel::LoadedRole).toBool());
            QCOMPARE(model.data(model.index(row, CallListModel::CallId)).toString(), TestCalls::callIdOf(calls[row]));
            const int failed = failedOf(calls[row]);
            QCOMPARE(model.data(model.index(row, CallListModel::FailedMetrics)).toString(),
                     failed ? QString::number(failed) : QString());
        }
    };
    QList<int> newestFirst;
    for (int i = kFew - 1; i >= 0; --i)
        newestFirst.append(i);
    expectRows(newestFirst);
    if (QTest::currentTestFailed())
        return;

    // Most failed first, ties newest first; ascending the other way round.
    model.sort(CallListModel::FailedMetrics, Qt::DescendingOrder);
    QCOMPARE(model.query().sort, (CallSort{CallSortField::FailedMetrics, true}));
    QList<int> mostFailed = newestFirst;
    std::stable_sort(mostFailed.begin(), mostFailed.end(), [&](int a, int b) { return failedOf(a) > failedOf(b); });
    expectRows(mostFailed);
    if (QTest::currentTestFailed())
        return;
    model.sort(CallListModel::FailedMetrics, Qt::AscendingOrder);
    std::reverse(mostFailed.begin(), mostFailed.end());
    expectRows(mostFailed);
    if (QTest::currentTestFailed())
        return;

    // The filter keeps the sort, and combines with a search (call i % 10 == 0 says refund).
    CallQuery failedOnly;
    failedOnly.hasFailedMetrics = true;
    model.setFilter(failedOnly);
    QCOMPARE(model.query().sort, (CallSort{CallSortField::FailedMetrics, false}));
    QList<int> failing;
    for (int i : mostFailed) {
        if (failedOf(i) > 0)
            failing.append(i);
    }
    QCOMPARE(failing.size(), kFew / 3);
    expectRows(failing);
    if (QTest::currentTestFailed())
        return;
    failedOnly.search = QStringLiteral("refund");
    model.setFilter(failedOnly);
    expectRows({20});
    if (QTest::currentTestFailed())
        return;
    CallQuery passing;
    passing.hasFailedMetrics = false;
    passing.search = QStringLiteral("refund");
    model.setQuery(passing);
    expectRows({10, 0});
}

// N / P's lookup: the next unreviewed call after any call of the list, in its order and
// filter, with its row, whether or not that row's page was ever read.
void TestCallListModel::reviewQueueFindsUnreviewedCallsAnywhere()
{
    ReviewQueue queue(m_store->databasePath());
    QSignalSpy found(&queue, &ReviewQueue::found);
    QSignalSpy notFound(&queue, &ReviewQueue::notFound);
    const auto stepFrom = [&](const CallQuery &list, std::optional<int> fromCall, ReviewQueue::Direction direction) {
        std::optional<CallLog> from;
        if (fromCall)
            from = TestCalls::make(*fromCall);
        if (from) {
            from->id = CallReader(m_store->databasePath()).callByCallId(from->callId)->id;
        }
        found.clear();
        notFound.clear();
        queue.step(list, from, direction);
        QTRY_VERIFY(found.size() + notFound.size() == 1);
    };
    const CallQuery newestFirst;
    // Call 3003 is reviewed_success (3 % 5); down the list come 3002 (failure).
    stepFrom(newestFirst, 3004, ReviewQueue::Direction::Next);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).at(1).toLongLong(), qint64(kCalls - 1 - 3002));
    // Up the list from 3004 (reviewed_failure): 3005 (i % 5 == 0, not evaluated).
    stepFrom(newestFirst, 3004, ReviewQueue::Direction::Previous);
    QCOMPARE(found.at(0).at(1).toLongLong(), qint64(kCalls - 1 - 3005));
    // Without a current call: the first unreviewed row, 4997 (failure) below 4999 and 4998.
    stepFrom(newestFirst, std::nullopt, ReviewQueue::Direction::Next);
    QCOMPARE(found.at(0).at(1).toLongLong(), 2);
    // Sorted by call id ascending (call i in row i): from call 13 (reviewed_success) to 15.
    CallQuery byCallId;
    byCallId.sort = {CallSortField::CallId, false};
    stepFrom(byCallId, 13, ReviewQueue::Direction::Next);
    QCOMPARE(found.at(0).at(1).toLongLong(), 15);
    // Only reviewed calls listed: nothing to go to.
    CallQuery reviewedOnly;
    reviewedOnly.status = ReviewStatus::ReviewedFailure;
    stepFrom(reviewedOnly, 3004, ReviewQueue::Direction::Next);
    QCOMPARE(notFound.size(), 1);
    QVERIFY(notFound.at(0).at(1).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCallListModel)
#include "tst_calllistmodel.moc"
