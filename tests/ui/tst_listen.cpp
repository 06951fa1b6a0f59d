#include "../audio/testrecordings.h"
#include "../ingest/testrecordinghost.h"

#include "audio/playbackcontroller.h"
#include "audio/recordingcache.h"
#include "calldetailpane.h"
#include "item/calllistmodel.h"
#include "item/transcriptmodel.h"
#include "keybindings.h"
#include "mainwindow.h"
#include "playerbar.h"
#include "shortcutsdialog.h"
#include "store/callstore.h"
#include "transcriptpane.h"

#include <QAccessible>
#include <QAccessibleValueInterface>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QListView>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

namespace {

Turn turn(Turn::Role role, const QString &text, double start, double end)
{
    Turn result;
    result.role = role;
    result.content = text;
    result.startTime = start;
    result.endTime = end;
    return result;
}

// The call with a recording: 12 s of stereo, five turns, the fourth with timed words.
CallLog recordedCall()
{
    CallLog call;
    call.callId = QStringLiteral("with-recording");
    call.agent = 3;
    call.timestamp = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC);
    call.recordingPath = QStringLiteral("with-recording.wav");
    Turn words = turn(Turn::Role::MainAgent, QStringLiteral("Your refund is on its way."), 5.0, 8.0);
    const QStringList texts{QStringLiteral("Your"), QStringLiteral("refund"), QStringLiteral("is"), QStringLiteral("on"),
                            QStringLiteral("its"), QStringLiteral("way.")};
    for (int i = 0; i < texts.size(); ++i)
        words.words.append({texts.at(i), 5.0 + 0.5 * i, 5.0 + 0.5 * i + 0.4});
    call.turns = {turn(Turn::Role::MainAgent, QStringLiteral("Hello, thanks for calling."), 0.5, 2.0),
                  turn(Turn::Role::TestingAgent, QStringLiteral("I am waiting on a refund."), 2.5, 4.0),
                  turn(Turn::Role::MainAgent, QStringLiteral("Let me look that up."), 4.2, 4.8),
                  words,
                  turn(Turn::Role::TestingAgent, QStringLiteral("Great, thank you."), 8.5, 11.0)};
    call.durationSeconds = 12.0;
    return call;
}

CallLog silentCall()
{
    CallLog call;
    call.callId = QStringLiteral("no-recording");
    call.agent = 3;
    call.timestamp = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    call.turns = {turn(Turn::Role::MainAgent, QStringLiteral("Hello there."), 0.0, 1.0)};
    return call;
}

// Only a URL: played through the recording cache, from the test's own HTTP host.
CallLog remoteCall(const QUrl &url, const QString &callId)
{
    CallLog call;
    call.callId = callId;
    call.agent = 3;
    call.timestamp = QDateTime(QDate(2026, 10, 30), QTime(9, 0), Qt::UTC);
    call.voiceRecordingUrl = url.toString();
    call.turns = {turn(Turn::Role::MainAgent, QStringLiteral("Hello from far away."), 0.5, 2.0)};
    return call;
}

CallLog audioOnlyCall()
{
    CallLog call;
    call.callId = QStringLiteral("no-transcript");
    call.agent = 3;
    call.timestamp = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    call.recordingPath = QStringLiteral("with-recording.wav");
    call.errorMessage = QStringLiteral("transcription pending");
    return call;
}

QAccessibleInterface *accessible(QObject *object)
{
    return QAccessible::queryAccessibleInterface(object);
}

} // namespace

// The listening half of the window, driven as a reviewer drives it: keys, clicks on
// the transcript, the player's controls. The GStreamer back-end plays headless, so the
// position advances and sync is checked against the player's own position.
class TestListen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void highlightFollowsThePlayersPosition();
    void speedChangeKeepsTheHighlightInSync();
    void clickingATurnsTimeSeeksThere();
    void keysDriveThePlayer();
    void keysNeverFireInATextField();
    void enterPlaysTheSelectedTurnThenPauses();
    void currentWordIsHighlighted();
    void scrollingAwayOffersToFollow();
    void searchHitOpensAtItsTurn();
    void findInCall();
    void shortcutsDialogListsTheKeys();
    void controlsHaveAccessibleNamesAndValues();
    void stereoRecordingOffersChannelSolo();
    void callsWithoutRecordingOrTranscriptSaySo();
    void aRecordingKnownByItsUrlIsDownloadedToPlay();

