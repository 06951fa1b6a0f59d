// The call list's filters in the real window over a real store: each control narrows the
// list to the rows it should (read back from the model), filters combine, every active
// filter shows as a chip that removes it (× click, Delete, Backspace, Clear all), the
// agent and ended-reason pickers list their values with counts and find as you type,
// saved views apply in one click and the last one comes back in a new window, and every
// control has an accessible name.

#include "countedpicker.h"
#include "filterbar.h"
#include "filterchip.h"
#include "filterchiprow.h"
#include "item/calllistmodel.h"
#include "item/savedviews.h"
#include "mainwindow.h"
#include "metrics/metricdefinition.h"
#include "manageviewsdialog.h"
#include "morefilterspopup.h"
#include "pickerpopup.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "testcalls.h"
#include "translations.h"
#include "viewsmenu.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

constexpr int kCalls = 40;

// TestCalls' calls with more to filter on: call i lasts (i % 4 + 1) minutes, ended on a
// voicemail when i % 8 == 0, has a recording URL when i is odd. Agents: asst_test for
// i % 3 == 0 (14 calls), agent 7 otherwise (26). Calls with i % 5 == 4 carry a turn label;
// those with i % 10 == 7 (all failures already) get a failed metric in initTestCase().
CallLog makeCall(int i)
{
    CallLog call = TestCalls::make(i);
    call.durationSeconds = 60.0 * (i % 4 + 1);
    if (i % 8 == 0)
        call.callEndedReason = QStringLiteral("voicemail");
    if (i % 2 == 1)
        call.voiceRecordingUrl = QStringLiteral("https://recordings.example/%1.wav").arg(i);
    if (i % 5 == 4)
        call.annotations = QList<TurnLabel>{{1, QStringLiteral("missed intent"), {}, {}}};
    return call;
}

int countOf(const std::function<bool(int)> &matches)
{
    int count = 0;
    for (int i = 0; i < kCalls; ++i)
        count += matches(i) ? 1 : 0;
    return count;
}

// expectRows() in a test function, which stops at its first failure.
#define EXPECT_ROWS(...)                                                                        \
    do {                                                                                       \
        expectRows(__VA_ARGS__);                                                                   \
        if (QTest::currentTestFailed())                                                        \
            return;                                                                            \
    } while (false)

QString accessibleName(QObject *object)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(object);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statusAndReviewedNarrow();
    void filtersCombine();
    void agentPickerCountsAndFinds();
    void endedReasonPickerNarrows();
    void moreFiltersNarrow();
    void chipsRemoveTheirFilter();
    void failedMetricsFilterIsAChip();
    void savedViewsApplyAndComeBackInANewWindow();
    void manageViewsRenamesAndDeletes();
    void everyControlIsNamed();

private:
    void openWindow();
    // Waits for the list to hold `rows` rows of a settled query, then checks each with `matches`.
    void expectRows(const std::function<bool(int)> &matches);
    int callAt(int row) const;
    FilterBar *bar() const { return m_window->filterBar(); }
    CallListModel *model() const { return m_window->callListModel(); }
    QComboBox *combo(const char *name) const { return m_window->findChild<QComboBox *>(QLatin1String(name)); }
    QList<FilterChip *> chips() const { return bar()->chips()->chips(); }

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestFilterBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CallscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filterbar"));
    QVERIFY(!Translations::install(*qApp, QLocale(QLocale::English)));
    QVERIFY(m_dir.isValid());
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    QList<CallLog> calls;
    for (int i = 0; i < kCalls; ++i)
        calls.append(makeCall(i));
    m_store->upsertMany(calls).waitForFinished();
    m_store->flush();

    // A rule metric that failed on calls i % 10 == 7 and passed on call 3 (which then does
    // not count); the calls' statuses are the senders' and stay.
    MetricDefinition rule;
    rule.key = QStringLiteral("says_goodbye");
    rule.name = QStringLiteral("Says goodbye");
    rule.config = {{QStringLiteral("kind"), QStringLiteral("phrase")}, {QStringLiteral("pattern"), QStringLiteral("goodbye")}};
    const MetricSaveOutcome saved = m_store->saveMetric(rule).result();
    QVERIFY(saved.errors.isEmpty());
    CallReader reader(m_store->databasePath());
    for (int i : {3, 7, 17, 27, 37}) {
        MetricResult result;
        result.metricId = saved.id;
        result.metricVersion = saved.version;
        result.key = rule.key;
        result.name = rule.name;
        result.type = QStringLiteral("binary");
        result.passed = i == 3;
        result.value = *result.passed;
        result.score = i == 3 ? 1 : 0;
        QVERIFY(m_store->storeMetricResults(reader.callByCallId(TestCalls::callIdOf(i))->id, {result}).result());
    }
}

