#include "redact/speechspantimes.h"

#include <QTest>

// SpeechSpanTimes: a span of text to the stretch of audio where it was said, from word
// times when the turn has them and from the turn's own times otherwise.
class TestSpeechSpanTimes : public QObject
{
    Q_OBJECT

private:
    static Turn turn(const QString &content, double start, double end, const TimedWords &words = {})
    {
        Turn turn;
        turn.role = Turn::Role::TestingAgent;
        turn.content = content;
        turn.startTime = start;
        turn.endTime = end;
        turn.words = words;
        return turn;
    }

    // The offsets of `part` in `content`, as a detector would report them.
    static std::pair<qsizetype, qsizetype> spanOf(const QString &content, const QString &part)
    {
        const qsizetype at = content.indexOf(part);
        return {at, at + part.size()};
    }

    // "my card is four one one one." said from 10 s on, one word every half second.
    static Turn spokenTurn()
    {
        return turn(QStringLiteral("My card is four one one one."), 10.0, 13.0,
                    {{QStringLiteral("my"), 10.0, 10.3}, {QStringLiteral("card"), 10.5, 10.8},
                     {QStringLiteral("is"), 11.0, 11.3}, {QStringLiteral("four"), 11.5, 11.8},
                     {QStringLiteral("one"), 12.0, 12.3}, {QStringLiteral("one"), 12.5, 12.8},
                     {QStringLiteral("one."), 13.0, 13.3}});
    }

    static void compareSpan(const AudioSpan &actual, const AudioSpan &expected)
    {
        QVERIFY2(std::abs(actual.start - expected.start) < 1e-9, qPrintable(QString::number(actual.start)));
        QVERIFY2(std::abs(actual.end - expected.end) < 1e-9, qPrintable(QString::number(actual.end)));
        QCOMPARE(actual.estimated, expected.estimated);
    }

private slots:
    void fromWordTimes_data()
    {
        QTest::addColumn<QString>("part");
        QTest::addColumn<double>("startTime");
        QTest::addColumn<double>("endTime");

        QTest::newRow("the digits") << QStringLiteral("four one one one") << 11.5 << 13.3;
        // The three "one"s are told apart by their order, not by their text.
        QTest::newRow("the second one") << QStringLiteral("one one.") << 12.5 << 13.3;
        QTest::newRow("part of a word takes the word") << QStringLiteral("ard") << 10.5 << 10.8;
        QTest::newRow("across the space between words") << QStringLiteral("card is") << 10.5 << 11.3;
    }

    void fromWordTimes()
    {
        QFETCH(QString, part);
        QFETCH(double, startTime);
        QFETCH(double, endTime);
        const Turn spoken = spokenTurn();
        const auto [begin, end] = spanOf(spoken.content, part);
        compareSpan(SpeechSpanTimes::of(spoken, begin, end), {startTime, endTime, false});
    }

    // "a" is a word of its own, not the "a" inside "card".
    void findsWholeWords()
    {
        const Turn spoken = turn(QStringLiteral("card a 4111"), 0.0, 3.0,
                                 {{QStringLiteral("card"), 0.0, 0.5}, {QStringLiteral("a"), 1.0, 1.2},
                                  {QStringLiteral("4111"), 2.0, 3.0}});
        const auto [begin, end] = spanOf(spoken.content, QStringLiteral("4111"));
        compareSpan(SpeechSpanTimes::of(spoken, begin, end), {2.0, 3.0, false});
        compareSpan(SpeechSpanTimes::of(spoken, 5, 6), {1.0, 1.2, false});
    }

    // Written content with spoken words: the words that cannot be found are spread between
    // the ones that can, and the result says it is an estimate.
    void placesWordsNotFoundBetweenTheirNeighbours()
    {
        const Turn spoken = turn(QStringLiteral("call 415-555 now"), 0.0, 4.0,
                                 {{QStringLiteral("call"), 0.0, 0.4}, {QStringLiteral("four"), 0.5, 0.8},
                                  {QStringLiteral("fifteen"), 0.9, 1.5}, {QStringLiteral("five"), 1.6, 1.9},
                                  {QStringLiteral("fifty"), 2.0, 2.4}, {QStringLiteral("five"), 2.5, 2.8},
                                  {QStringLiteral("now"), 3.0, 3.4}});
        const auto [begin, end] = spanOf(spoken.content, QStringLiteral("415-555"));
        compareSpan(SpeechSpanTimes::of(spoken, begin, end), {0.5, 2.8, true});
        // The words around it are still found, and measured.
        compareSpan(SpeechSpanTimes::of(spoken, 13, 16), {3.0, 3.4, false});
    }

    void spreadsTheTurnWithoutWordTimes()
    {
        // 20 characters over 4 s: 0.2 s each.
        const Turn plain = turn(QStringLiteral("card is 4111 please."), 10.0, 14.0);
        const auto [begin, end] = spanOf(plain.content, QStringLiteral("4111"));
        compareSpan(SpeechSpanTimes::of(plain, begin, end), {11.6, 12.4, true});
    }

    // Words without times (both zero) are no better than none.
    void spreadsTheTurnWhenWordsHaveNoTimes()
    {
        const Turn untimed = turn(QStringLiteral("card is 4111 please."), 10.0, 14.0,
                                  {{QStringLiteral("card"), 0, 0}, {QStringLiteral("is"), 0, 0},
                                   {QStringLiteral("4111"), 0, 0}, {QStringLiteral("please."), 0, 0}});
        compareSpan(SpeechSpanTimes::of(untimed, 8, 12), {11.6, 12.4, true});
    }

    void clampsOffsetsToTheContent()
    {
        const Turn plain = turn(QStringLiteral("0123456789"), 0.0, 1.0);
        compareSpan(SpeechSpanTimes::of(plain, -5, 50), {0.0, 1.0, true});
    }

    void emptyTurnGivesItsTimes()
    {
        compareSpan(SpeechSpanTimes::of(turn(QString(), 2.0, 3.0), 0, 0), {2.0, 3.0, true});
    }
};

QTEST_GUILESS_MAIN(TestSpeechSpanTimes)
#include "tst_speechspantimes.moc"
