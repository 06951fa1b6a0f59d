#include "../audio/testrecordings.h"

#include "audio/playbackcontroller.h"
#include "calldetailpane.h"
#include "item/calllistmodel.h"
#include "keybindings.h"
#include "mainwindow.h"
#include "reviewactions.h"
#include "reviewhistoryview.h"
#include "reviewpanel.h"
#include "settings/reviewsettings.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "testcalls.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {

QString accessibleName(QObject *object)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(object);
    return interface ? interface->text(QAccessible::Name) : QString();
}

} // namespace

// The review loop driven as a reviewer drives it, from the keyboard: status keys, the
// feedback editor, undo and redo, and what the store ends up holding.
class TestReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startsWithTheListFocusedOnTheFirstCall();
    void statusKeyIsStoredAndUndoRestoresIt();
    void undoOfAFirstVerdictClearsTheStatus();
    void undoWorksOnACallNoLongerShown();
    void digitsTypedInTheFeedbackSetNoStatus();
    void feedbackIsSavedOnSwitchingCalls();
    void feedbackIsSavedWhileTheEditorKeepsTheFocus();
    void feedbackTypingIsOneUndoStep();
    void aChangeFromElsewhereKeepsTheTextBeingTyped();
    void feedbackIsSavedWhenTheWindowCloses();
    void controlsHaveAccessibleNames();
    void keysAreListedForTheShortcutsDialog();
    void playOnOpenStartsTheRecording();
    void ctrlQQuits();

private:
    QTableView *callView() const { return m_window->findChild<QTableView *>(QStringLiteral("callList")); }
    ReviewPanel *panel() const { return m_window->callPane()->review(); }
    QPlainTextEdit *feedback() const { return panel()->feedbackEditor(); }
    qint64 idAt(int row) const { return callView()->model()->index(row, 0).data(CallListModel::DbIdRole).toLongLong(); }
    CallLog stored(qint64 id) const { return *CallReader(m_store->databasePath()).callById(id); }
    // Shows the call of `row` as the arrow keys would, the list keeping the focus.
    void showRow(int row);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void waitForStore();

    static constexpr int kCalls = 12;
    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestReview::init()
{
    // Each test starts from the same calls (call 11 in row 0 ... call 0 in row 11), in a
    // database of its own.
    m_window.reset();
    m_store.reset();
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls-%1.db").arg(++m_databases)), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, kCalls);

    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(m_window->shownCallId() != 0);
}

void TestReview::cleanup()
{
    m_window.reset();
    QSettings().clear();
}

void TestReview::showRow(int row)
{
    callView()->setFocus();
    callView()->selectRow(row);
    QTRY_COMPARE(m_window->shownCallId(), idAt(row));
    QTRY_COMPARE(panel()->history()->events(), stored(idAt(row)).reviewHistory);
}

void TestReview::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

void TestReview::waitForStore()
{
    QTRY_VERIFY(m_window->reviewActions()->isIdle());
    m_store->flush();
}

void TestReview::startsWithTheListFocusedOnTheFirstCall()
{
    QCOMPARE(QApplication::focusWidget(), callView());
    QCOMPARE(callView()->currentIndex().row(), 0);
    QVERIFY(callView()->selectionModel()->isRowSelected(0, {}));
    QCOMPARE(m_window->shownCallId(), idAt(0));
    QCOMPARE(m_window->callPane()->call().callId, TestCalls::callIdOf(kCalls - 1));
}

void TestReview::statusKeyIsStoredAndUndoRestoresIt()
{
    showRow(2);     // call 9: reviewed_failure
    const qint64 id = idAt(2);
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::ReviewedFailure));

    press(Qt::Key_3);
    QVERIFY(panel()->statusButton(ReviewStatus::ReviewedSuccess)->isChecked());
    waitForStore();
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::ReviewedSuccess));
    QUndoStack *undo = m_window->reviewActions()->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("status of call-00009 → reviewed_success"));
    QAction *undoAction = nullptr;
    for (QAction *action : m_window->menuBar()->actions().at(1)->menu()->actions())
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z))
            undoAction = action;
    QVERIFY(undoAction);
    QCOMPARE(undoAction->text(), QStringLiteral("Undo: status of call-00009 → reviewed_success"));

    press(Qt::Key_Z, Qt::ControlModifier);
    waitForStore();
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::ReviewedFailure));
    QTRY_VERIFY(panel()->statusButton(ReviewStatus::ReviewedFailure)->isChecked());
    // The history shows the change and its undo, newest first.
    ReviewHistoryView *history = panel()->history();
    QTRY_COMPARE(history->topLevelItemCount(), 2);
    QCOMPARE(history->topLevelItem(0)->text(ReviewHistoryView::Change), QStringLiteral("reviewed_success → reviewed_failure"));
    QCOMPARE(history->topLevelItem(1)->text(ReviewHistoryView::Change), QStringLiteral("reviewed_failure → reviewed_success"));
    QCOMPARE(history->topLevelItem(0)->text(ReviewHistoryView::Source), QStringLiteral("ui"));
    QCOMPARE(history->topLevelItem(0)->text(ReviewHistoryView::Field), QStringLiteral("status"));

    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitForStore();
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::ReviewedSuccess));
    QTRY_COMPARE(history->topLevelItemCount(), 3);
    QTRY_VERIFY(panel()->statusButton(ReviewStatus::ReviewedSuccess)->isChecked());
}