void TestFilterBar::init()
{
    QSettings().clear();
    openWindow();
}

void TestFilterBar::cleanup()
{
    m_window.reset();
}

void TestFilterBar::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

int TestFilterBar::callAt(int row) const
{
    const QString callId = model()->index(row, 0).data(CallListModel::CallIdRole).toString();
    return callId.mid(QStringLiteral("call-").size()).toInt();
}

void TestFilterBar::expectRows(const std::function<bool(int)> &matches)
{
    const int expected = countOf(matches);
    QTRY_VERIFY(model()->isCountKnown());
    QCOMPARE(model()->rowCount(), expected);
    for (int row = 0; row < expected; ++row) {
        QTRY_VERIFY(model()->index(row, 0).data(CallListModel::LoadedRole).toBool());
        QVERIFY2(matches(callAt(row)), qPrintable(QStringLiteral("row %1 is call %2").arg(row).arg(callAt(row))));
    }
}

void TestFilterBar::statusAndReviewedNarrow()
{
    EXPECT_ROWS([](int) { return true; });
    QComboBox *status = combo("statusFilter");
    status->setFocus();
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure; });

    status->setCurrentIndex(0);
    QComboBox *reviewed = combo("reviewedFilter");
    reviewed->setCurrentIndex(reviewed->findData(false));
    EXPECT_ROWS([](int i) { return !TestCalls::statusOf(i) || !ReviewStatuses::isReviewed(*TestCalls::statusOf(i)); });
    reviewed->setCurrentIndex(reviewed->findData(true));
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) && ReviewStatuses::isReviewed(*TestCalls::statusOf(i)); });
}

void TestFilterBar::filtersCombine()
{
    QComboBox *status = combo("statusFilter");
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    QLineEdit *search = bar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("refund"));
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_ROWS([](int) { return false; });   // refunds are asked on calls that were never evaluated
    status->setCurrentIndex(0);
    EXPECT_ROWS([](int i) { return i % 10 == 0; });

    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    bar()->moreFilters()->recordingField()->setCurrentIndex(bar()->moreFilters()->recordingField()->findData(true));
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure && i % 2 == 1; });
}

