#include "audio/mainagentchannel.h"
#include "../metrics/metricturns.h"

#include <QTest>

// The Main Agent's channel from a transcript: the channel whose speech falls in the
// agent's turns, not in the caller's; no answer when nothing is timed, nobody speaks in
// the turns, or the channels cannot be told apart.
class TstMainAgentChannel : public QObject
{
    Q_OBJECT

private slots:
    void channelSpeakingInAgentTurns();
    void rightChannelAgent();
    void undecided_data();
    void undecided();
};

namespace {

using MetricTurns::agent;
using MetricTurns::caller;

const QList<Turn> Dialogue{agent(0.5, 3.0), caller(3.5, 5.0),
                           MetricTurns::toolCall(QStringLiteral("t1"), QStringLiteral("lookup"), 5.1, 5.1), agent(5.5, 8.0)};

} // namespace

void TstMainAgentChannel::channelSpeakingInAgentTurns()
{
    const QList<SpeechRuns> channels{{{0.6, 2.9}, {5.6, 7.8}}, {{3.4, 5.1}}};
    QCOMPARE(MainAgentChannel::fromTranscript(channels, Dialogue), std::optional<int>(0));
}

void TstMainAgentChannel::rightChannelAgent()
{
    // The caller's channel also picks up a little of the agent (echo): still channel 1.
    const QList<SpeechRuns> channels{{{3.5, 5.0}, {6.0, 6.3}}, {{0.4, 3.1}, {5.4, 8.0}}};
    QCOMPARE(MainAgentChannel::fromTranscript(channels, Dialogue), std::optional<int>(1));
}

void TstMainAgentChannel::undecided_data()
{
    QTest::addColumn<QList<SpeechRuns>>("channels");
    QTest::addColumn<QList<Turn>>("turns");
    QTest::newRow("no timed turns") << QList<SpeechRuns>{{{0.5, 3.0}}, {}}
                                    << QList<Turn>{agent(0, 0), caller(0, 0)};
    QTest::newRow("silent channels") << QList<SpeechRuns>{{}, {}} << Dialogue;
    QTest::newRow("the same mix on both") << QList<SpeechRuns>{{{0.5, 8.0}}, {{0.5, 8.0}}} << Dialogue;
    QTest::newRow("speech only outside the turns") << QList<SpeechRuns>{{{9.0, 12.0}}, {}} << Dialogue;
    QTest::newRow("no channels") << QList<SpeechRuns>{} << Dialogue;
}

void TstMainAgentChannel::undecided()
{
    QFETCH(QList<SpeechRuns>, channels);
    QFETCH(QList<Turn>, turns);
    QCOMPARE(MainAgentChannel::fromTranscript(channels, turns), std::nullopt);
}

QTEST_GUILESS_MAIN(TstMainAgentChannel)
#include "tst_mainagentchannel.moc"