private:
    QTableView *callView() const { return m_window->findChild<QTableView *>(QStringLiteral("callList")); }
    PlaybackController *player() const { return m_window->callPane()->player(); }
    TranscriptModel *transcript() const { return m_window->transcriptModel(); }
    QListView *transcriptView() const { return m_window->callPane()->transcript()->view(); }
    void open(const QString &callId);
    void openReady(const QString &callId);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    QTemporaryDir m_dir;
    TestRecordingHost m_host;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestListen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    QVERIFY(QDir().mkpath(m_store->recordingsDir()));
    QVERIFY(TestRecordings::writeFile(QDir(m_store->recordingsDir()).filePath(QStringLiteral("with-recording.wav")),
                                      TestRecordings::stereoWav(12.0)));
    QVERIFY(m_host.start());
    m_host.serve("/calls/remote.wav", TestRecordingHost::Answer("200 OK", TestRecordings::stereoWav(6.0)));
    m_host.serve("/calls/gone.wav", TestRecordingHost::Answer("404 Not Found"));
    m_store->upsertMany({recordedCall(), silentCall(), audioOnlyCall(),
                         remoteCall(m_host.url(QStringLiteral("/calls/remote.wav")), QStringLiteral("remote")),
                         remoteCall(m_host.url(QStringLiteral("/calls/gone.wav")), QStringLiteral("remote-gone"))})
        .waitForFinished();
    m_store->flush();
}

