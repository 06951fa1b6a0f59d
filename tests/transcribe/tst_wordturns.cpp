// Words to turns: a party's words run into one turn until a pause, both parties' turns
// merge in time order, and a mono call's segments of one voice join again.
#include "transcribe/wordturns.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

TimedWords words(std::initializer_list<std::tuple<const char16_t *, double, double>> list)
{
    TimedWords all;
    for (const auto &[text, start, end] : list)
        all.append({QString::fromUtf16(text), start, end});
    return all;
}

} // namespace

class TstWordTurns : public QObject
{
    Q_OBJECT

private slots:
    void pausesCutTurns();
    void noWordsNoTurns();
    void mergeKeepsTimeOrder();
    void joinSameRoleKeepsEveryWord();
};

void TstWordTurns::pausesCutTurns()
{
    // 0.5 s between "there" and "how": one turn; 1.2 s before "fine": another.
    const Turns turns = WordTurns::group(words({{u"hello", 0.2, 0.6}, {u"there", 0.65, 1.0}, {u"how", 1.5, 1.7},
                                                {u"are", 1.7, 1.8}, {u"you", 1.8, 2.0}, {u"fine", 3.2, 3.6}}),
                                         Turn::Role::TestingAgent);
    QCOMPARE(turns.size(), 2);
    QCOMPARE(turns[0].content, u"hello there how are you"_s);
    QCOMPARE(turns[0].role, Turn::Role::TestingAgent);
    QCOMPARE(turns[0].startTime, 0.2);
    QCOMPARE(turns[0].endTime, 2.0);
    QCOMPARE(turns[0].words.size(), 5);
    QCOMPARE(turns[1].content, u"fine"_s);
    QCOMPARE(turns[1].words.first().startTime, 3.2);
    // A shorter pause cuts more.
    QCOMPARE(WordTurns::group(turns[0].words, Turn::Role::MainAgent, 0.4).size(), 2);
}

void TstWordTurns::noWordsNoTurns()
{
    QVERIFY(WordTurns::group({}, Turn::Role::MainAgent).isEmpty());
    QVERIFY(WordTurns::joinSameRole({}).isEmpty());
}

void TstWordTurns::mergeKeepsTimeOrder()
{
    const Turns agent = WordTurns::group(words({{u"hi", 0.0, 0.5}, {u"anything", 4.0, 4.6}}), Turn::Role::MainAgent);
    const Turns caller = WordTurns::group(words({{u"yes", 1.0, 1.4}, {u"no", 4.0, 4.3}}), Turn::Role::TestingAgent);
    const Turns merged = WordTurns::merge(agent, caller);
    QCOMPARE(merged.size(), 4);
    QCOMPARE(merged[0].content, u"hi"_s);
    QCOMPARE(merged[1].content, u"yes"_s);
    // Two turns starting together: the agent's first.
    QCOMPARE(merged[2].content, u"anything"_s);
    QCOMPARE(merged[3].content, u"no"_s);
}

void TstWordTurns::joinSameRoleKeepsEveryWord()
{
    Turns segments = WordTurns::group(words({{u"good", 0.0, 0.3}, {u"morning", 0.8, 1.2}, {u"hi", 2.0, 2.2}}),
                                      Turn::Role::MainAgent, 0.4);
    QCOMPARE(segments.size(), 3);
    segments[2].role = Turn::Role::TestingAgent;
    const Turns joined = WordTurns::joinSameRole(segments);
    QCOMPARE(joined.size(), 2);
    QCOMPARE(joined[0].content, u"good morning"_s);
    QCOMPARE(joined[0].startTime, 0.0);
    QCOMPARE(joined[0].endTime, 1.2);
    QCOMPARE(joined[0].words.size(), 2);
    QCOMPARE(joined[1].role, Turn::Role::TestingAgent);
}

QTEST_GUILESS_MAIN(TstWordTurns)
#include "tst_wordturns.moc"
