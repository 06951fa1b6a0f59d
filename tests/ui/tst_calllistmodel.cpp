#include "item/calllistmodel.h"
#include "store/callstore.h"
#include "testcalls.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
    // Only the page holding row 4321 was read, not everything before it.
    QVERIFY(!model.data(model.index(100, 0), CallListModel::LoadedRole).toBool());
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

QTEST_GUILESS_MAIN(TestCallListModel)
#include "tst_calllistmodel.moc"