void TestListen::init()
{
    m_window = std::make_unique<MainWindow>(m_store.get());
    // The test's recording host is on loopback, which the default policy refuses.
    m_window->recordingCache()->setHostPolicy(RecordingHostPolicy(true));
    m_window->recordingCache()->setDirectory(m_dir.filePath(QStringLiteral("downloads")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(callView()->model()->rowCount(), 5);
    QTRY_VERIFY(callView()->model()->index(0, 0).data(CallListModel::LoadedRole).toBool());
}

void TestListen::cleanup()
{
    m_window.reset();
}

void TestListen::open(const QString &callId)
{
    auto *model = callView()->model();
    // The list reads its pages in the background: wait for the call's row to be there.
    int row = -1;
    QTRY_VERIFY2(([&] {
                     for (row = 0; row < model->rowCount(); ++row) {
                         if (model->index(row, CallListModel::CallId).data().toString() == callId)
                             return true;
                     }
                     return false;
                 }()),
                 qPrintable(QStringLiteral("no row for %1").arg(callId)));
    callView()->setFocus();
    callView()->selectRow(row);
    QTRY_COMPARE(m_window->callPane()->call().callId, callId);
}

void TestListen::openReady(const QString &callId)
{
    open(callId);
    QTRY_COMPARE(player()->state(), PlaybackController::State::Ready);
    QTRY_VERIFY(player()->duration() > 11.0);
    callView()->setFocus();
}

void TestListen::press(int key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key(key), modifiers);
}

void TestListen::highlightFollowsThePlayersPosition()
{
    openReady(QStringLiteral("with-recording"));
    player()->seek(1.5);
    press(Qt::Key_Space);
    QTRY_VERIFY(player()->isPlaying());
    // Every position the player reports lights the turn heard at that moment.
    QList<int> seen;
    const auto check = [&](double seconds) {
        QCOMPARE(transcript()->currentTurn(), transcript()->turnAt(seconds));
        if (seen.isEmpty() || seen.last() != transcript()->currentTurn())
            seen.append(transcript()->currentTurn());
    };
    connect(player(), &PlaybackController::positionChanged, this, check);
    QTRY_VERIFY_WITH_TIMEOUT(player()->position() > 4.5, 20000);   // generous: a loaded machine stalls GStreamer
    disconnect(player(), &PlaybackController::positionChanged, this, nullptr);
    QCOMPARE(seen, (QList<int>{0, 1, 2}));
    QVERIFY(transcript()->index(2, 0).data(TranscriptModel::CurrentTurnRole).toBool());
    press(Qt::Key_Space);
    QTRY_VERIFY(!player()->isPlaying());
}

void TestListen::speedChangeKeepsTheHighlightInSync()
{
    openReady(QStringLiteral("with-recording"));
    for (int step = 0; step < 5; ++step)
        press(Qt::Key_BracketRight);
    QCOMPARE(player()->rate(), 1.5);
    player()->seek(7.0);
    press(Qt::Key_Space);
    int mismatches = 0;
    connect(player(), &PlaybackController::positionChanged, this, [&](double seconds) {
        if (transcript()->currentTurn() != transcript()->turnAt(seconds))
            ++mismatches;
    });
    QTRY_VERIFY_WITH_TIMEOUT(player()->position() > 9.5, 20000);   // generous: a loaded machine stalls GStreamer
    disconnect(player(), &PlaybackController::positionChanged, this, nullptr);
    QCOMPARE(mismatches, 0);
    QCOMPARE(transcript()->currentTurn(), 4);
    press(Qt::Key_Backslash);
    QCOMPARE(player()->rate(), 1.0);
    press(Qt::Key_Space);
}

void TestListen::clickingATurnsTimeSeeksThere()
{
    openReady(QStringLiteral("with-recording"));
    QListView *view = transcriptView();
    const QRect row = view->visualRect(transcript()->index(3, TranscriptModel::Text));
    // The time is drawn at the row's left, after the speaker bar and padding.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(row.left() + 20, row.top() + 12));
    QTRY_COMPARE(qRound(player()->position() * 10), 50);
    QCOMPARE(transcript()->currentTurn(), 3);
}

void TestListen::keysDriveThePlayer()
{
    openReady(QStringLiteral("with-recording"));
    player()->seek(6.0);
    press(Qt::Key_L);
    QTRY_COMPARE(qRound(player()->position()), 11);
    press(Qt::Key_J);
    QTRY_COMPARE(qRound(player()->position()), 6);
    press(Qt::Key_L, Qt::ShiftModifier);
    QTRY_COMPARE(qRound(player()->position()), 7);
    press(Qt::Key_J, Qt::ShiftModifier);
    press(Qt::Key_J, Qt::ShiftModifier);
    QTRY_COMPARE(qRound(player()->position()), 5);
    press(Qt::Key_BracketLeft);
    QCOMPARE(player()->rate(), 0.9);
    press(Qt::Key_Backslash);
    QCOMPARE(player()->rate(), 1.0);
    // Space on a focused button is play/pause too, never a click on the button.
    auto *back = m_window->findChild<PlayerBar *>()->findChildren<QToolButton *>().at(1);
    back->setFocus();
    press(Qt::Key_Space);
    QTRY_VERIFY(player()->isPlaying());
    press(Qt::Key_Space);
    QTRY_VERIFY(!player()->isPlaying());
}

void TestListen::keysNeverFireInATextField()
{
    openReady(QStringLiteral("with-recording"));
    player()->seek(6.0);
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("J L [ ]"));
    QCOMPARE(search->text(), QStringLiteral("J L [ ]"));
    QCOMPARE(qRound(player()->position()), 6);
    QCOMPARE(player()->rate(), 1.0);
    QVERIFY(!player()->isPlaying());
    search->clear();
}

void TestListen::enterPlaysTheSelectedTurnThenPauses()
{
    openReady(QStringLiteral("with-recording"));
    m_window->callPane()->transcript()->selectTurn(2);    // 4.2 – 4.8 s
    transcriptView()->setFocus();
    press(Qt::Key_Return);
    QTRY_VERIFY(player()->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!player()->isPlaying(), 5000);
    QCOMPARE(qRound(player()->position() * 10), 48);
}

void TestListen::currentWordIsHighlighted()
{
    openReady(QStringLiteral("with-recording"));
    // The call as a format that times words delivers it (the store's round trip of
    // words is the store tests' business).
    CallLog timed = recordedCall();
    timed.id = m_window->callPane()->call().id;
    m_window->callPane()->showCall(timed);
    player()->seek(6.1);    // "is" (6.0 – 6.4)
    QTRY_COMPARE(transcript()->currentWord(), 2);
    const QPoint span = transcript()->index(3, TranscriptModel::Text).data(TranscriptModel::CurrentWordRole).toPoint();
    QCOMPARE(span, QPoint(12, 2));     // "Your refund is on its way.": "is" at 12
    player()->seek(4.3);
    QTRY_COMPARE(transcript()->currentTurn(), 2);
    QVERIFY(!transcript()->index(2, TranscriptModel::Text).data(TranscriptModel::CurrentWordRole).isValid());
}

