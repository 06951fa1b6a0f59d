#include "../store/storebreaker.h"

#include "calldetailpane.h"
#include "item/calllistmodel.h"
#include "item/transcriptmodel.h"
#include "mainwindow.h"
#include "store/callstore.h"
#include "testcalls.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsCallsAndCount();
    void clickingARowShowsItsTranscript();
    void typingInSearchFilters();
    void statusComboFilters();
    void selectionFollowsTheCallWhenNewCallsArrive();
    void embedsGermanTranslation();
    void unreadableCallIsSaid();
    void nextUnreviewedWalksTheListInOrder();
    void headerClickSortsInSql();

private:
    QTableView *callView() const { return m_window->findChild<QTableView *>(QStringLiteral("callList")); }
    void clickRow(int row);

    static constexpr int kCalls = 40;
    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the application does: English plural forms ("1 call", "2 calls").
    QVERIFY(!Translations::install(*qApp, QLocale(QLocale::English)));
    QVERIFY(m_dir.isValid());
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, kCalls);
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls);
    QTRY_VERIFY(callView()->model()->index(0, 0).data(CallListModel::LoadedRole).toBool());
    QTRY_VERIFY(m_window->shownCallId() != 0);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::clickRow(int row)
{
    QTableView *view = callView();
    const QModelIndex index = view->model()->index(row, CallListModel::CallId);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

void TestMainWindow::listsCallsAndCount()
{
    QAbstractItemModelTester tester(m_window->callListModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("callCount"));
    QVERIFY(count);
    QTRY_COMPARE(count->text(), QStringLiteral("%1 calls").arg(kCalls));
    QCOMPARE(callView()->model()->index(0, CallListModel::CallId).data().toString(), TestCalls::callIdOf(kCalls - 1));
    // The first call is shown from the start, so the keys work on it at once.
    QCOMPARE(m_window->shownCallId(), callView()->model()->index(0, 0).data(CallListModel::DbIdRole).toLongLong());
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("noCallHint"))->isVisible());
}

void TestMainWindow::clickingARowShowsItsTranscript()
{
    QAbstractItemModelTester tester(m_window->transcriptModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy shown(m_window.get(), &MainWindow::callShown);
    const int row = 3;   // call 36
    const qint64 id = callView()->model()->index(row, 0).data(CallListModel::DbIdRole).toLongLong();
    clickRow(row);
    QTRY_COMPARE(m_window->shownCallId(), id);
    QCOMPARE(shown.count(), 1);

    TranscriptModel *transcript = m_window->transcriptModel();
    QCOMPARE(transcript->rowCount(), 5);
    QCOMPARE(transcript->index(0, TranscriptModel::Text).data().toString(), QStringLiteral("Hello, this is call 36."));
    QCOMPARE(transcript->index(2, TranscriptModel::Text).data().toString(), QStringLiteral("lookup({\"n\":36})"));
    QVERIFY(m_window->findChild<QListView *>(QStringLiteral("transcript"))->isVisible());
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("callTitle"))->text(), TestCalls::callIdOf(36));

    clickRow(0);
    QTRY_COMPARE(transcript->index(0, TranscriptModel::Text).data().toString(), QStringLiteral("Hello, this is call 39."));
}

void TestMainWindow::typingInSearchFilters()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("refund"));
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls / 10);
    QTRY_COMPARE(callView()->model()->index(0, CallListModel::CallId).data().toString(), TestCalls::callIdOf(30));
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("callCount"));
    QTRY_COMPARE(count->text(), QStringLiteral("%1 matching calls").arg(kCalls / 10));

    search->clear();
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls);
}

void TestMainWindow::statusComboFilters()
{
    auto *status = m_window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    QVERIFY(status);
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls / 5);
    QTRY_COMPARE(callView()->model()->index(0, 0).data(CallListModel::StatusRole).toString(), QStringLiteral("failure"));
}

// A listener may store calls while a reviewer reads one; the new calls appear on top and
// the reviewer's call must stay selected (and shown) on its new row.
void TestMainWindow::selectionFollowsTheCallWhenNewCallsArrive()
{
    clickRow(1);
    const qint64 id = callView()->model()->index(1, 0).data(CallListModel::DbIdRole).toLongLong();
    QTRY_COMPARE(m_window->shownCallId(), id);

    m_store->upsertMany({TestCalls::make(kCalls), TestCalls::make(kCalls + 1)}).waitForFinished();
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls + 2);
    QTRY_COMPARE(callView()->currentIndex().row(), 3);
    QCOMPARE(callView()->currentIndex().data(CallListModel::DbIdRole).toLongLong(), id);
    QCOMPARE(m_window->shownCallId(), id);

    const QList<qint64> added{callView()->model()->index(0, 0).data(CallListModel::DbIdRole).toLongLong(),
                              callView()->model()->index(1, 0).data(CallListModel::DbIdRole).toLongLong()};
    for (qint64 addedId : added)
        m_store->remove(addedId).waitForFinished();
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls);
}

