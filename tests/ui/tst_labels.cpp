#include "calldetailpane.h"
#include "item/calllistmodel.h"
#include "item/transcriptmodel.h"
#include "labeldialog.h"
#include "mainwindow.h"
#include "reviewactions.h"
#include "reviewhistoryview.h"
#include "reviewpanel.h"
#include "settings/reviewsettings.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "testcalls.h"
#include "transcriptpane.h"
#include "waveformview.h"

#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// Per-turn labels as a reviewer makes them: select a turn, T, pick labels in the dialog
// with the keyboard, Enter. Checked against what the store holds, the transcript's and
// the waveform's marks, the list's Labels column, and undo.
class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tLabelsTheSelectedTurn();
    void tFromTheListPicksATurnFirst();
    void undoAndRedoTheLabels();
    void enterAloneTakesTheHighlightedLabel();
    void digitsInTheNoteToggleNothing();
    void uncheckingRemovesALabel();
    void cancelStoresNothing();
    void theConfiguredSetIsOffered();
    void dialogFieldsHaveAccessibleNames();

private:
    QTableView *callView() const { return m_window->findChild<QTableView *>(QStringLiteral("callList")); }
    CallDetailPane *pane() const { return m_window->callPane(); }
    TranscriptModel *transcript() const
    {
        return qobject_cast<TranscriptModel *>(pane()->transcript()->view()->model());
    }
    qint64 shownId() const { return m_window->shownCallId(); }
    CallLog stored(qint64 id) const { return *CallReader(m_store->databasePath()).callById(id); }
    QList<TurnLabel> storedLabels(qint64 id) const { return stored(id).annotations.value_or(QList<TurnLabel>()); }
    // Selects turn `row` of the shown call and presses T there; returns the dialog.
    LabelDialog *openDialogOn(int row);
    void waitForStore();

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestLabels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestLabels::init()
{
    m_window.reset();
    m_store.reset();
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls-%1.db").arg(++m_databases)), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, 4);
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(shownId() != 0);
    QTRY_COMPARE(transcript()->rowCount(), 5);
}

void TestLabels::cleanup()
{
    m_window.reset();
    QSettings().clear();
}

LabelDialog *TestLabels::openDialogOn(int row)
{
    pane()->transcript()->selectTurn(row);
    QListView *view = pane()->transcript()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_T);
    // A dialog closed a moment ago may still await its deferred delete.
    for (LabelDialog *dialog : m_window->findChildren<LabelDialog *>(QStringLiteral("labelDialog")))
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

void TestLabels::waitForStore()
{
    QTRY_VERIFY(m_window->reviewActions()->isIdle());
    m_store->flush();
}

void TestLabels::tLabelsTheSelectedTurn()
{
    const qint64 id = shownId();
    LabelDialog *dialog = openDialogOn(1);
    QVERIFY(dialog);
    QCOMPARE(dialog->labelList()->count(), ReviewSettings::defaultLabels().size());
    QVERIFY(dialog->windowTitle().contains(QLatin1String("Turn 2")));

    // 2 checks "hallucination"; Tab to the note, write it, Enter saves.
    QTest::keyClick(dialog->labelList(), Qt::Key_2);
    QCOMPARE(dialog->labelList()->item(1)->checkState(), Qt::Checked);
    dialog->noteField()->setFocus();
    QTest::keyClicks(dialog->noteField(), QStringLiteral("there is no such office"));
    QTest::keyClick(dialog->noteField(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());

    waitForStore();
    const QList<TurnLabel> labels = storedLabels(id);
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels[0].turnIndex, 1);
    QCOMPARE(labels[0].label, QStringLiteral("hallucination"));
    QCOMPARE(labels[0].note, QStringLiteral("there is no such office"));
    QVERIFY(labels[0].createdAt.isValid());

    // Marked on the transcript and the waveform, counted in the list, on record.
    QCOMPARE(transcript()->index(1, 0).data(TranscriptModel::LabelsRole).toStringList(), QStringList{QStringLiteral("hallucination")});
    QVERIFY(transcript()->index(0, 0).data(TranscriptModel::LabelsRole).toStringList().isEmpty());
    QVERIFY(transcript()->index(1, TranscriptModel::Text).data(Qt::ToolTipRole).toString().contains(QLatin1String("there is no such office")));
    QCOMPARE(pane()->waveform()->labels().size(), 1);
    const QModelIndex labelsCell = callView()->model()->index(0, CallListModel::Labels);
    QTRY_COMPARE(labelsCell.data().toString(), QStringLiteral("1"));
    QCOMPARE(callView()->model()->index(1, CallListModel::Labels).data().toString(), QString());
    QCOMPARE(m_window->reviewActions()->undoStack()->undoText(), QStringLiteral("labels of call-00003 turn 2 → hallucination"));
    QTRY_VERIFY(pane()->review()->history()->topLevelItemCount() >= 1);
    QCOMPARE(pane()->review()->history()->topLevelItem(0)->text(ReviewHistoryView::Field), QStringLiteral("label"));
    // The list kept the keys' focus where the reviewer left it.
    QCOMPARE(QApplication::focusWidget(), pane()->transcript()->view());
}