void TestFilterBar::agentPickerCountsAndFinds()
{
    CountedPicker *agent = bar()->agentPicker();
    QTest::mouseClick(agent, Qt::LeftButton);
    PickerPopup *popup = agent->popup();
    QTRY_VERIFY(popup->isVisible());
    QListView *list = popup->listView();
    QTRY_COMPARE(list->model()->rowCount(), 2);
    // Most calls first, each with its count.
    QCOMPARE(list->model()->index(0, 0).data().toString().section(QStringLiteral(" — "), 1), QStringLiteral("26"));
    QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("asst_test — 14"));

    // Type-to-find: the field has the focus; the name matches whatever its case.
    QCOMPARE(QApplication::focusWidget(), popup->findField());
    QTest::keyClicks(popup->findField(), QStringLiteral("ASST"));
    QCOMPARE(list->model()->rowCount(), 1);
    QTest::keyClick(popup->findField(), Qt::Key_Return);
    QCOMPARE(list->model()->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    EXPECT_ROWS([](int i) { return i % 3 == 0; });
    QCOMPARE(agent->text(), QStringLiteral("Agent: asst_test ▾"));
    QCOMPARE(chips().size(), 1);
    QCOMPARE(accessibleName(chips().at(0)), QStringLiteral("Filter: agent is asst_test, remove"));

    // Both agents: every call again, through a filter of two keys.
    QTest::keyClick(popup->findField(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(popup->findField(), Qt::Key_Backspace);
    QCOMPARE(list->model()->rowCount(), 2);
    QTest::keyClick(popup->findField(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), list);
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_ROWS([](int) { return true; });
    QCOMPARE(agent->text(), QStringLiteral("Agents: 2 ▾"));
    QTest::keyClick(list, Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
}

void TestFilterBar::endedReasonPickerNarrows()
{
    CountedPicker *reasons = bar()->endedReasonPicker();
    reasons->setFocus();
    // Alt+Down as on a combo box (Space plays the call in this window).
    QTest::keyClick(reasons, Qt::Key_Down, Qt::AltModifier);
    PickerPopup *popup = reasons->popup();
    QTRY_VERIFY(popup->isVisible());
    QTRY_COMPARE(popup->listView()->model()->rowCount(), 2);
    QCOMPARE(popup->listView()->model()->index(0, 0).data().toString(), QStringLiteral("customer-ended-call — 35"));
    QCOMPARE(popup->listView()->model()->index(1, 0).data().toString(), QStringLiteral("voicemail — 5"));
    QTest::keyClicks(popup->findField(), QStringLiteral("voice"));
    QTest::keyClick(popup->findField(), Qt::Key_Return);
    EXPECT_ROWS([](int i) { return i % 8 == 0; });
    QCOMPARE(accessibleName(chips().at(0)), QStringLiteral("Filter: ended reason is voicemail, remove"));
}

void TestFilterBar::moreFiltersNarrow()
{
    MoreFiltersPopup *more = bar()->moreFilters();
    QTest::mouseClick(m_window->findChild<QToolButton *>(QStringLiteral("moreFilters")), Qt::LeftButton);
    QTRY_VERIFY(more->isVisible());
    QCOMPARE(QApplication::focusWidget(), more->fromField());

    more->minDurationField()->setValue(120);
    EXPECT_ROWS([](int i) { return i % 4 + 1 >= 2; });
    more->maxDurationField()->setValue(180);
    EXPECT_ROWS([](int i) { return i % 4 + 1 >= 2 && i % 4 + 1 <= 3; });
    QCOMPARE(accessibleName(chips().at(0)), QStringLiteral("Filter: duration 2:00 – 3:00, remove"));
    QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("moreFilters"))->text(), QStringLiteral("More filters (1) ▾"));

    more->recordingField()->setCurrentIndex(more->recordingField()->findData(false));
    EXPECT_ROWS([](int i) { return i % 4 + 1 >= 2 && i % 4 + 1 <= 3 && i % 2 == 0; });

    more->labelsField()->setCurrentIndex(more->labelsField()->findData(true));
    EXPECT_ROWS([](int i) { return i % 4 + 1 >= 2 && i % 4 + 1 <= 3 && i % 2 == 0 && i % 5 == 4; });
    QCOMPARE(accessibleName(chips().last()), QStringLiteral("Filter: has labels, remove"));
    more->labelsField()->setCurrentIndex(more->labelsField()->findData(false));
    EXPECT_ROWS([](int i) { return i % 4 + 1 >= 2 && i % 4 + 1 <= 3 && i % 2 == 0 && i % 5 != 4; });
    QCOMPARE(accessibleName(chips().last()), QStringLiteral("Filter: no labels, remove"));

    // Every call is on 1 November: from the 2nd on there is none, up to the 1st all of them.
    more->minDurationField()->setValue(0);
    more->maxDurationField()->setValue(0);
    more->recordingField()->setCurrentIndex(0);
    more->labelsField()->setCurrentIndex(0);
    const QDate day = TestCalls::make(0).timestamp.toLocalTime().date();
    more->fromField()->setDate(day.addDays(1));
    EXPECT_ROWS([](int) { return false; });
    more->fromField()->setDate(day);
    more->toField()->setDate(day);
    EXPECT_ROWS([](int) { return true; });
    QCOMPARE(chips().size(), 1);
}

void TestFilterBar::chipsRemoveTheirFilter()
{
    QComboBox *status = combo("statusFilter");
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    MoreFiltersPopup *more = bar()->moreFilters();
    more->recordingField()->setCurrentIndex(more->recordingField()->findData(true));
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure && i % 2 == 1; });
    QCOMPARE(chips().size(), 2);
    QCOMPARE(accessibleName(chips().at(0)), QStringLiteral("Filter: status is failure, remove"));
    QCOMPARE(accessibleName(chips().at(1)), QStringLiteral("Filter: has a recording, remove"));
    QVERIFY(bar()->chips()->clearAllButton()->isVisible());

    // Delete on a focused chip removes its filter; the focus moves on to the next chip.
    chips().at(0)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(chips().at(0), Qt::Key_Delete);
    EXPECT_ROWS([](int i) { return i % 2 == 1; });
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(chips().size(), 1);
    QTRY_COMPARE(QApplication::focusWidget(), chips().at(0));
    QTest::keyClick(chips().at(0), Qt::Key_Backspace);
    EXPECT_ROWS([](int) { return true; });
    QVERIFY(!bar()->chips()->isVisible());
    QCOMPARE(QApplication::focusWidget(), bar()->searchField());

    // A click on the × removes; a click on the words does not.
    status->setCurrentIndex(status->findData(int(ReviewStatus::Success)));
    QTRY_COMPARE(chips().size(), 1);
    FilterChip *chip = chips().at(0);
    QTest::mouseClick(chip, Qt::LeftButton, {}, QPoint(12, chip->height() / 2));
    QCOMPARE(model()->query().status, std::optional(ReviewStatus::Success));
    QTest::mouseClick(chip, Qt::LeftButton, {}, chip->removeRect().center());
    EXPECT_ROWS([](int) { return true; });

    // Clear all removes every filter at once.
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    more->maxDurationField()->setValue(60);
    QTRY_COMPARE(chips().size(), 2);
    QTest::mouseClick(bar()->chips()->clearAllButton(), Qt::LeftButton);
    EXPECT_ROWS([](int) { return true; });
    QVERIFY(chips().isEmpty());
}