void TestMainWindow::embedsGermanTranslation()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/callscope_de.qm")));
    const QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
    // The tests after this one read English text: deleting a translator uninstalls it.
    const auto uninstallGerman = qScopeGuard([&before] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>())
            if (!before.contains(translator))
                delete translator;
    });
    QVERIFY(Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(QCoreApplication::translate("CallListModel", "Ended reason"), QStringLiteral("Beendigungsgrund"));
}

// A call that cannot be read was a click that did nothing at all.
void TestMainWindow::unreadableCallIsSaid()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("broken.db")), &error);
    QVERIFY2(store, qPrintable(error));
    TestCalls::fill(*store, 3);
    m_window = std::make_unique<MainWindow>(store.get());
    m_window->show();
    QTRY_COMPARE(callView()->model()->rowCount(), 3);
    QTRY_VERIFY(callView()->model()->index(0, 0).data(CallListModel::LoadedRole).toBool());
    QTRY_VERIFY(m_window->shownCallId() != 0);     // the first call, shown on start
    const qint64 first = m_window->shownCallId();
    // The list needs no turns; the call's detail does.
    QCOMPARE(StoreBreaker::dropTable(store->databasePath(), QStringLiteral("turns")), QString());
    clickRow(1);
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().startsWith(QLatin1String("Call "))
                     && m_window->statusBar()->currentMessage().contains(QLatin1String("could not be read: no such table: turns")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->shownCallId(), first);
    m_window.reset();
}

// N goes from the current call to the next unreviewed one in the list's order, P back;
// reviewed calls are skipped, and the keys type into a text field instead.
void TestMainWindow::nextUnreviewedWalksTheListInOrder()
{
    const auto reviewed = [](int i) {
        return TestCalls::statusOf(i) == ReviewStatus::ReviewedSuccess || TestCalls::statusOf(i) == ReviewStatus::ReviewedFailure;
    };
    clickRow(0);   // call 39
    QTRY_COMPARE(m_window->callPane()->call().callId, TestCalls::callIdOf(kCalls - 1));
    QStringList expected, walked;
    for (int i = kCalls - 2; i >= 0 && expected.size() < 8; --i) {
        if (!reviewed(i))
            expected.append(TestCalls::callIdOf(i));
    }
    for (qsizetype step = 0; step < expected.size(); ++step) {
        const qint64 before = m_window->shownCallId();
        QTest::keyClick(callView(), Qt::Key_N);
        QTRY_VERIFY(m_window->shownCallId() != before);
        walked.append(m_window->callPane()->call().callId);
        QCOMPARE(callView()->currentIndex().data(CallListModel::CallIdRole).toString(), walked.last());
    }
    QCOMPARE(walked, expected);

    QTest::keyClick(callView(), Qt::Key_P);
    QTRY_COMPARE(m_window->callPane()->call().callId, expected.at(expected.size() - 2));

    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    search->setFocus();
    const qint64 shown = m_window->shownCallId();
    QTest::keyClick(search, Qt::Key_N);
    QCOMPARE(search->text(), QStringLiteral("n"));
    QTest::qWait(100);
    QCOMPARE(m_window->shownCallId(), shown);
}

// A header click sorts the list in SQL, the indicator shows it, and N follows that order.
void TestMainWindow::headerClickSortsInSql()
{
    QTableView *view = callView();
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(CallListModel::Time));
    view->sortByColumn(CallListModel::CallId, Qt::AscendingOrder);
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(CallListModel::CallId));
    QCOMPARE(m_window->callListModel()->query().sort, (CallSort{CallSortField::CallId, false}));
    QTRY_COMPARE(view->model()->index(0, CallListModel::CallId).data().toString(), TestCalls::callIdOf(0));
    QTRY_COMPARE(view->model()->rowCount(), kCalls);
    clickRow(3);   // call 3, reviewed_success; next unreviewed up the ids: 5
    QTRY_COMPARE(m_window->callPane()->call().callId, TestCalls::callIdOf(3));
    QTest::keyClick(view, Qt::Key_N);
    QTRY_COMPARE(m_window->callPane()->call().callId, TestCalls::callIdOf(5));
    QCOMPARE(view->currentIndex().row(), 5);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