void TestListen::scrollingAwayOffersToFollow()
{
    openReady(QStringLiteral("with-recording"));
    TranscriptPane *pane = m_window->callPane()->transcript();
    // Few short turns fit on screen; make the view short enough to scroll.
    transcriptView()->setFixedHeight(70);
    QTRY_VERIFY(transcriptView()->verticalScrollBar()->maximum() > 0);
    player()->seek(0.6);
    QTRY_COMPARE(transcript()->currentTurn(), 0);
    QVERIFY(pane->isFollowing());
    transcriptView()->verticalScrollBar()->setValue(transcriptView()->verticalScrollBar()->maximum());
    const QRect visible = transcriptView()->viewport()->rect();
    if (!visible.intersects(transcriptView()->visualRect(transcript()->index(0, TranscriptModel::Text)))) {
        QVERIFY(!pane->isFollowing());
        auto *follow = pane->findChild<QToolButton *>(QStringLiteral("followButton"));
        QVERIFY(follow->isVisible());
        QTest::mouseClick(follow, Qt::LeftButton);
        QVERIFY(pane->isFollowing());
        QVERIFY(transcriptView()->viewport()->rect().intersects(
            transcriptView()->visualRect(transcript()->index(0, TranscriptModel::Text))));
    } else {
        QSKIP("the transcript fits on screen at this size");
    }
}

void TestListen::searchHitOpensAtItsTurn()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    QTest::keyClicks(search, QStringLiteral("refund"));
    QTRY_COMPARE(callView()->model()->rowCount(), 1);
    open(QStringLiteral("with-recording"));
    TranscriptPane *pane = m_window->callPane()->transcript();
    QCOMPARE(pane->selectedTurn(), 1);                  // "I am waiting on a refund."
    QCOMPARE(pane->searchTokens(), QStringList{QStringLiteral("refund")});
    search->clear();
}

void TestListen::findInCall()
{
    openReady(QStringLiteral("with-recording"));
    TranscriptPane *pane = m_window->callPane()->transcript();
    press(Qt::Key_F, Qt::ControlModifier);
    QVERIFY(pane->isFinding());
    auto *field = pane->findChild<QLineEdit *>(QStringLiteral("findField"));
    QCOMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(field, QStringLiteral("thank"));
    QCOMPARE(pane->findMatches(), (QList<int>{0, 4}));
    QCOMPARE(pane->selectedTurn(), 0);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(pane->selectedTurn(), 4);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(pane->selectedTurn(), 0);
    // Typing in the find field never drives the player.
    QCOMPARE(player()->position(), 0.0);
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!pane->isFinding());
    QCOMPARE(QApplication::focusWidget(), transcriptView());
}

void TestListen::shortcutsDialogListsTheKeys()
{
    openReady(QStringLiteral("with-recording"));
    QStringList listed;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        for (int row = 0; row < dialog->list()->topLevelItemCount(); ++row)
            listed.append(dialog->list()->topLevelItem(row)->text(0));
        dialog->reject();
    });
    QTest::keyClick(callView(), Qt::Key_Question, Qt::ShiftModifier, -1);
    QTRY_VERIFY(!listed.isEmpty());
    for (const QString &keys : {QStringLiteral("Space"), QStringLiteral("J"), QStringLiteral("L"), QStringLiteral("Shift+J"),
                                QStringLiteral("Shift+L"), QStringLiteral("["), QStringLiteral("]"), QStringLiteral("\\"),
                                QStringLiteral("Enter"), QStringLiteral("Ctrl+F"), QStringLiteral("?")})
        QVERIFY2(listed.contains(keys), qPrintable(keys));
    // Then every menu shortcut (Ctrl+O imports files, …).
    qsizetype menuShortcuts = 0;
    for (QAction *menu : m_window->menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            menuShortcuts += action->shortcut().isEmpty() ? 0 : 1;
    QVERIFY(listed.contains(QStringLiteral("Ctrl+O")));
    QCOMPARE(listed.size(), m_window->keyBindings()->bindings().size() + menuShortcuts);
}