void TestReview::undoOfAFirstVerdictClearsTheStatus()
{
    showRow(1);     // call 10: not evaluated yet
    const qint64 id = idAt(1);
    QVERIFY(!stored(id).status);
    press(Qt::Key_2);
    waitForStore();
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::Failure));
    press(Qt::Key_Z, Qt::ControlModifier);
    waitForStore();
    QVERIFY(!stored(id).status);
    QTRY_VERIFY(!panel()->statusButton(ReviewStatus::Failure)->isChecked());
}

void TestReview::undoWorksOnACallNoLongerShown()
{
    showRow(3);     // call 8: reviewed_success
    const qint64 first = idAt(3);
    press(Qt::Key_4);
    showRow(4);     // call 7: failure
    const qint64 second = idAt(4);
    press(Qt::Key_1);
    waitForStore();
    QCOMPARE(stored(first).status, std::optional(ReviewStatus::ReviewedFailure));
    QCOMPARE(stored(second).status, std::optional(ReviewStatus::Success));

    press(Qt::Key_Z, Qt::ControlModifier);
    press(Qt::Key_Z, Qt::ControlModifier);
    waitForStore();
    QCOMPARE(stored(second).status, std::optional(ReviewStatus::Failure));
    QCOMPARE(stored(first).status, std::optional(ReviewStatus::ReviewedSuccess));
    QCOMPARE(m_window->shownCallId(), second);

    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitForStore();
    QCOMPARE(stored(first).status, std::optional(ReviewStatus::ReviewedFailure));
    QCOMPARE(stored(second).status, std::optional(ReviewStatus::Failure));
}

void TestReview::digitsTypedInTheFeedbackSetNoStatus()
{
    const qint64 id = idAt(0);
    const std::optional<ReviewStatus> before = stored(id).status;
    press(Qt::Key_F);
    QCOMPARE(QApplication::focusWidget(), feedback());
    QTest::keyClicks(feedback(), QStringLiteral("42 1234"));
    QCOMPARE(feedback()->toPlainText(), QStringLiteral("42 1234"));
    QTRY_COMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("42 1234")));
    waitForStore();
    QCOMPARE(stored(id).status, before);
    QCOMPARE(m_window->reviewActions()->undoStack()->count(), 1);

    // Esc hands the keys back to the list, and the digits are status keys again.
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), callView());
    press(Qt::Key_2);
    waitForStore();
    QCOMPARE(stored(id).status, std::optional(ReviewStatus::Failure));
}

void TestReview::feedbackIsSavedOnSwitchingCalls()
{
    const qint64 id = idAt(0);
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("Booked the wrong day"));
    press(Qt::Key_Escape);
    press(Qt::Key_Down);
    QTRY_COMPARE(m_window->shownCallId(), idAt(1));
    waitForStore();
    QCOMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Booked the wrong day")));
    QCOMPARE(feedback()->toPlainText(), QString());
}

// Another call shown while the editor still has the focus (the list driven by the
// mouse wheel, the next-unreviewed key): the typed text goes with its own call.
void TestReview::feedbackIsSavedWhileTheEditorKeepsTheFocus()
{
    const qint64 id = idAt(0);
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("Never greeted"));
    callView()->selectRow(2);
    QTRY_COMPARE(m_window->shownCallId(), idAt(2));
    waitForStore();
    QCOMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Never greeted")));
    QVERIFY(!stored(idAt(2)).feedback);
}

void TestReview::feedbackTypingIsOneUndoStep()
{
    const qint64 id = idAt(0);
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("Too"));
    QTRY_COMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Too")));
    QTest::keyClicks(feedback(), QStringLiteral(" slow"));
    QTRY_COMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Too slow")));
    press(Qt::Key_Escape);
    waitForStore();
    QUndoStack *undo = m_window->reviewActions()->undoStack();
    QCOMPARE(undo->count(), 1);
    QCOMPARE(undo->undoText(), QStringLiteral("feedback of call-00011"));

    press(Qt::Key_Z, Qt::ControlModifier);
    waitForStore();
    QVERIFY(!stored(id).feedback);
    QTRY_COMPARE(feedback()->toPlainText(), QString());
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitForStore();
    QCOMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Too slow")));
    QTRY_COMPARE(feedback()->toPlainText(), QStringLiteral("Too slow"));

    // A new burst after the editor was left is a step of its own.
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("!"));
    press(Qt::Key_Escape);
    waitForStore();
    QCOMPARE(undo->count(), 2);
}

