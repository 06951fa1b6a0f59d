#include "store/whenfinished.h"

#include <QDeadlineTimer>
#include <QPromise>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <vector>

// whenFinished() against futures another thread finishes at the same moment: the case in
// which Qt 6.4's QFuture::then() runs its continuation a second time and crashes.
class TestWhenFinished : public QObject
{
    Q_OBJECT

private slots:
    void runsOnceForFuturesFinishedConcurrently();
    void runsForAnAlreadyFinishedFuture();
    void skipsTheHandlerWhenTheContextIsGone();
};

void TestWhenFinished::runsOnceForFuturesFinishedConcurrently()
{
    constexpr int rounds = 20000;
    // Every promise lives to the end: the finishing thread is still inside finish()
    // when the handler may already have run.
    std::vector<QPromise<int>> promises(rounds);
    QSemaphore handedOver;
    QThread *finisher = QThread::create([&] {
        for (int i = 0; i < rounds; ++i) {
            handedOver.acquire();
            promises[i].addResult(i);
            promises[i].finish();
        }
    });
    finisher->start();

    QObject context;
    int calls = 0;
    int wrongValues = 0;
    for (int i = 0; i < rounds; ++i) {
        promises[i].start();
        const QFuture<int> future = promises[i].future();
        handedOver.release();     // the other thread may finish it from now on
        whenFinished(future, &context, [&, i](const QFuture<int> &done) {
            ++calls;
            if (done.result() != i)
                ++wrongValues;
        });
        // Spins for the watcher's event: a QTRY_ macro would sleep 50 ms per round.
        const QDeadlineTimer deadline(10000);
        while (calls <= i && !deadline.hasExpired())
            QCoreApplication::processEvents();
        QCOMPARE(calls, i + 1);
    }
    QVERIFY(finisher->wait(5000));
    delete finisher;
    QCoreApplication::processEvents();
    QCOMPARE(calls, rounds);
    QCOMPARE(wrongValues, 0);
}

void TestWhenFinished::runsForAnAlreadyFinishedFuture()
{
    QObject context;
    QString seen;
    whenFinished(QtFuture::makeReadyFuture(QStringLiteral("ready")), &context,
                 [&](const QFuture<QString> &done) { seen = done.result(); });
    QTRY_COMPARE(seen, QStringLiteral("ready"));
}

void TestWhenFinished::skipsTheHandlerWhenTheContextIsGone()
{
    QPromise<int> promise;
    promise.start();
    bool called = false;
    {
        QObject context;
        whenFinished(promise.future(), &context, [&](const QFuture<int> &) { called = true; });
    }
    promise.addResult(1);
    promise.finish();
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestWhenFinished)
#include "tst_whenfinished.moc"
