// METRICS.md "Audio mode": with a stereo recording's speech runs, the time-based built-ins
// are measured on the runs instead of the turns, say so in their source and explanation,
// point their events at the transcript turns the runs lie in, and never name a turn the
// transcript does not have. The others stay on the transcript.
#include "metrics/builtinmetrics.h"

#include "metricturns.h"

#include <QTest>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

namespace {

// A provider's transcript whose times are a second late: the agent greets (turn 1), the
// caller asks (turn 2), the agent answers (turn 3).
Turns transcript()
{
    return {agent(1.0, 3.0, u"Hello, Acme dental, how can I help?"_s),
            caller(4.0, 6.0, u"I need to move my appointment to Friday."_s),
            agent(8.5, 11.0, u"Of course, Friday at ten works."_s)};
}

// What the recording heard: the answer came 1 s after the question, not 2.5 s.
PartySpeech heard()
{
    PartySpeech speech;
    speech.agent = {{0.5, 2.4}, {6.0, 9.8}};
    speech.caller = {{3.2, 5.0}};
    speech.agentChannel = 1;
    speech.channelSource = PartySpeech::ChannelSource::Detected;
    return speech;
}

MetricOutcome outcomeOf(const BuiltinMetricResults &results, const QString &key)
{
    for (const auto &[resultKey, outcome] : results) {
        if (resultKey == key)
            return outcome;
    }
    return MetricOutcome::failure(u"no result for "_s + key);
}

BuiltinMetricResults evaluate(const Turns &turns, const std::optional<PartySpeech> &speech, double recordingSeconds = 12.0)
{
    BuiltinMetricInput input;
    input.turns = turns;
    input.recordingDurationS = recordingSeconds;
    input.recordedSpeech = speech;
    return BuiltinMetrics::evaluate(input);
}

} // namespace

class TstAudioModeMetrics : public QObject
{
    Q_OBJECT

private slots:
    void latencyIsMeasuredOnTheRuns();
    void onlyTheTimeBasedMetricsUseTheRecording();
    void explanationsNameRecordedSpeechNotTurnNumbers();
    void aHeardBackchannelIsStillABackchannel();
    void speechTheTranscriptLacksStillCounts();
    void withoutRunsEverythingIsFromTheTranscript();
};

void TstAudioModeMetrics::latencyIsMeasuredOnTheRuns()
{
    const BuiltinMetricResults results = evaluate(transcript(), heard());
    const MetricOutcome mean = outcomeOf(results, u"latency_mean_ms"_s);
    QCOMPARE(mean.source, u"audio"_s);
    // The caller's run ends at 5.0, the agent's next starts at 6.0.
    QCOMPARE(mean.value.toDouble(), 1000.0);
    QCOMPARE(mean.events.size(), 1);
    QCOMPARE(mean.events.first().time, 5.0);
    QCOMPARE(mean.events.first().turnIndex, 2);   // the run lies in the agent's turn 3
    // The transcript alone says 2.5 s.
    QCOMPARE(outcomeOf(evaluate(transcript(), std::nullopt), u"latency_mean_ms"_s).value.toDouble(), 2500.0);
}

void TstAudioModeMetrics::onlyTheTimeBasedMetricsUseTheRecording()
{
    const BuiltinMetricResults results = evaluate(transcript(), heard());
    const QStringList audio{u"latency_mean_ms"_s, u"latency_p50_ms"_s, u"latency_p90_ms"_s, u"latency_max_ms"_s,
                            u"interruptions_by_agent"_s, u"interruptions_by_caller"_s, u"talk_ratio"_s,
                            u"longest_agent_monologue_s"_s, u"longest_silence_s"_s, u"dead_air_count"_s,
                            u"infrastructure_issue"_s};
    for (const auto &[key, outcome] : results)
        QVERIFY2(outcome.source == (audio.contains(key) ? u"audio"_s : u"transcript"_s), qPrintable(key));

    // Talk ratio: the agent's runs cover 1.9 + 3.8 s of the 12 s recording.
    QCOMPARE(outcomeOf(results, u"talk_ratio"_s).value.toDouble(), 5.7 / 12.0);
    // Longest silence: the second the caller waits for the answer.
    QCOMPARE(outcomeOf(results, u"longest_silence_s"_s).value.toDouble(), 1.0);
    // Time to first audio and the word rates stay with the transcript's turns.
    QCOMPARE(outcomeOf(results, u"time_to_first_audio_ms"_s).value.toDouble(), 1000.0);
    QCOMPARE(outcomeOf(results, u"agent_turns"_s).value.toDouble(), 2.0);
}

