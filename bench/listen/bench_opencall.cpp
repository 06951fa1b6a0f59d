// Opens a 2-hour call with 3,000 turns in the real window (offscreen) and prints the
// milliseconds from selecting it in the call list to its transcript and waveform shown:
//   open_call_cold_ms: X    the first open (peaks computed; the transcript shows first)
//   transcript_cold_ms: X   the first open, to the transcript on screen
//   open_call_3000_turns_ms: X   median of RUNS later opens (peaks from the cache)
//   bench_opencall RECORDING [RUNS]
// RECORDING is the call's audio (bench/listen/run.sh makes a 2-hour MP3).
#include "calldetailpane.h"
#include "item/calllistmodel.h"
#include "item/transcriptmodel.h"
#include "mainwindow.h"
#include "store/callstore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

CallLog longCall(const QString &recordingName)
{
    CallLog call;
    call.callId = QStringLiteral("two-hours");
    call.agent = 1;
    call.timestamp = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    call.recordingPath = recordingName;
    for (int k = 0; k < 3000; ++k) {
        Turn turn;
        turn.role = k % 2 ? Turn::Role::TestingAgent : Turn::Role::MainAgent;
        turn.content = k % 2 ? QStringLiteral("Caller turn %1: I was asking about the order I placed on Friday.").arg(k)
                             : QStringLiteral("Agent turn %1: Let me check that for you, one moment please.").arg(k);
        turn.startTime = k * 2.4;
        turn.endTime = turn.startTime + 1.6;
        call.turns.append(turn);
    }
    call.durationSeconds = 7200;
    return call;
}

CallLog shortCall()
{
    CallLog call;
    call.callId = QStringLiteral("short");
    call.agent = 1;
    call.timestamp = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    Turn hello;
    hello.content = QStringLiteral("Hello.");
    hello.endTime = 1.0;
    call.turns = {hello};
    return call;
}

int rowOf(QTableView *view, const QString &callId)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, CallListModel::CallId).data().toString() == callId)
            return row;
    }
    return -1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("cache"))));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_opencall RECORDING [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 7;

    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(home.filePath(QStringLiteral("calls.db")), &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QDir().mkpath(store->recordingsDir());
    const QString recording = QStringLiteral("two-hours") + QLatin1Char('.') + QFileInfo(QString::fromLocal8Bit(argv[1])).suffix();
    if (!QFile::copy(QString::fromLocal8Bit(argv[1]), QDir(store->recordingsDir()).filePath(recording))) {
        std::fprintf(stderr, "cannot copy %s\n", argv[1]);
        return 1;
    }
    store->upsertMany({longCall(recording), shortCall()}).waitForFinished();
    store->flush();

    MainWindow window(store.get());
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "the window was not shown\n");
        return 1;
    }
    auto *list = window.findChild<QTableView *>(QStringLiteral("callList"));
    const bool listed = QTest::qWaitFor([&] {
        return list->model()->rowCount() == 2 && list->model()->index(1, 0).data(CallListModel::LoadedRole).toBool();
    }, 10000);
    if (!listed) {
        std::fprintf(stderr, "the call list did not load\n");
        return 1;
    }
    CallDetailPane *pane = window.callPane();

    // Selecting the call, then until its turns are in the view and its waveform drawn.
    const auto open = [&](const QString &callId, double *transcriptMs) {
        QSignalSpy waveform(pane, &CallDetailPane::waveformReady);
        QElapsedTimer timer;
        timer.start();
        list->selectRow(rowOf(list, callId));
        while (pane->call().callId != callId || window.transcriptModel()->rowCount() != pane->call().turns.size())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents();      // the transcript painted
        if (transcriptMs)
            *transcriptMs = double(timer.nsecsElapsed()) / 1e6;
        while (waveform.isEmpty())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents();      // the waveform painted
        return double(timer.nsecsElapsed()) / 1e6;
    };

    double transcriptCold = 0;
    const double cold = open(QStringLiteral("two-hours"), &transcriptCold);
    QList<double> warm;
    for (int run = 0; run < runs; ++run) {
        open(QStringLiteral("short"), nullptr);
        warm.append(open(QStringLiteral("two-hours"), nullptr));
    }
    std::printf("transcript_cold_ms: %.1f\n", transcriptCold);
    std::printf("open_call_cold_ms: %.1f\n", cold);
    std::printf("open_call_3000_turns_ms: %.1f\n", median(warm));
    return 0;
}