// "Failed metrics" under More filters narrows the list to the calls with a failed metric
// (or to those without, with the other filters), shows as a chip that removes it (Delete,
// ×), and the list's Failed metrics column, after Labels, shows their count.
void TestFilterBar::failedMetricsFilterIsAChip()
{
    QHeaderView *header = m_window->findChild<QTableView *>(QStringLiteral("callList"))->horizontalHeader();
    QCOMPARE(header->visualIndex(CallListModel::FailedMetrics), header->visualIndex(CallListModel::Labels) + 1);
    QVERIFY(!header->isSectionHidden(CallListModel::FailedMetrics));
    QCOMPARE(model()->headerData(CallListModel::FailedMetrics, Qt::Horizontal).toString(), QStringLiteral("Failed metrics"));

    MoreFiltersPopup *more = bar()->moreFilters();
    QComboBox *failed = more->failedMetricsField();
    QCOMPARE(failed->accessibleName(), QStringLiteral("Failed metrics"));
    failed->setCurrentIndex(failed->findData(true));
    EXPECT_ROWS([](int i) { return i % 10 == 7; });
    QCOMPARE(model()->query().hasFailedMetrics, std::optional(true));
    QCOMPARE(model()->index(0, CallListModel::FailedMetrics).data().toString(), QStringLiteral("1"));
    QCOMPARE(chips().size(), 1);
    QCOMPARE(accessibleName(chips().at(0)), QStringLiteral("Filter: has failed metrics, remove"));
    QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("moreFilters"))->text(), QStringLiteral("More filters (1) ▾"));

    // Delete on the chip removes the filter; the form shows "Any" again.
    chips().at(0)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(chips().at(0), Qt::Key_Delete);
    EXPECT_ROWS([](int) { return true; });
    QVERIFY(!model()->query().hasFailedMetrics);
    QCOMPARE(failed->currentIndex(), 0);
    QVERIFY(chips().isEmpty());
    // Call 3 passed its metric: blank, as are the calls never evaluated.
    const int rowOf3 = kCalls - 1 - 3;
    QTRY_VERIFY(model()->index(rowOf3, 0).data(CallListModel::LoadedRole).toBool());
    QCOMPARE(callAt(rowOf3), 3);
    QCOMPARE(model()->index(rowOf3, CallListModel::FailedMetrics).data().toString(), QString());

    // "Without failed metrics" with a status: the failures but those with a failed metric.
    QComboBox *status = combo("statusFilter");
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    failed->setCurrentIndex(failed->findData(false));
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure && i % 10 != 7; });
    QCOMPARE(chips().size(), 2);
    FilterChip *chip = chips().last();
    QCOMPARE(accessibleName(chip), QStringLiteral("Filter: no failed metrics, remove"));
    // A click on its × removes it alone.
    QTest::mouseClick(chip, Qt::LeftButton, {}, chip->removeRect().center());
    EXPECT_ROWS([](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure; });
    QVERIFY(!model()->query().hasFailedMetrics);
    QCOMPARE(failed->currentIndex(), 0);
    QCOMPARE(chips().size(), 1);
}

