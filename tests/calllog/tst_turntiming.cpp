// TurnTiming is what the waveform marks and what timing metrics will count, so its edges
// are pinned here: which caller turn a gap starts at, the strict threshold, tool entries
// in between, unsorted input, and overlaps only between the two speakers.
#include "calllog/turntiming.h"

#include <QTest>

namespace {

Turn turn(Turn::Role role, double start, double end)
{
    Turn t;
    t.role = role;
    t.startTime = start;
    t.endTime = end;
    return t;
}

Turn agent(double start, double end) { return turn(Turn::Role::MainAgent, start, end); }
Turn caller(double start, double end) { return turn(Turn::Role::TestingAgent, start, end); }
Turn tool(double at) { return turn(Turn::Role::FunctionCall, at, at); }

} // namespace

Q_DECLARE_METATYPE(Turns)
Q_DECLARE_METATYPE(TurnGaps)
Q_DECLARE_METATYPE(TurnOverlaps)

class TestTurnTiming : public QObject
{
    Q_OBJECT

private slots:
    void responseGaps_data();
    void responseGaps();
    void thresholdIsAParameter();
    void overlaps_data();
    void overlaps();
    void manyTurnsStayOrdered();
};

void TestTurnTiming::responseGaps_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<TurnGaps>("gaps");

    QTest::newRow("no turns") << Turns{} << TurnGaps{};
    QTest::newRow("quick answer") << Turns{caller(0, 2), agent(3, 5)} << TurnGaps{};
    QTest::newRow("slow answer") << Turns{caller(0, 2), agent(5.4, 7)} << TurnGaps{{2, 5.4, 0, 1}};
    QTest::newRow("exactly the threshold is no gap") << Turns{caller(0, 2), agent(4, 5)} << TurnGaps{};
    QTest::newRow("agent pauses between its own turns")
        << Turns{agent(0, 2), agent(6, 7)} << TurnGaps{};
    QTest::newRow("agent speaks first, caller never answered")
        << Turns{agent(0, 2), caller(10, 11)} << TurnGaps{};
    QTest::newRow("gap counts from the caller's last turn")
        << Turns{caller(0, 1), caller(2, 3), agent(6, 7)} << TurnGaps{{3, 6, 1, 2}};
    QTest::newRow("a long caller turn that ends last wins")
        << Turns{caller(0, 8), caller(2, 3), agent(9, 10)} << TurnGaps{};
    QTest::newRow("tool call before the answer")
        << Turns{caller(0, 1), tool(1.5), turn(Turn::Role::FunctionCallResult, 3, 3), agent(4, 5)}
        << TurnGaps{{1, 4, 0, 3}};
    QTest::newRow("agent talks over the caller") << Turns{caller(0, 5), agent(4, 6)} << TurnGaps{};
    QTest::newRow("each exchange on its own")
        << Turns{caller(0, 1), agent(4, 5), caller(6, 7), agent(7.5, 8), caller(9, 10), agent(13, 14)}
        << TurnGaps{{1, 4, 0, 1}, {10, 13, 4, 5}};
    QTest::newRow("unsorted input") << Turns{agent(5, 6), caller(0, 1)} << TurnGaps{{1, 5, 1, 0}};
}

void TestTurnTiming::responseGaps()
{
    QFETCH(Turns, turns);
    QFETCH(TurnGaps, gaps);
    QCOMPARE(TurnTiming::responseGaps(turns), gaps);
}

void TestTurnTiming::thresholdIsAParameter()
{
    const Turns turns{caller(0, 1), agent(2, 3)};
    QVERIFY(TurnTiming::responseGaps(turns).isEmpty());
    const TurnGaps gaps = TurnTiming::responseGaps(turns, 0.5);
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps[0].duration(), 1.0);
}

void TestTurnTiming::overlaps_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<TurnOverlaps>("overlaps");

    QTest::newRow("no turns") << Turns{} << TurnOverlaps{};
    QTest::newRow("taking turns") << Turns{caller(0, 2), agent(2, 4), caller(4, 5)} << TurnOverlaps{};
    QTest::newRow("agent interrupts") << Turns{caller(0, 3), agent(2, 4)} << TurnOverlaps{{2, 3, 0, 1}};
    QTest::newRow("caller interrupts") << Turns{agent(0, 3), caller(2.5, 4)} << TurnOverlaps{{2.5, 3, 1, 0}};
    QTest::newRow("backchannel inside an agent turn")
        << Turns{agent(0, 10), caller(4, 5)} << TurnOverlaps{{4, 5, 1, 0}};
    QTest::newRow("one agent turn over two caller turns")
        << Turns{caller(0, 2), caller(3, 5), agent(1, 4)} << TurnOverlaps{{1, 2, 0, 2}, {3, 4, 1, 2}};
    // A long caller turn that starts well before short ones must still be found.
    QTest::newRow("long caller turn started earlier")
        << Turns{caller(0, 20), caller(1, 2), agent(15, 16)} << TurnOverlaps{{15, 16, 0, 2}};
    QTest::newRow("same speaker overlapping itself") << Turns{agent(0, 3), agent(1, 4)} << TurnOverlaps{};
    QTest::newRow("tool entries do not speak")
        << Turns{agent(0, 3), turn(Turn::Role::FunctionCall, 1, 2)} << TurnOverlaps{};
}

void TestTurnTiming::overlaps()
{
    QFETCH(Turns, turns);
    QFETCH(TurnOverlaps, overlaps);
    QCOMPARE(TurnTiming::overlaps(turns), overlaps);
}

void TestTurnTiming::manyTurnsStayOrdered()
{
    // 3,000 alternating turns, every fifth answer slow and every seventh interrupting.
    Turns turns;
    double t = 0;
    int slow = 0, interrupting = 0;
    for (int i = 0; i < 1500; ++i) {
        turns.append(caller(t, t + 2));
        t += 2;
        double answer = t + 0.5;
        if (i % 5 == 0) {
            answer = t + 3;
            ++slow;
        } else if (i % 7 == 0) {
            answer = t - 1;
            ++interrupting;
        }
        turns.append(agent(answer, answer + 3));
        t = answer + 3.5;
    }
    const TurnGaps gaps = TurnTiming::responseGaps(turns);
    const TurnOverlaps overlaps = TurnTiming::overlaps(turns);
    QCOMPARE(gaps.size(), slow);
    QCOMPARE(overlaps.size(), interrupting);
    QVERIFY(std::is_sorted(gaps.begin(), gaps.end(), [](auto &a, auto &b) { return a.start < b.start; }));
    QVERIFY(std::is_sorted(overlaps.begin(), overlaps.end(), [](auto &a, auto &b) { return a.start < b.start; }));
}

QTEST_GUILESS_MAIN(TestTurnTiming)
#include "tst_turntiming.moc"