void TstAudioModeMetrics::explanationsNameRecordedSpeechNotTurnNumbers()
{
    const BuiltinMetricResults results = evaluate(transcript(), heard());
    const MetricOutcome max = outcomeOf(results, u"latency_max_ms"_s);
    QCOMPARE(max.explanation,
             QStringList({u"Slowest answer: 1 s after the caller's speech at 3.2 s in turn 2 (speech at 6 s in turn 3)."_s,
                          u"Measured on the recording's speech: the agent on channel 2 (detected), the caller on the other."_s}));
    // Four heard runs, three transcript turns: no explanation names a turn 4.
    for (const auto &[key, outcome] : results) {
        for (const QString &line : outcome.explanation)
            QVERIFY2(!line.contains(u"turn 4"_s), qPrintable(key + u": "_s + line));
    }
}

void TstAudioModeMetrics::aHeardBackchannelIsStillABackchannel()
{
    Turns turns{agent(0.0, 6.0, u"Your appointment is on Friday at ten, with doctor Patel, in room four."_s),
                caller(2.0, 2.6, u"Mm-hmm."_s)};
    PartySpeech speech;
    speech.agent = {{0.0, 6.0}};
    speech.caller = {{2.0, 2.7}};
    QCOMPARE(outcomeOf(evaluate(turns, speech, 7.0), u"interruptions_by_caller"_s).value.toDouble(), 0.0);

    // The same run inside a real question interrupts.
    turns[1].content = u"Wait, which doctor is that?"_s;
    const MetricOutcome cutIn = outcomeOf(evaluate(turns, speech, 7.0), u"interruptions_by_caller"_s);
    QCOMPARE(cutIn.value.toDouble(), 1.0);
    QCOMPARE(cutIn.events.first().turnIndex, 1);
    QVERIFY2(cutIn.explanation.contains(
                 u"The caller's speech at 2 s in turn 2 cut into the agent's speech at 0 s in turn 1, talking over it for 0.7 s."_s),
             qPrintable(cutIn.explanation.join(u'|')));
}

void TstAudioModeMetrics::speechTheTranscriptLacksStillCounts()
{
    // The caller spoke at 4-5 s, which the transcript missed: the silence is 3 s, not 5 s.
    const Turns turns{agent(0.0, 1.0), agent(6.0, 7.0)};
    PartySpeech speech;
    speech.agent = {{0.0, 1.0}, {6.0, 7.0}};
    speech.caller = {{4.0, 5.0}};
    const BuiltinMetricResults results = evaluate(turns, speech, 8.0);
    const MetricOutcome silence = outcomeOf(results, u"longest_silence_s"_s);
    QCOMPARE(silence.value.toDouble(), 3.0);
    QCOMPARE(silence.events.first().turnIndex, -1);   // it ends with speech that is in no turn
    QVERIFY2(silence.explanation.first().contains(u"(before speech at 4 s)"_s), qPrintable(silence.explanation.first()));
    QCOMPARE(outcomeOf(results, u"dead_air_count"_s).value.toDouble(), 1.0);
    QCOMPARE(outcomeOf(evaluate(turns, std::nullopt, 8.0), u"longest_silence_s"_s).value.toDouble(), 5.0);
}

void TstAudioModeMetrics::withoutRunsEverythingIsFromTheTranscript()
{
    for (const auto &[key, outcome] : evaluate(transcript(), std::nullopt)) {
        QVERIFY2(outcome.source == u"transcript"_s, qPrintable(key));
        for (const QString &line : outcome.explanation)
            QVERIFY2(!line.startsWith(u"Measured on the recording"_s), qPrintable(key));
    }
}

QTEST_GUILESS_MAIN(TstAudioModeMetrics)
#include "tst_audiomodemetrics.moc"
