#include "item/transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestTranscriptModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void formatsRows();
    void turnAt_data();
    void turnAt();
    void currentTurnRepaintsTwoRows();
    void clearingResetsCurrentTurn();

private:
    static Turns sampleTurns();
};

Turns TestTranscriptModel::sampleTurns()
{
    return {
        {Turn::Role::MainAgent, QStringLiteral("Pine Street Dental, how can I help?"), 0.4, 2.9, {}},
        {Turn::Role::TestingAgent, QStringLiteral("Can I move my cleaning to Friday?"), 3.6, 5.8, {}},
        {Turn::Role::FunctionCall, QString(), 6.2, 6.2,
         QJsonObject{{QStringLiteral("id"), QStringLiteral("tc_1")}, {QStringLiteral("name"), QStringLiteral("reschedule")},
                     {QStringLiteral("arguments"), QStringLiteral("{\"day\":\"fri\"}")}}},
        {Turn::Role::FunctionCallResult, QString(), 6.9, 6.9,
         QJsonObject{{QStringLiteral("id"), QStringLiteral("tc_1")}, {QStringLiteral("name"), QStringLiteral("reschedule")},
                     {QStringLiteral("result"), QStringLiteral("ok")}}},
        {Turn::Role::MainAgent, QStringLiteral("Done, Friday at 10am."), 67.3, 69.0, {}},
    };
}

void TestTranscriptModel::passesModelTester()
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTurns(sampleTurns());
    model.setCurrentTime(4.0);
    model.setTurns({});
    model.setTurns(sampleTurns());
}

void TestTranscriptModel::formatsRows()
{
    TranscriptModel model;
    model.setTurns(sampleTurns());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(TranscriptModel::ColumnCount));
    QCOMPARE(model.data(model.index(4, TranscriptModel::Time)).toString(), QStringLiteral("01:07"));
    QCOMPARE(model.data(model.index(0, TranscriptModel::Speaker)).toString(), QStringLiteral("Agent"));
    QCOMPARE(model.data(model.index(1, TranscriptModel::Speaker)).toString(), QStringLiteral("Caller"));
    QCOMPARE(model.data(model.index(1, TranscriptModel::Speaker), Qt::ToolTipRole).toString(), QStringLiteral("Testing Agent"));
    QCOMPARE(model.data(model.index(2, TranscriptModel::Text)).toString(), QStringLiteral("reschedule({\"day\":\"fri\"})"));
    QCOMPARE(model.data(model.index(3, TranscriptModel::Text)).toString(), QStringLiteral("reschedule → ok"));
    QVERIFY(model.data(model.index(3, 0), TranscriptModel::IsToolRole).toBool());
    QVERIFY(!model.data(model.index(0, 0), TranscriptModel::IsToolRole).toBool());
    QCOMPARE(model.data(model.index(1, 0), TranscriptModel::StartTimeRole).toDouble(), 3.6);
}

void TestTranscriptModel::turnAt_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("row");
    QTest::newRow("before the first turn") << 0.1 << -1;
    QTest::newRow("at the first start") << 0.4 << 0;
    QTest::newRow("in a gap keeps the last turn") << 3.2 << 0;
    QTest::newRow("second turn") << 4.0 << 1;
    QTest::newRow("tool call") << 6.5 << 2;
    QTest::newRow("tool result") << 7.0 << 3;
    QTest::newRow("after the end") << 500.0 << 4;
}

void TestTranscriptModel::turnAt()
{
    QFETCH(double, seconds);
    QFETCH(int, row);
    TranscriptModel model;
    model.setTurns(sampleTurns());
    QCOMPARE(model.turnAt(seconds), row);
    // Same answer when the cached current/next pair is tried first.
    model.setCurrentTurn(1);
    QCOMPARE(model.turnAt(seconds), row);
}

// Moving the playhead must repaint only the turn left and the turn entered.
void TestTranscriptModel::currentTurnRepaintsTwoRows()
{
    TranscriptModel model;
    model.setTurns(sampleTurns());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy current(&model, &TranscriptModel::currentTurnChanged);

    model.setCurrentTime(1.0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(current.takeFirst().at(0).toInt(), 0);
    model.setCurrentTime(2.0);   // same turn: nothing to repaint
    QCOMPARE(changed.count(), 1);

    changed.clear();
    model.setCurrentTime(4.0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(1).at(2).value<QList<int>>(), QList<int>{TranscriptModel::CurrentTurnRole});
    QCOMPARE(model.currentTurn(), 1);
    QVERIFY(model.data(model.index(1, 0), TranscriptModel::CurrentTurnRole).toBool());
    QVERIFY(!model.data(model.index(0, 0), TranscriptModel::CurrentTurnRole).toBool());
}

void TestTranscriptModel::clearingResetsCurrentTurn()
{
    TranscriptModel model;
    model.setTurns(sampleTurns());
    model.setCurrentTime(4.0);
    QSignalSpy current(&model, &TranscriptModel::currentTurnChanged);
    model.clear();
    QCOMPARE(model.currentTurn(), -1);
    QCOMPARE(current.count(), 1);
    QCOMPARE(model.turnAt(4.0), -1);
}

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