void TestLabels::tFromTheListPicksATurnFirst()
{
    callView()->setFocus();
    QTest::keyClick(callView(), Qt::Key_T);
    QListView *turns = pane()->transcript()->view();
    QCOMPARE(QApplication::focusWidget(), turns);
    QCOMPARE(pane()->transcript()->selectedTurn(), 0);
    QVERIFY(!m_window->findChild<LabelDialog *>(QStringLiteral("labelDialog")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("press T again")));

    QTest::keyClick(turns, Qt::Key_Down);
    QTest::keyClick(turns, Qt::Key_T);
    auto *dialog = m_window->findChild<LabelDialog *>(QStringLiteral("labelDialog"));
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains(QLatin1String("Turn 2")));
    dialog->reject();
}

void TestLabels::undoAndRedoTheLabels()
{
    const qint64 id = shownId();
    LabelDialog *dialog = openDialogOn(4);
    QVERIFY(dialog);
    QTest::keyClick(dialog->labelList(), Qt::Key_3);   // slow response
    QTest::keyClick(dialog->labelList(), Qt::Key_6);   // good
    QTest::keyClick(dialog->labelList(), Qt::Key_Return);
    waitForStore();
    QCOMPARE(storedLabels(id).size(), 2);
    QCOMPARE(m_window->reviewActions()->undoStack()->undoText(), QStringLiteral("labels of call-00003 turn 5 → slow response, good"));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    waitForStore();
    QVERIFY(storedLabels(id).isEmpty());
    QTRY_VERIFY(transcript()->index(4, 0).data(TranscriptModel::LabelsRole).toStringList().isEmpty());
    QTRY_VERIFY(pane()->waveform()->labels().isEmpty());
    QTRY_COMPARE(callView()->model()->index(0, CallListModel::Labels).data().toString(), QString());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitForStore();
    const QList<TurnLabel> redone = storedLabels(id);
    QCOMPARE(redone.size(), 2);
    QCOMPARE(redone[0].label, QStringLiteral("slow response"));
    QCOMPARE(redone[1].label, QStringLiteral("good"));
    QTRY_COMPARE(transcript()->index(4, 0).data(TranscriptModel::LabelsRole).toStringList(),
                 (QStringList{QStringLiteral("slow response"), QStringLiteral("good")}));
}

void TestLabels::enterAloneTakesTheHighlightedLabel()
{
    const qint64 id = shownId();
    LabelDialog *dialog = openDialogOn(0);
    QVERIFY(dialog);
    QTest::keyClick(dialog->labelList(), Qt::Key_Down);
    QTest::keyClick(dialog->labelList(), Qt::Key_Down);
    QTest::keyClick(dialog->labelList(), Qt::Key_Return);
    waitForStore();
    QCOMPARE(storedLabels(id).size(), 1);
    QCOMPARE(storedLabels(id)[0].label, QStringLiteral("slow response"));
    QCOMPARE(storedLabels(id)[0].turnIndex, 0);
}