// The API (or `callscope review`) changes the call while the reviewer types: the status
// shown follows, the text being typed stays, and the reviewer's text is what is kept.
void TestReview::aChangeFromElsewhereKeepsTheTextBeingTyped()
{
    const qint64 id = idAt(0);
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("Reviewer note"));
    ReviewChange api;
    api.callDbId = id;
    api.status = ReviewStatus::ReviewedFailure;
    api.feedback = QStringLiteral("From the API");
    api.source = QStringLiteral("api");
    QVERIFY(m_store->review(api).result().applied());
    QTRY_VERIFY(panel()->statusButton(ReviewStatus::ReviewedFailure)->isChecked());
    QCOMPARE(feedback()->toPlainText(), QStringLiteral("Reviewer note"));
    QCOMPARE(QApplication::focusWidget(), feedback());
    QTRY_COMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Reviewer note")));
    waitForStore();
    QCOMPARE(feedback()->toPlainText(), QStringLiteral("Reviewer note"));

    // Not typing: a change from elsewhere shows.
    press(Qt::Key_Escape);
    waitForStore();
    api.feedback = QStringLiteral("Second opinion");
    QVERIFY(m_store->review(api).result().applied());
    QTRY_COMPARE(feedback()->toPlainText(), QStringLiteral("Second opinion"));
    QTRY_COMPARE(panel()->history()->topLevelItem(0)->text(ReviewHistoryView::Source), QStringLiteral("api"));
}

void TestReview::feedbackIsSavedWhenTheWindowCloses()
{
    const qint64 id = idAt(0);
    press(Qt::Key_F);
    QTest::keyClicks(feedback(), QStringLiteral("Closing now"));
    m_window->close();
    m_window.reset();
    m_store->flush();
    QCOMPARE(stored(id).feedback, std::optional<QString>(QStringLiteral("Closing now")));
}

void TestReview::controlsHaveAccessibleNames()
{
    for (ReviewStatus status : {ReviewStatus::Success, ReviewStatus::Failure, ReviewStatus::ReviewedSuccess,
                                ReviewStatus::ReviewedFailure}) {
        QAbstractButton *button = panel()->statusButton(status);
        QCOMPARE(accessibleName(button), ReviewStatuses::name(status));
        QVERIFY(button->isCheckable());
    }
    QCOMPARE(accessibleName(feedback()), QStringLiteral("Feedback"));
    QCOMPARE(accessibleName(panel()->history()), QStringLiteral("Review history"));
}

void TestReview::keysAreListedForTheShortcutsDialog()
{
    QStringList keys;
    for (const KeyBindings::Binding &binding : m_window->keyBindings()->bindings())
        keys.append(binding.keys.toString(QKeySequence::PortableText));
    for (const QString &key : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                               QStringLiteral("F"), QStringLiteral("T"), QStringLiteral("N"), QStringLiteral("P")})
        QVERIFY2(keys.contains(key), qPrintable(key));
    QStringList menuKeys;
    for (QAction *menu : m_window->menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            menuKeys.append(action->shortcut().toString(QKeySequence::PortableText));
    for (const QString &key : {QStringLiteral("Ctrl+Z"), QStringLiteral("Ctrl+Shift+Z"), QStringLiteral("Ctrl+Q")})
        QVERIFY2(menuKeys.contains(key), qPrintable(key));
}

void TestReview::playOnOpenStartsTheRecording()
{
    QVERIFY(QDir().mkpath(m_store->recordingsDir()));
    QVERIFY(TestRecordings::writeFile(QDir(m_store->recordingsDir()).filePath(QStringLiteral("played.wav")),
                                      TestRecordings::stereoWav(4.0)));
    CallLog recorded = TestCalls::make(kCalls);
    recorded.recordingPath = QStringLiteral("played.wav");
    const qint64 recordedId = m_store->upsert(recorded).result().id;
    QTRY_COMPARE(callView()->model()->rowCount(), kCalls + 1);
    // The count may come before the refreshed rows: wait for the new call on top.
    QTRY_COMPARE(idAt(0), recordedId);
    QTRY_VERIFY(callView()->model()->index(1, 0).data(CallListModel::LoadedRole).toBool());
    PlaybackController *player = m_window->callPane()->player();

    // Off by default: opening the call does not play it.
    showRow(1);
    showRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(player->state(), PlaybackController::State::Ready, 20000);
    QVERIFY(!player->isPlaying());

    QSettings settings;
    ReviewSettings review = ReviewSettings::load(settings);
    review.playOnOpen = true;
    review.save(settings);
    showRow(1);
    showRow(0);
    // Generous: under load GStreamer takes seconds to ready a recording.
    QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), 20000);
    player->pause();
}

void TestReview::ctrlQQuits()
{
    press(Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->isVisible());
}

QTEST_MAIN(TestReview)
#include "tst_review.moc"