void TestListen::controlsHaveAccessibleNamesAndValues()
{
    openReady(QStringLiteral("with-recording"));
    auto *bar = m_window->findChild<PlayerBar *>();
    auto *slider = bar->findChild<QSlider *>(QStringLiteral("positionSlider"));
    auto *play = bar->findChild<QToolButton *>(QStringLiteral("playButton"));
    auto *speed = bar->findChild<QSpinBox *>(QStringLiteral("speedBox"));
    auto *volume = bar->findChild<QSlider *>(QStringLiteral("volumeSlider"));

    QCOMPARE(accessible(slider)->text(QAccessible::Name), QStringLiteral("Playback position"));
    QCOMPARE(accessible(play)->text(QAccessible::Name), QStringLiteral("Play"));
    QCOMPARE(accessible(speed)->text(QAccessible::Name), QStringLiteral("Playback speed"));
    QCOMPARE(accessible(volume)->text(QAccessible::Name), QStringLiteral("Volume"));
    QCOMPARE(accessible(transcriptView())->text(QAccessible::Name), QStringLiteral("Transcript"));

    player()->seek(3.25);
    QTRY_COMPARE(accessible(slider)->valueInterface()->currentValue().toInt(), 3250);
    press(Qt::Key_BracketRight);
    press(Qt::Key_BracketRight);
    QCOMPARE(accessible(speed)->valueInterface()->currentValue().toInt(), 120);
    player()->setVolume(0.4f);
    QCOMPARE(accessible(volume)->valueInterface()->currentValue().toInt(), 40);
    press(Qt::Key_Space);
    QTRY_COMPARE(accessible(play)->text(QAccessible::Name), QStringLiteral("Pause"));
    press(Qt::Key_Space);
    QTRY_COMPARE(accessible(play)->text(QAccessible::Name), QStringLiteral("Play"));
    // The accessible value moves the player too, as a screen reader would set it.
    accessible(slider)->valueInterface()->setCurrentValue(9000);
    QTRY_COMPARE(qRound(player()->position()), 9);
    press(Qt::Key_Backslash);
}

void TestListen::stereoRecordingOffersChannelSolo()
{
    openReady(QStringLiteral("with-recording"));
    auto *channels = m_window->findChild<QComboBox *>(QStringLiteral("channelsBox"));
    QTRY_VERIFY(channels->isVisible());
    channels->setCurrentIndex(channels->findData(int(PlaybackController::Channels::CallerOnly)));
    emit channels->activated(channels->currentIndex());
    QTRY_VERIFY(player()->playedFile().contains(QStringLiteral("channel1")));
}

void TestListen::callsWithoutRecordingOrTranscriptSaySo()
{
    open(QStringLiteral("no-recording"));
    auto *bar = m_window->findChild<PlayerBar *>();
    QTRY_COMPARE(bar->message(), QStringLiteral("This call has no recording."));
    QTRY_COMPARE(player()->state(), PlaybackController::State::Empty);
    QCOMPARE(transcript()->rowCount(), 1);
    press(Qt::Key_Space);                       // nothing to play: nothing happens
    QVERIFY(!player()->isPlaying());

    open(QStringLiteral("no-transcript"));
    QTRY_COMPARE(player()->state(), PlaybackController::State::Ready);
    QCOMPARE(transcript()->rowCount(), 0);
    QCOMPARE(m_window->callPane()->transcript()->emptyText(),
             QStringLiteral("This call has no transcript (transcription pending)."));
    QVERIFY(bar->message().isEmpty());
}

void TestListen::aRecordingKnownByItsUrlIsDownloadedToPlay()
{
    auto *bar = m_window->findChild<PlayerBar *>();
    open(QStringLiteral("remote"));
    // The call shown before (the first, shown on start) may still be the one loaded.
    QTRY_VERIFY(player()->recording().startsWith(m_dir.filePath(QStringLiteral("downloads"))));
    QTRY_COMPARE(player()->state(), PlaybackController::State::Ready);
    QVERIFY(bar->message().isEmpty());
    QCOMPARE(m_host.requestsFor("/calls/remote.wav"), 1);

    open(QStringLiteral("remote-gone"));
    QTRY_VERIFY(bar->message().contains(QStringLiteral("404")));
    QCOMPARE(player()->state(), PlaybackController::State::Empty);

    // Back to the first: from the cache this time.
    open(QStringLiteral("remote"));
    QTRY_COMPARE(player()->state(), PlaybackController::State::Ready);
    QCOMPARE(m_host.requestsFor("/calls/remote.wav"), 1);
}

QTEST_MAIN(TestListen)
#include "tst_listen.moc"
