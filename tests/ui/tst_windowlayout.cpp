// The window as the reviewer left it: a tool panel (the Listener) stays closed until opened
// from the View menu; geometry, the opened panel, the list/detail splitter and the call
// list's column widths and order come back in the next window; a column layout saved for
// another number of columns is ignored.

#include "item/calllistmodel.h"
#include "mainwindow.h"
#include "store/callstore.h"
#include "testcalls.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void toolPanelStartsClosedAndOpensFromTheViewMenu();
    void layoutComesBackInTheNextWindow();
    void columnsOfAnotherLayoutAreIgnored();

private:
    std::unique_ptr<MainWindow> openWindow(QDockWidget **dock = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<CallStore> m_store;
};

void TestWindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CallscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowlayout"));
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, 5);
}

void TestWindowLayout::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestWindowLayout::openWindow(QDockWidget **dock)
{
    auto window = std::make_unique<MainWindow>(m_store.get());
    auto *panel = new QLabel(QStringLiteral("requests"));
    panel->setObjectName(QStringLiteral("toolPanel"));
    QDockWidget *added = window->addPanel(panel, QStringLiteral("Tool"));
    window->restoreLayout();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    if (dock)
        *dock = added;
    return window;
}

void TestWindowLayout::toolPanelStartsClosedAndOpensFromTheViewMenu()
{
    QDockWidget *dock = nullptr;
    const auto window = openWindow(&dock);
    QVERIFY(window && dock);
    QVERIFY(!dock->isVisible());
    QAction *toggle = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&View")) {
            QVERIFY(menu->isVisible());
            for (QAction *action : menu->menu()->actions()) {
                if (action->text() == QStringLiteral("Tool"))
                    toggle = action;
            }
        }
    }
    QVERIFY(toggle);
    QCOMPARE(toggle->text(), QStringLiteral("Tool"));
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
}

void TestWindowLayout::layoutComesBackInTheNextWindow()
{
    QDockWidget *dock = nullptr;
    auto window = openWindow(&dock);
    QVERIFY(window);
    dock->show();
    // Not the default size, and above the window's minimum (the filter row sets its width).
    const QSize size(std::max(1100, window->minimumSizeHint().width() + 40), 760);
    window->resize(size);
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    splitter->setSizes({700, 400});
    QHeaderView *header = window->findChild<QTableView *>(QStringLiteral("callList"))->horizontalHeader();
    header->resizeSection(CallListModel::CallId, 333);
    header->moveSection(header->visualIndex(CallListModel::Duration), 0);
    QTRY_COMPARE(window->size(), size);
    const QList<int> sizes = splitter->sizes();
    window->close();
    window.reset();

    window = openWindow(&dock);
    QVERIFY(window);
    QTRY_COMPARE(window->size(), size);
    QVERIFY(dock->isVisible());
    QCOMPARE(window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    header = window->findChild<QTableView *>(QStringLiteral("callList"))->horizontalHeader();
    QCOMPARE(header->sectionSize(CallListModel::CallId), 333);
    QCOMPARE(header->logicalIndex(0), int(CallListModel::Duration));
}

void TestWindowLayout::columnsOfAnotherLayoutAreIgnored()
{
    auto window = openWindow();
    QVERIFY(window);
    QHeaderView *header = window->findChild<QTableView *>(QStringLiteral("callList"))->horizontalHeader();
    const int defaultWidth = header->sectionSize(CallListModel::CallId);
    header->resizeSection(CallListModel::CallId, defaultWidth + 77);
    window->close();
    window.reset();
    // As if an older Callscope with fewer columns saved it.
    QSettings().setValue(QStringLiteral("window/callListColumns"), 3);

    window = openWindow();
    QVERIFY(window);
    header = window->findChild<QTableView *>(QStringLiteral("callList"))->horizontalHeader();
    QCOMPARE(header->sectionSize(CallListModel::CallId), defaultWidth);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
