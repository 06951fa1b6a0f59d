#include "item/textmatches.h"
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
    void tracksTheWordBeingHeard();
    void textMatches();

private:
    static Turns sampleTurns();
};

Turns TestTranscriptModel::sampleTurns()
{
    return {
        {Turn::Role::MainAgent, QStringLiteral("Pine Street Dental, how can I help?"), 0.4, 2.9, {}, {}, {}},
        {Turn::Role::TestingAgent, QStringLiteral("Can I move my cleaning to Friday?"), 3.6, 5.8, {}, {}, {}},
        {Turn::Role::FunctionCall, QString(), 6.2, 6.2,
         QJsonObject{{QStringLiteral("id"), QStringLiteral("tc_1")}, {QStringLiteral("name"), QStringLiteral("reschedule")},
                     {QStringLiteral("arguments"), QStringLiteral("{\"day\":\"fri\"}")}}, {}, {}},
        {Turn::Role::FunctionCallResult, QString(), 6.9, 6.9,
         QJsonObject{{QStringLiteral("id"), QStringLiteral("tc_1")}, {QStringLiteral("name"), QStringLiteral("reschedule")},
                     {QStringLiteral("result"), QStringLiteral("ok")}}, {}, {}},
        {Turn::Role::MainAgent, QStringLiteral("Done, Friday at 10am."), 67.3, 69.0, {}, {}, {}},
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

void TestTranscriptModel::tracksTheWordBeingHeard()
{
    Turns turns = sampleTurns();
    // "Can I move my cleaning to Friday?" 3.6 - 5.8 s, a word every 0.3 s.
    const QStringList words = turns[1].content.split(QLatin1Char(' '));
    for (int i = 0; i < words.size(); ++i)
        turns[1].words.append({words.at(i), 3.6 + 0.3 * i, 3.6 + 0.3 * i + 0.25});
    TranscriptModel model;
    model.setTurns(turns);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex text = model.index(1, TranscriptModel::Text);

    model.setCurrentTime(4.3);                        // "move" (4.2 - 4.45)
    QCOMPARE(model.currentWord(), 2);
    QCOMPARE(text.data(TranscriptModel::CurrentWordRole).toPoint(), QPoint(6, 4));
    QVERIFY(text.data(TranscriptModel::HasWordsRole).toBool());
    changes.clear();
    model.setCurrentTime(4.35);                       // the same word: no repaint
    QCOMPARE(changes.count(), 0);
    model.setCurrentTime(4.47);                       // between words: the last one stays lit
    QCOMPARE(model.currentWord(), 2);
    model.setCurrentTime(4.5);                        // "my"
    QCOMPARE(model.currentWord(), 3);
    QCOMPARE(changes.count(), 1);                     // only the Text cell of that row
    QCOMPARE(changes.at(0).at(0).value<QModelIndex>(), text);
    QCOMPARE(changes.at(0).at(2).value<QList<int>>(), QList<int>{TranscriptModel::CurrentWordRole});
    model.setCurrentTime(5.79);                       // after the last word ended, still in the turn
    QCOMPARE(model.currentWord(), -1);
    QVERIFY(!text.data(TranscriptModel::CurrentWordRole).isValid());
    model.setCurrentTime(0.5);                        // a turn without words
    QCOMPARE(model.currentWord(), -1);
    QVERIFY(!model.index(0, TranscriptModel::Text).data(TranscriptModel::HasWordsRole).toBool());
}

void TestTranscriptModel::textMatches()
{
    QCOMPARE(TextMatches::tokens(QStringLiteral("Friday's REFUND!")),
             (QStringList{QStringLiteral("friday"), QStringLiteral("s"), QStringLiteral("refund")}));
    const QString text = QStringLiteral("A refund? Refunds take a day; your refund is sent.");
    QVERIFY(TextMatches::containsAllTokens(text, {QStringLiteral("refund"), QStringLiteral("day")}));
    QVERIFY(!TextMatches::containsAllTokens(text, {QStringLiteral("refund"), QStringLiteral("week")}));
    // Whole tokens, as the index matches them: "Refunds" is not "refund".
    QCOMPARE(TextMatches::tokenSpans(text, {QStringLiteral("refund")}),
             (QList<TextMatches::Span>{{2, 6}, {35, 6}}));
    // Find in call matches anywhere, whatever the case.
    QCOMPARE(TextMatches::occurrences(text, QStringLiteral("REFUND")),
             (QList<TextMatches::Span>{{2, 6}, {10, 6}, {35, 6}}));
    QVERIFY(TextMatches::occurrences(text, QString()).isEmpty());
    // Timed words found in order, their punctuation ignored; a word the text lacks is {-1, 0}.
    QCOMPARE(TextMatches::wordSpans(QStringLiteral("Hi, it's Ava. Hi again."),
                                    {QStringLiteral("hi"), QStringLiteral("it's"), QStringLiteral("Eva"),
                                     QStringLiteral("Ava."), QStringLiteral("Hi")}),
             (QList<TextMatches::Span>{{0, 2}, {4, 4}, {-1, 0}, {9, 3}, {14, 2}}));
}

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