void TestFilterBar::savedViewsApplyAndComeBackInANewWindow()
{
    QComboBox *status = combo("statusFilter");
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    MoreFiltersPopup *more = bar()->moreFilters();
    more->recordingField()->setCurrentIndex(more->recordingField()->findData(true));
    const auto failuresWithAudio = [](int i) { return TestCalls::statusOf(i) == ReviewStatus::Failure && i % 2 == 1; };
    EXPECT_ROWS(failuresWithAudio);
    m_window->viewsMenu()->saveCurrentAs(QStringLiteral("Failures with audio"));
    auto *viewsButton = m_window->findChild<QToolButton *>(QStringLiteral("viewsButton"));
    QCOMPARE(viewsButton->text(), QStringLiteral("View: Failures with audio"));

    // Changing the filter leaves the view; one click on it in the menu brings it back.
    QTest::mouseClick(bar()->chips()->clearAllButton(), Qt::LeftButton);
    EXPECT_ROWS([](int) { return true; });
    QCOMPARE(viewsButton->text(), QStringLiteral("Views"));
    QAction *viewAction = nullptr;
    for (QAction *action : m_window->viewsMenu()->actions()) {
        if (action->text() == QStringLiteral("Failures with audio"))
            viewAction = action;
    }
    QVERIFY(viewAction);
    viewAction->trigger();
    EXPECT_ROWS(failuresWithAudio);
    QVERIFY(viewAction->isChecked());
    QCOMPARE(status->currentData().toInt(), int(ReviewStatus::Failure));

    // A new window (a new start) shows the last view, chips and all.
    m_window->close();
    m_window.reset();
    openWindow();
    EXPECT_ROWS(failuresWithAudio);
    QCOMPARE(chips().size(), 2);
    viewsButton = m_window->findChild<QToolButton *>(QStringLiteral("viewsButton"));
    QCOMPARE(viewsButton->text(), QStringLiteral("View: Failures with audio"));
    QCOMPARE(m_window->savedViews()->views().size(), 1);

    // "All calls" drops every filter.
    for (QAction *action : m_window->viewsMenu()->actions()) {
        if (action->text() == QStringLiteral("&All Calls"))
            action->trigger();
    }
    EXPECT_ROWS([](int) { return true; });
}

void TestFilterBar::manageViewsRenamesAndDeletes()
{
    SavedViews *views = m_window->savedViews();
    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    views->save(QStringLiteral("Failures"), failures);
    views->save(QStringLiteral("Everything"), CallQuery());
    ManageViewsDialog dialog(views, m_window.get());
    dialog.show();
    QListWidget *list = dialog.list();
    QCOMPARE(list->count(), 2);
    QCOMPARE(accessibleName(list), QStringLiteral("Saved views"));

    list->item(0)->setText(QStringLiteral("Failed calls"));
    QTRY_COMPARE(list->item(0)->text(), QStringLiteral("Failed calls"));
    QVERIFY(views->contains(QStringLiteral("Failed calls")));
    QVERIFY(!views->contains(QStringLiteral("Failures")));
    // A taken name is refused and the old one shown again.
    list->item(0)->setText(QStringLiteral("everything"));
    QTRY_COMPARE(list->item(0)->text(), QStringLiteral("Failed calls"));

    list->setCurrentRow(1);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->count(), 1);
    QCOMPARE(views->views().size(), 1);
    QCOMPARE(views->views().at(0).name, QStringLiteral("Failed calls"));
    // The menu follows.
    QStringList menuTexts;
    for (QAction *action : m_window->viewsMenu()->actions())
        menuTexts.append(action->text());
    QVERIFY(menuTexts.contains(QStringLiteral("Failed calls")));
    QVERIFY(!menuTexts.contains(QStringLiteral("Everything")));
}

void TestFilterBar::everyControlIsNamed()
{
    QCOMPARE(accessibleName(m_window->findChild<QTableView *>(QStringLiteral("callList"))), QStringLiteral("Calls"));
    QComboBox *status = combo("statusFilter");
    status->setCurrentIndex(status->findData(int(ReviewStatus::Failure)));
    QTRY_COMPARE(chips().size(), 1);
    QAccessibleInterface *chip = QAccessible::queryAccessibleInterface(chips().at(0));
    QCOMPARE(chip->role(), QAccessible::Button);

    QList<QWidget *> controls = bar()->findChildren<QWidget *>();
    controls += bar()->moreFilters()->findChildren<QWidget *>();
    controls += bar()->agentPicker()->popup()->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *control : std::as_const(controls)) {
        if (!(control->focusPolicy() & Qt::TabFocus) || control->isWindow() || !control->isVisibleTo(control->window()))
            continue;
        if (control->parentWidget() && qobject_cast<QAbstractSpinBox *>(control->parentWidget()))
            continue;   // a spin box's own line edit: the box is named
        if (qobject_cast<QAbstractItemView *>(control->parentWidget()) || control->window()->inherits("QComboBoxPrivateContainer"))
            continue;   // a view's viewport, a combo box's drop-down
        QVERIFY2(!accessibleName(control).isEmpty(), qPrintable(control->metaObject()->className() + QStringLiteral(" ") + control->objectName()));
        ++checked;
    }
    QVERIFY(checked >= 15);
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