void TestLabels::digitsInTheNoteToggleNothing()
{
    const qint64 id = shownId();
    const std::optional<ReviewStatus> status = stored(id).status;
    LabelDialog *dialog = openDialogOn(1);
    QVERIFY(dialog);
    QTest::keyClick(dialog->labelList(), Qt::Key_Down);   // hallucination highlighted
    dialog->noteField()->setFocus();
    QTest::keyClicks(dialog->noteField(), QStringLiteral("said 42 1 2"));
    // Writing a note checks its label and no other; digits are text here.
    for (int row = 0; row < dialog->labelList()->count(); ++row)
        QCOMPARE(dialog->labelList()->item(row)->checkState(), row == 1 ? Qt::Checked : Qt::Unchecked);
    QTest::keyClick(dialog->noteField(), Qt::Key_Return);
    waitForStore();
    QCOMPARE(storedLabels(id).size(), 1);
    QCOMPARE(storedLabels(id)[0].note, QStringLiteral("said 42 1 2"));
    QCOMPARE(stored(id).status, status);
}

void TestLabels::uncheckingRemovesALabel()
{
    const qint64 id = shownId();
    LabelDialog *dialog = openDialogOn(1);
    QVERIFY(dialog);
    QTest::keyClick(dialog->labelList(), Qt::Key_1);
    QTest::keyClick(dialog->labelList(), Qt::Key_5);
    QTest::keyClick(dialog->labelList(), Qt::Key_Return);
    waitForStore();
    QCOMPARE(storedLabels(id).size(), 2);

    dialog = openDialogOn(1);
    QVERIFY(dialog);
    QCOMPARE(dialog->labelList()->item(0)->checkState(), Qt::Checked);
    QCOMPARE(dialog->labelList()->item(4)->checkState(), Qt::Checked);
    QTest::keyClick(dialog->labelList(), Qt::Key_1);
    QTest::keyClick(dialog->labelList(), Qt::Key_Return);
    waitForStore();
    const QList<TurnLabel> left = storedLabels(id);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].label, QStringLiteral("missed intent"));
    QCOMPARE(m_window->reviewActions()->undoStack()->undoText(), QStringLiteral("labels of call-00003 turn 2 → missed intent"));
}

void TestLabels::cancelStoresNothing()
{
    const qint64 id = shownId();
    LabelDialog *dialog = openDialogOn(1);
    QVERIFY(dialog);
    QTest::keyClick(dialog->labelList(), Qt::Key_1);
    QTest::keyClick(dialog->labelList(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    waitForStore();
    QVERIFY(storedLabels(id).isEmpty());
    QCOMPARE(m_window->reviewActions()->undoStack()->count(), 0);
}

void TestLabels::theConfiguredSetIsOffered()
{
    QSettings settings;
    ReviewSettings review;
    review.labels = {QStringLiteral("rude"), QStringLiteral("good")};
    review.save(settings);
    const qint64 id = shownId();

    // A label stored earlier that the set no longer has is still shown, checked.
    LabelDialog *dialog = openDialogOn(1);
    QVERIFY(dialog);
    QCOMPARE(dialog->labelList()->count(), 2);
    QCOMPARE(dialog->labelList()->item(0)->text(), QStringLiteral("rude"));
    QTest::keyClick(dialog->labelList(), Qt::Key_Return);
    waitForStore();
    review.labels = {QStringLiteral("good")};
    review.save(settings);
    dialog = openDialogOn(1);
    QVERIFY(dialog);
    QCOMPARE(dialog->labelList()->count(), 2);
    QCOMPARE(dialog->labelList()->item(1)->text(), QStringLiteral("rude"));
    QCOMPARE(dialog->labelList()->item(1)->checkState(), Qt::Checked);
    dialog->reject();
    QCOMPARE(storedLabels(id).size(), 1);
}

void TestLabels::dialogFieldsHaveAccessibleNames()
{
    LabelDialog *dialog = openDialogOn(0);
    QVERIFY(dialog);
    const auto name = [](QObject *object) {
        QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(object);
        return interface ? interface->text(QAccessible::Name) : QString();
    };
    QCOMPARE(name(dialog->labelList()), QStringLiteral("Labels"));
    QCOMPARE(name(dialog->noteField()), QStringLiteral("Note"));
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(dialog->labelList());
    QVERIFY(list->childCount() >= ReviewSettings::defaultLabels().size());
    dialog->reject();
}

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
