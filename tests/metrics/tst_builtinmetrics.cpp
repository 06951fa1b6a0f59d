// Every built-in metric of METRICS.md ("Transcript mode") on hand-made transcripts whose
// right answer is worked out beside them: the edges of each definition (tool turns between
// a question and its answer, overlaps, backchannels, untimed turns, exact thresholds), the
// n/a cases, the explanations' turn numbers, and that evaluation is thread-safe.
#include "metrics/builtinmetrics.h"
#include "metrics/latencymetrics.h"
#include "metrics/metrictext.h"

#include "metricturns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QtConcurrent>

#include <cmath>
#include <limits>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Turns)
Q_DECLARE_METATYPE(MetricEvents)

namespace {

constexpr double NA = std::numeric_limits<double>::quiet_NaN();   // expected: n/a
constexpr double Tolerance = 1e-6;

BuiltinMetricResults evaluate(const Turns &turns, double recordingSeconds = NA, const QString &endedReason = {})
{
    BuiltinMetricInput input;
    input.turns = turns;
    if (!std::isnan(recordingSeconds))
        input.recordingDurationS = recordingSeconds;
    input.callEndedReason = endedReason;
    return BuiltinMetrics::evaluate(input);
}

MetricOutcome outcomeOf(const BuiltinMetricResults &results, const QString &key)
{
    for (const auto &[resultKey, outcome] : results) {
        if (resultKey == key)
            return outcome;
    }
    return MetricOutcome::failure(u"no result for "_s + key);
}

// Empty when `outcome` is the expected number (NA: n/a with a reason), else what is wrong.
QString numberMismatch(const MetricOutcome &outcome, double expected)
{
    if (std::isnan(expected)) {
        if (outcome.isNotApplicable() && !outcome.notApplicableReason.isEmpty())
            return {};
        return u"expected n/a, got %1"_s.arg(outcome.value.toVariant().toString());
    }
    if (!outcome.value.isDouble())
        return u"expected %1, got n/a (%2) %3"_s.arg(expected).arg(outcome.notApplicableReason, outcome.error);
    const double actual = outcome.value.toDouble();
    if (std::abs(actual - expected) <= Tolerance * std::max(1.0, std::abs(expected)))
        return {};
    return u"expected %1, got %2"_s.arg(expected, 0, 'g', 12).arg(actual, 0, 'g', 12);
}

// Empty when `outcome` is the expected JSON value (Null: n/a with a reason).
QString valueMismatch(const MetricOutcome &outcome, const QJsonValue &expected)
{
    if (expected.isNull())
        return numberMismatch(outcome, NA);
    if (outcome.value == expected)
        return {};
    return u"expected %1, got %2 (%3)"_s.arg(expected.toVariant().toString(), outcome.value.toVariant().toString(),
                                              outcome.notApplicableReason);
}

QString eventsMismatch(const MetricEvents &actual, const MetricEvents &expected)
{
    const auto same = [](const MetricEvent &a, const MetricEvent &b) {
        return a.turnIndex == b.turnIndex && std::abs(a.time - b.time) <= Tolerance
               && std::abs(a.duration - b.duration) <= Tolerance;
    };
    const auto text = [](const MetricEvents &events) {
        QStringList items;
        for (const MetricEvent &event : events)
            items << u"{%1, %2, %3}"_s.arg(event.time).arg(event.duration).arg(event.turnIndex);
        return items.join(u", "_s);
    };
    if (actual.size() == expected.size() && std::equal(actual.begin(), actual.end(), expected.begin(), same))
        return {};
    return u"expected [%1], got [%2]"_s.arg(text(expected), text(actual));
}

} // namespace

#define VERIFY_NUMBER(results, key, expected)                                                                          \
    do {                                                                                                               \
        const QString problem = numberMismatch(outcomeOf(results, key), expected);                                    \
        QVERIFY2(problem.isEmpty(), qPrintable(QString(key) + u": "_s + problem));                                     \
    } while (false)

#define VERIFY_VALUE(results, key, expected)                                                                           \
    do {                                                                                                               \
        const QString problem = valueMismatch(outcomeOf(results, key), expected);                                     \
        QVERIFY2(problem.isEmpty(), qPrintable(QString(key) + u": "_s + problem));                                     \
    } while (false)

#define VERIFY_EVENTS(results, key, ...)                                                                               \
    do {                                                                                                               \
        const QString problem = eventsMismatch(outcomeOf(results, key).events, MetricEvents __VA_ARGS__);              \
        QVERIFY2(problem.isEmpty(), qPrintable(QString(key) + u": "_s + problem));                                     \
    } while (false)

class TestBuiltinMetrics : public QObject
{
    Q_OBJECT

private slots:
    void catalogue();
    void evaluateGivesEveryKeyInCatalogueOrder();
    void emptyTranscript_data();
    void emptyTranscript();
    void valuesHaveTheirTypeAndNaIsNeverZero_data();
    void valuesHaveTheirTypeAndNaIsNeverZero();

    void percentile_data();
    void percentile();
    void latency_data();
    void latency();
    void latencyEvents();
    void timeToFirstAudio_data();
    void timeToFirstAudio();
    void interruptions_data();
    void interruptions();
    void callDuration_data();
    void callDuration();
    void talkRatio_data();
    void talkRatio();
    void longestAgentMonologue_data();
    void longestAgentMonologue();
    void silence_data();
    void silence();
    void wordsPerMinute_data();
    void wordsPerMinute();
    void turnCounts();
    void toolCalls_data();
    void toolCalls();
    void endedBy_data();
    void endedBy();
    void voicemail_data();
    void voicemail();
    void infrastructureIssue_data();
    void infrastructureIssue();
    void repetition_data();
    void repetition();

    void explanationNumbers_data();
    void explanationNumbers();
    void explanationsNameTheDecidingTurns();
    void eventsMarkWhatDecided();
    void concurrentEvaluationGivesTheSameResults();
    void twentyTurnCall();
};

void TestBuiltinMetrics::catalogue()
{
    const QStringList keys{
        u"latency_mean_ms"_s, u"latency_p50_ms"_s, u"latency_p90_ms"_s, u"latency_max_ms"_s,
        u"time_to_first_audio_ms"_s, u"interruptions_by_agent"_s, u"interruptions_by_caller"_s, u"call_duration_s"_s,
        u"talk_ratio"_s, u"longest_agent_monologue_s"_s, u"longest_silence_s"_s, u"dead_air_count"_s,
        u"wpm_agent"_s, u"wpm_caller"_s, u"agent_turns"_s, u"caller_turns"_s,
        u"tool_calls"_s, u"tool_call_failures"_s, u"tool_call_success"_s, u"ended_by"_s,
        u"voicemail_detected"_s, u"infrastructure_issue"_s, u"repetition_count"_s,
    };
    QStringList catalogued;
    for (const BuiltinMetricInfo &info : BuiltinMetrics::catalogue()) {
        catalogued << info.key;
        QVERIFY2(!info.name.isEmpty() && !info.description.isEmpty(), qPrintable(info.key));
        QCOMPARE(info.version, 1);
        QCOMPARE(info.enumValues.isEmpty(), info.type != MetricType::Enum);
        QCOMPARE(info.passValue.has_value() && info.type == MetricType::Binary, info.passValue.has_value());
        if (info.type == MetricType::Numeric)
            QVERIFY2(!info.unit.isEmpty(), qPrintable(info.key));
    }
    QCOMPARE(catalogued, keys);

    const BuiltinMetricInfo *p90 = BuiltinMetrics::find(u"latency_p90_ms");
    QVERIFY(p90);
    QCOMPARE(p90->name, u"Latency p90"_s);
    QCOMPARE(p90->unit, u"ms"_s);
    QCOMPARE(BuiltinMetrics::find(u"time_to_first_audio_ms")->name, u"Time to first audio"_s);
    QCOMPARE(BuiltinMetrics::find(u"talk_ratio")->unit, u"0-1"_s);
    QCOMPARE(BuiltinMetrics::find(u"wpm_caller")->unit, u"words/min"_s);
    QCOMPARE(BuiltinMetrics::find(u"ended_by")->type, MetricType::Enum);
    QCOMPARE(BuiltinMetrics::find(u"ended_by")->enumValues,
             QStringList({u"main_agent"_s, u"caller"_s, u"system"_s, u"voicemail"_s, u"unknown"_s}));
    QCOMPARE(BuiltinMetrics::find(u"tool_call_success")->passValue, std::optional<bool>(true));
    QCOMPARE(BuiltinMetrics::find(u"infrastructure_issue")->passValue, std::optional<bool>(false));
    QCOMPARE(BuiltinMetrics::find(u"voicemail_detected")->passValue, std::nullopt);
    QCOMPARE(BuiltinMetrics::find(u"nonexistent"), nullptr);
}

void TestBuiltinMetrics::evaluateGivesEveryKeyInCatalogueOrder()
{
    const BuiltinMetricResults results = evaluate({caller(0, 1), agent(2, 3)});
    QCOMPARE(results.size(), BuiltinMetrics::catalogue().size());
    for (qsizetype i = 0; i < results.size(); ++i)
        QCOMPARE(results[i].first, BuiltinMetrics::catalogue()[i].key);
}

void TestBuiltinMetrics::emptyTranscript_data()
{
    // Counts of nothing are 0; whatever needs a time is n/a; ended_by without a reason is unknown.
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("expected");   // Null: n/a

    const QJsonValue na = QJsonValue::Null;
    const QList<std::pair<QString, QJsonValue>> expected{
        {u"latency_mean_ms"_s, na}, {u"latency_p50_ms"_s, na}, {u"latency_p90_ms"_s, na}, {u"latency_max_ms"_s, na},
        {u"time_to_first_audio_ms"_s, na}, {u"interruptions_by_agent"_s, na}, {u"interruptions_by_caller"_s, na},
        {u"call_duration_s"_s, na}, {u"talk_ratio"_s, na}, {u"longest_agent_monologue_s"_s, na},
        {u"longest_silence_s"_s, na}, {u"dead_air_count"_s, na}, {u"wpm_agent"_s, na}, {u"wpm_caller"_s, na},
        {u"agent_turns"_s, 0.0}, {u"caller_turns"_s, 0.0}, {u"tool_calls"_s, 0.0}, {u"tool_call_failures"_s, 0.0},
        {u"tool_call_success"_s, na}, {u"ended_by"_s, u"unknown"_s}, {u"voicemail_detected"_s, false},
        {u"infrastructure_issue"_s, na}, {u"repetition_count"_s, 0.0},
    };
    QCOMPARE(expected.size(), BuiltinMetrics::catalogue().size());
    for (const auto &[key, value] : expected)
        QTest::newRow(qPrintable(key)) << key << value;
}

void TestBuiltinMetrics::emptyTranscript()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, expected);
    VERIFY_VALUE(evaluate({}), key, expected);
}

void TestBuiltinMetrics::valuesHaveTheirTypeAndNaIsNeverZero_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("recording");

    QTest::newRow("empty") << Turns{} << NA;
    QTest::newRow("untimed") << Turns{agent(0, 0), caller(0, 0), toolCall(u"a"_s, u"lookup"_s)} << NA;
    QTest::newRow("untimed with a recording") << Turns{agent(0, 0), caller(0, 0)} << 30.0;
    QTest::newRow("tools only") << Turns{toolCall(u"a"_s, u"lookup"_s), toolResult(u"a"_s, u"lookup"_s, u"ok"_s)} << NA;
    QTest::newRow("a call") << Turns{agent(0, 2), caller(2.5, 4), toolCall(u"a"_s, u"lookup"_s, 4.2, 4.2),
                                     toolResult(u"a"_s, u"lookup"_s, u"ok"_s, 4.5), agent(5, 9), caller(8, 12)}
                            << 14.0;
}

void TestBuiltinMetrics::valuesHaveTheirTypeAndNaIsNeverZero()
{
    QFETCH(Turns, turns);
    QFETCH(double, recording);
    const BuiltinMetricResults results = evaluate(turns, recording);
    for (const auto &[key, outcome] : results) {
        const BuiltinMetricInfo *info = BuiltinMetrics::find(key);
        QVERIFY(info);
        QVERIFY2(!outcome.explanation.isEmpty(), qPrintable(key));
        QVERIFY2(!outcome.failed(), qPrintable(key));
        QCOMPARE(outcome.source, u"transcript"_s);
        if (outcome.isNotApplicable()) {
            QVERIFY2(!outcome.notApplicableReason.isEmpty(), qPrintable(key));
            continue;
        }
        QVERIFY2(outcome.notApplicableReason.isEmpty(), qPrintable(key));
        switch (info->type) {
        case MetricType::Numeric: QVERIFY2(outcome.value.isDouble(), qPrintable(key)); break;
        case MetricType::Binary: QVERIFY2(outcome.value.isBool(), qPrintable(key)); break;
        case MetricType::Enum: QVERIFY2(info->enumValues.contains(outcome.value.toString()), qPrintable(key)); break;
        case MetricType::Rating: QFAIL("no built-in is a rating"); break;
        }
    }
}

void TestBuiltinMetrics::percentile_data()
{
    QTest::addColumn<QList<double>>("sorted");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");

    // h = (n-1)p; x[floor h] + (h - floor h)(x[ceil h] - x[floor h])
    QTest::newRow("one sample") << QList<double>{5} << 0.9 << 5.0;
    QTest::newRow("two, median halfway") << QList<double>{1, 2} << 0.5 << 1.5;            // h = 0.5
    QTest::newRow("four, median") << QList<double>{1, 2, 3, 4} << 0.5 << 2.5;              // h = 1.5
    QTest::newRow("five, median is the middle") << QList<double>{1, 2, 3, 4, 5} << 0.5 << 3.0;   // h = 2
    QTest::newRow("ten, p90") << QList<double>{10, 20, 30, 40, 50, 60, 70, 80, 90, 100} << 0.9
                              << 91.0;   // h = 8.1: 90 + 0.1 * 10
    QTest::newRow("five, p90") << QList<double>{0.2, 0.4, 0.6, 1.0, 3.0} << 0.9 << 2.2;   // h = 3.6: 1 + 0.6 * 2
    QTest::newRow("p0 is the smallest") << QList<double>{3, 7, 9} << 0.0 << 3.0;
    QTest::newRow("p100 is the largest") << QList<double>{3, 7, 9} << 1.0 << 9.0;
}

void TestBuiltinMetrics::percentile()
{
    QFETCH(QList<double>, sorted);
    QFETCH(double, p);
    QFETCH(double, expected);
    QVERIFY(std::abs(LatencyMetrics::percentileOf(sorted, p) - expected) < 1e-12);
}

void TestBuiltinMetrics::latency_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p90");
    QTest::addColumn<double>("max");

    // Samples 1.0 s and 0.5 s; sorted [0.5, 1.0]: p50 h = 0.5 -> 0.75, p90 h = 0.9 -> 0.95.
    QTest::newRow("two answers") << Turns{caller(0, 2), agent(3, 4), caller(5, 6), agent(6.5, 8)}
                                 << 750.0 << 750.0 << 950.0 << 1000.0;
    // Samples in transcript order 1.0, 0.2, 3.0, 0.6, 0.4; sorted [0.2, 0.4, 0.6, 1.0, 3.0]:
    // mean 5.2 / 5 = 1.04; p50 h = 2 -> 0.6; p90 h = 3.6 -> 1.0 + 0.6 * 2.0 = 2.2.
    QTest::newRow("five answers interpolate")
        << Turns{caller(0, 1), agent(2, 3), caller(4, 5), agent(5.2, 6), caller(7, 8), agent(11, 12),
                 caller(13, 14), agent(14.6, 15), caller(16, 17), agent(17.4, 18)}
        << 1040.0 << 600.0 << 2200.0 << 3000.0;
    // The tool turns are skipped: the answer's nearest preceding speech turn is the caller's.
    QTest::newRow("tool turns between question and answer")
        << Turns{caller(0, 2), toolCall(u"a"_s, u"lookup"_s, 2.5, 2.5), toolResult(u"a"_s, u"lookup"_s, u"ok"_s, 3),
                 agent(4, 5)}
        << 2000.0 << 2000.0 << 2000.0 << 2000.0;
    // 4 - 5 = -1: an overlap, not a sample.
    QTest::newRow("an overlap is not a sample") << Turns{caller(0, 5), agent(4, 6)} << NA << NA << NA << NA;
    QTest::newRow("an overlap beside a sample") << Turns{caller(0, 5), agent(4, 6), caller(7, 8), agent(9, 10)}
                                                << 1000.0 << 1000.0 << 1000.0 << 1000.0;
    QTest::newRow("an agent after an agent") << Turns{agent(0, 1), agent(3, 4)} << NA << NA << NA << NA;
    QTest::newRow("an untimed caller turn") << Turns{caller(0, 0), agent(1, 2)} << NA << NA << NA << NA;
    QTest::newRow("an untimed agent turn") << Turns{caller(0, 1), agent(2, 2)} << NA << NA << NA << NA;
    // The second agent turn's nearest preceding speech turn is the first agent turn.
    QTest::newRow("only the nearest preceding speech turn") << Turns{caller(0, 1), agent(2, 3), agent(5, 6)}
                                                            << 1000.0 << 1000.0 << 1000.0 << 1000.0;
    QTest::newRow("a blank agent turn is no speech turn")
        << Turns{caller(0, 1), agent(1.5, 1.6, u"  "_s), agent(2, 3)} << 1000.0 << 1000.0 << 1000.0 << 1000.0;
    // Transcript order: the agent turn comes after the caller's, so L = 2 - 11 < 0.
    QTest::newRow("transcript order, not time order") << Turns{caller(10, 11), agent(2, 3)} << NA << NA << NA << NA;
    QTest::newRow("an answer at the caller's end is 0") << Turns{caller(0, 1), agent(1, 2)} << 0.0 << 0.0 << 0.0 << 0.0;
    // The later of two caller turns precedes the answer: 4.5 - 4 = 0.5.
    QTest::newRow("two caller turns, then the answer") << Turns{caller(0, 1), caller(2, 4), agent(4.5, 5)}
                                                       << 500.0 << 500.0 << 500.0 << 500.0;
}

void TestBuiltinMetrics::latency()
{
    QFETCH(Turns, turns);
    QFETCH(double, mean);
    QFETCH(double, p50);
    QFETCH(double, p90);
    QFETCH(double, max);
    const BuiltinMetricResults results = evaluate(turns);
    VERIFY_NUMBER(results, u"latency_mean_ms"_s, mean);
    VERIFY_NUMBER(results, u"latency_p50_ms"_s, p50);
    VERIFY_NUMBER(results, u"latency_p90_ms"_s, p90);
    VERIFY_NUMBER(results, u"latency_max_ms"_s, max);
    if (std::isnan(mean))
        QCOMPARE(outcomeOf(results, u"latency_mean_ms"_s).notApplicableReason, u"no timed handoffs"_s);
}

void TestBuiltinMetrics::latencyEvents()
{
    // Samples: 3 - 2 = 1.0 s answering turn 0 (agent turn 1), 6.5 - 6 = 0.5 s (agent turn 3).
    const BuiltinMetricResults results = evaluate({caller(0, 2), agent(3, 4), caller(5, 6), agent(6.5, 8)});
    VERIFY_EVENTS(results, u"latency_mean_ms"_s, {{2, 1.0, 1}, {6, 0.5, 3}});
    VERIFY_EVENTS(results, u"latency_p90_ms"_s, {{2, 1.0, 1}, {6, 0.5, 3}});
    VERIFY_EVENTS(results, u"latency_max_ms"_s, {{2, 1.0, 1}});
}

void TestBuiltinMetrics::timeToFirstAudio_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("expected");

    QTest::newRow("the agent speaks first") << Turns{agent(0.8, 2), caller(3, 4)} << 800.0;
    QTest::newRow("at 0 s") << Turns{agent(0, 1)} << 0.0;
    QTest::newRow("after a tool call") << Turns{toolCall(u"a"_s, u"greet"_s), agent(1.5, 2)} << 1500.0;
    QTest::newRow("a blank caller turn is no speech") << Turns{caller(0, 1, u" "_s), agent(1.2, 2)} << 1200.0;
    QTest::newRow("the caller speaks first") << Turns{caller(0, 1), agent(1.5, 2)} << NA;
    QTest::newRow("the first speech turn is untimed") << Turns{agent(0, 0), agent(1, 2)} << NA;
    QTest::newRow("nothing") << Turns{} << NA;
}

void TestBuiltinMetrics::timeToFirstAudio()
{
    QFETCH(Turns, turns);
    QFETCH(double, expected);
    VERIFY_NUMBER(evaluate(turns), u"time_to_first_audio_ms"_s, expected);
}

void TestBuiltinMetrics::interruptions_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("byAgent");
    QTest::addColumn<double>("byCaller");

    // 0 < 3 < 4 and min(5, 4) - 3 = 1 >= 0.3.
    QTest::newRow("the agent cuts in") << Turns{caller(0, 4), agent(3, 5, u"Let me stop you there."_s)} << 1.0 << 0.0;
    QTest::newRow("an overlap under 0.3 s") << Turns{caller(0, 4), agent(3.8, 5)} << 0.0 << 0.0;   // 4 - 3.8 = 0.2
    QTest::newRow("0.3 s exactly (1.4 - 1.1)") << Turns{caller(0, 1.4), agent(1.1, 3)} << 1.0 << 0.0;
    QTest::newRow("the caller cuts in") << Turns{agent(0, 5), caller(2, 3, u"Wait, one question."_s)} << 0.0 << 1.0;
    QTest::newRow("a backchannel is no interruption") << Turns{agent(0, 5), caller(2, 3, u"Yeah, right."_s)} << 0.0 << 0.0;
    // The agent turn talks over both caller turns but counts once; a caller turn starting
    // inside another caller turn is the same party.
    QTest::newRow("each turn counts once") << Turns{caller(0, 5), caller(1, 6), agent(2, 4)} << 1.0 << 0.0;
    QTest::newRow("starting together is no interruption") << Turns{caller(0, 3), agent(0, 2)} << 0.0 << 0.0;
    QTest::newRow("untimed turns are not compared") << Turns{caller(0, 4), agent(3, 3)} << 0.0 << 0.0;
    // Caller 4 in (0, 5), min(8, 5) - 4 = 1; agent 7 in (4, 8), min(9, 8) - 7 = 1.
    QTest::newRow("both ways") << Turns{agent(0, 5), caller(4, 8, u"No, that is not what I said."_s),
                                        agent(7, 9, u"I understand, let me fix it."_s)}
                               << 1.0 << 1.0;
    // Only the interrupting turn must not be a backchannel.
    QTest::newRow("talking over a backchannel counts") << Turns{caller(0, 4, u"okay"_s), agent(1, 3)} << 1.0 << 0.0;
    QTest::newRow("transcript order does not matter") << Turns{agent(3, 5), caller(0, 4)} << 1.0 << 0.0;
    QTest::newRow("nothing timed") << Turns{caller(0, 0), agent(0, 0)} << NA << NA;
}

void TestBuiltinMetrics::interruptions()
{
    QFETCH(Turns, turns);
    QFETCH(double, byAgent);
    QFETCH(double, byCaller);
    const BuiltinMetricResults results = evaluate(turns);
    VERIFY_NUMBER(results, u"interruptions_by_agent"_s, byAgent);
    VERIFY_NUMBER(results, u"interruptions_by_caller"_s, byCaller);
}

void TestBuiltinMetrics::callDuration_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("recording");
    QTest::addColumn<double>("expected");

    QTest::newRow("the recording's length") << Turns{agent(0, 5), caller(6, 10)} << 63.2 << 63.2;
    QTest::newRow("the largest end of any timed turn") << Turns{agent(0, 5), caller(10, 12), agent(6, 8)} << NA << 12.0;
    QTest::newRow("a timed tool turn counts") << Turns{agent(0, 5), toolCall(u"a"_s, u"lookup"_s, 5, 30)} << NA << 30.0;
    QTest::newRow("an untimed turn does not") << Turns{agent(0, 5), caller(50, 50)} << NA << 5.0;
    QTest::newRow("a recording of 0 s is unknown") << Turns{agent(0, 5)} << 0.0 << 5.0;
    QTest::newRow("nothing timed, but a recording") << Turns{agent(0, 0)} << 30.0 << 30.0;
    QTest::newRow("nothing timed") << Turns{agent(0, 0), caller(0, 0)} << NA << NA;
}

void TestBuiltinMetrics::callDuration()
{
    QFETCH(Turns, turns);
    QFETCH(double, recording);
    QFETCH(double, expected);
    VERIFY_NUMBER(evaluate(turns, recording), u"call_duration_s"_s, expected);
}

void TestBuiltinMetrics::talkRatio_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("recording");
    QTest::addColumn<double>("expected");

    QTest::newRow("half") << Turns{agent(0, 10), caller(10, 20), agent(20, 30)} << 40.0 << 0.5;   // 20 / 40
    // Union [0, 15] = 15 s of a call that lasts until 20 s.
    QTest::newRow("overlapping agent turns count once") << Turns{agent(0, 10), agent(5, 15), caller(16, 20)} << NA
                                                        << 0.75;
    QTest::newRow("an untimed agent turn does not talk") << Turns{agent(0, 10), agent(12, 12), caller(10, 20)} << NA
                                                         << 0.5;
    QTest::newRow("clipped to a shorter recording") << Turns{agent(0, 30)} << 20.0 << 1.0;
    QTest::newRow("only the caller is timed") << Turns{caller(0, 10)} << NA << 0.0;
    QTest::newRow("nothing timed, but a recording") << Turns{agent(0, 0)} << 30.0 << NA;
    QTest::newRow("nothing timed") << Turns{agent(0, 0)} << NA << NA;
}

void TestBuiltinMetrics::talkRatio()
{
    QFETCH(Turns, turns);
    QFETCH(double, recording);
    QFETCH(double, expected);
    VERIFY_NUMBER(evaluate(turns, recording), u"talk_ratio"_s, expected);
}

void TestBuiltinMetrics::longestAgentMonologue_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("expected");

    QTest::newRow("one turn") << Turns{agent(1, 4)} << 3.0;
    QTest::newRow("a pause of 2 s merges") << Turns{agent(0, 5), agent(7, 10)} << 10.0;        // 7 - 5 = 2
    QTest::newRow("a pause over 2 s does not") << Turns{agent(0, 5), agent(7.5, 9)} << 5.0;     // spans 5 and 1.5
    // A 1 s caller turn starting at 5.5, in (5, 7]: spans [0, 5] and [7, 10].
    QTest::newRow("a caller turn in the pause breaks")
        << Turns{agent(0, 5), caller(5.5, 6.5, u"What about Tuesday?"_s), agent(7, 10)} << 5.0;
    QTest::newRow("a backchannel does not break") << Turns{agent(0, 5), caller(5.5, 6.5, u"mm-hmm"_s), agent(7, 10)}
                                                  << 10.0;
    QTest::newRow("a caller turn under 0.5 s does not break")
        << Turns{agent(0, 5), caller(5.5, 5.9, u"No way"_s), agent(7, 10)} << 10.0;   // 0.4 s
    QTest::newRow("a caller turn of 0.5 s breaks") << Turns{agent(0, 5), caller(5.5, 6, u"No way"_s), agent(7, 10)}
                                                   << 5.0;
    // The interval is (span.end, next.start]: a caller starting right at 5 is outside it ...
    QTest::newRow("a caller turn starting at the span's end") << Turns{agent(0, 5), caller(5, 6, u"Hold on"_s), agent(7, 10)}
                                                              << 10.0;
    // ... and one starting right at the next agent turn's start is inside.
    QTest::newRow("a caller turn starting at the next start")
        << Turns{agent(0, 5), caller(7, 8, u"Wait a moment"_s), agent(7, 10)} << 5.0;
    QTest::newRow("an untimed caller turn does not break") << Turns{agent(0, 5), caller(6, 6, u"Hello?"_s), agent(7, 10)}
                                                           << 10.0;
    QTest::newRow("overlapping agent turns merge") << Turns{agent(0, 5), agent(4, 6)} << 6.0;
    QTest::newRow("a chain of three") << Turns{agent(0, 3), agent(4, 6), agent(7.5, 9)} << 9.0;   // pauses 1 and 1.5
    // Spans [0, 2], [10, 20] (pause 16 - 15 = 1), [26, 27].
    QTest::newRow("the longest in the middle")
        << Turns{agent(0, 2), agent(10, 15), agent(16, 20), caller(21, 25, u"Okay but why is that"_s), agent(26, 27)}
        << 10.0;
    QTest::newRow("no timed agent turn") << Turns{caller(0, 5), agent(6, 6)} << NA;
}

void TestBuiltinMetrics::longestAgentMonologue()
{
    QFETCH(Turns, turns);
    QFETCH(double, expected);
    VERIFY_NUMBER(evaluate(turns), u"longest_agent_monologue_s"_s, expected);
}

void TestBuiltinMetrics::silence_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("recording");
    QTest::addColumn<double>("longest");
    QTest::addColumn<double>("deadAir");

    // Gaps [0, 2] = 2, [5, 6] = 1, [8, 12] = 4; only 4 is 3 s or more.
    QTest::newRow("gaps between turns") << Turns{agent(2, 5), caller(6, 8), agent(12, 13)} << NA << 4.0 << 1.0;
    QTest::newRow("leading silence counts") << Turns{agent(3.5, 5), caller(5, 6)} << NA << 3.5 << 1.0;
    QTest::newRow("trailing silence does not") << Turns{agent(0, 5), caller(5, 7)} << 60.0 << 0.0 << 0.0;
    // The caller turn lies inside the agent's: the only gap is [10, 11].
    QTest::newRow("speech inside speech") << Turns{agent(0, 10), caller(2, 3, u"Sure, go on then"_s), agent(11, 12)}
                                          << NA << 1.0 << 0.0;
    QTest::newRow("3 s exactly is dead air (4.1 - 1.1)") << Turns{agent(0, 1.1), caller(4.1, 5)} << NA << 3.0 << 1.0;
    QTest::newRow("2.9 s is not") << Turns{agent(0, 1), caller(3.9, 5)} << NA << 2.9 << 0.0;
    QTest::newRow("a tool turn is no speech") << Turns{agent(0, 1), toolCall(u"a"_s, u"lookup"_s, 1, 5), caller(6, 7)}
                                              << NA << 5.0 << 1.0;   // [1, 6]
    QTest::newRow("untimed speech covers nothing") << Turns{agent(0, 1), caller(2, 2), agent(5, 6)} << NA << 4.0 << 1.0;
    QTest::newRow("in time order, whatever the transcript order") << Turns{caller(6, 8), agent(0, 5)} << NA << 1.0
                                                                  << 0.0;
    // [2, 3] = 1 and [3.5, 5] = 1.5: a backchannel is speech.
    QTest::newRow("a backchannel covers its time") << Turns{agent(0, 2), caller(3, 3.5, u"okay"_s), agent(5, 6)} << NA
                                                   << 1.5 << 0.0;
    // [1, 5] = 4, [6, 10] = 4, [11, 12] = 1.
    QTest::newRow("two dead airs") << Turns{agent(0, 1), caller(5, 6), agent(10, 11), caller(12, 13)} << NA << 4.0 << 2.0;
    QTest::newRow("nothing timed") << Turns{agent(0, 0)} << 60.0 << NA << NA;
}

void TestBuiltinMetrics::silence()
{
    QFETCH(Turns, turns);
    QFETCH(double, recording);
    QFETCH(double, longest);
    QFETCH(double, deadAir);
    const BuiltinMetricResults results = evaluate(turns, recording);
    VERIFY_NUMBER(results, u"longest_silence_s"_s, longest);
    VERIFY_NUMBER(results, u"dead_air_count"_s, deadAir);
}

void TestBuiltinMetrics::wordsPerMinute_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("agent");
    QTest::addColumn<double>("caller");

    // 9 words in 6 s: 9 / (6 / 60) = 90.
    QTest::newRow("two agent turns") << Turns{agent(0, 3, u"one two three four five six"_s),
                                              agent(5, 8, u"seven eight nine"_s)}
                                     << 90.0 << NA;
    // Only the 2 s turn: 4 / (2 / 60) = 120.
    QTest::newRow("turns under 1 s are left out") << Turns{agent(0, 0.5, u"hi there"_s), agent(1, 3, u"a b c d"_s)}
                                                  << 120.0 << NA;
    QTest::newRow("1 s exactly counts") << Turns{agent(0, 1, u"hello there"_s)} << 120.0 << NA;   // 2 / (1 / 60)
    // Well, I, uh, think, so: 5 / (6 / 60) = 50.
    QTest::newRow("punctuation is no word") << Turns{caller(0, 6, u"Well — I, uh... think so!"_s)} << NA << 50.0;
    // 4 / (2 / 60) = 120 and 3 / (3 / 60) = 60.
    QTest::newRow("both") << Turns{agent(0, 2, u"a b c d"_s), caller(3, 6, u"one two three"_s)} << 120.0 << 60.0;
    QTest::newRow("untimed only") << Turns{agent(0, 0, u"a b c"_s), caller(3, 3, u"x y"_s)} << NA << NA;
}

void TestBuiltinMetrics::wordsPerMinute()
{
    QFETCH(Turns, turns);
    QFETCH(double, agent);
    QFETCH(double, caller);
    const BuiltinMetricResults results = evaluate(turns);
    VERIFY_NUMBER(results, u"wpm_agent"_s, agent);
    VERIFY_NUMBER(results, u"wpm_caller"_s, caller);
    if (std::isnan(agent))
        QCOMPARE(outcomeOf(results, u"wpm_agent"_s).notApplicableReason, u"no timed agent turns of 1 s or more"_s);
}

void TestBuiltinMetrics::turnCounts()
{
    // Untimed turns count; a blank text and tool turns do not.
    const BuiltinMetricResults results = evaluate({agent(0, 1), agent(0, 0, u"untimed words"_s), agent(2, 3, u"   "_s),
                                                   caller(4, 5), toolCall(u"a"_s, u"lookup"_s),
                                                   toolResult(u"a"_s, u"lookup"_s, u"ok"_s)});
    VERIFY_NUMBER(results, u"agent_turns"_s, 2.0);
    VERIFY_NUMBER(results, u"caller_turns"_s, 1.0);
    VERIFY_NUMBER(results, u"tool_calls"_s, 1.0);
}

void TestBuiltinMetrics::toolCalls_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("calls");
    QTest::addColumn<double>("failures");
    QTest::addColumn<QJsonValue>("success");   // Null: n/a

    const QJsonObject fine{{u"temperature"_s, 21}};
    QTest::newRow("no tool calls") << Turns{agent(0, 1)} << 0.0 << 0.0 << QJsonValue();
    QTest::newRow("one good call") << Turns{toolCall(u"a"_s, u"get_weather"_s), toolResult(u"a"_s, u"get_weather"_s, fine)}
                                   << 1.0 << 0.0 << QJsonValue(true);
    QTest::newRow("an error result")
        << Turns{toolCall(u"a"_s, u"get_weather"_s),
                 toolResult(u"a"_s, u"get_weather"_s, QJsonObject{{u"error"_s, u"timeout"_s}}),
                 toolCall(u"b"_s, u"book"_s), toolResult(u"b"_s, u"book"_s, u"Booked."_s)}
        << 2.0 << 1.0 << QJsonValue(false);
    QTest::newRow("a missing result") << Turns{toolCall(u"a"_s, u"book"_s)} << 1.0 << 1.0 << QJsonValue(false);
    QTest::newRow("an error paired by name")
        << Turns{toolCall(u""_s, u"lookup"_s), toolResult(u""_s, u"lookup"_s, u"Customer not found"_s)}
        << 1.0 << 1.0 << QJsonValue(false);
    QTest::newRow("a result without a call") << Turns{toolResult(u"a"_s, u"lookup"_s, u"ok"_s)} << 0.0 << 0.0
                                             << QJsonValue();
    QTest::newRow("speech between call and result")
        << Turns{caller(0, 1), toolCall(u"a"_s, u"lookup"_s), agent(1, 2), toolResult(u"a"_s, u"lookup"_s, fine)}
        << 1.0 << 0.0 << QJsonValue(true);
}

void TestBuiltinMetrics::toolCalls()
{
    QFETCH(Turns, turns);
    QFETCH(double, calls);
    QFETCH(double, failures);
    QFETCH(QJsonValue, success);
    const BuiltinMetricResults results = evaluate(turns);
    VERIFY_NUMBER(results, u"tool_calls"_s, calls);
    VERIFY_NUMBER(results, u"tool_call_failures"_s, failures);
    VERIFY_VALUE(results, u"tool_call_success"_s, success);
}

void TestBuiltinMetrics::endedBy_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");

    QTest::newRow("absent") << QString() << u"unknown"_s;
    QTest::newRow("customer") << u"customer-ended-call"_s << u"caller"_s;
    QTest::newRow("user") << u"user_hangup"_s << u"caller"_s;
    QTest::newRow("caller") << u"caller hung up"_s << u"caller"_s;
    QTest::newRow("assistant") << u"assistant-ended-call"_s << u"main_agent"_s;
    QTest::newRow("agent") << u"agent_hangup"_s << u"main_agent"_s;
    QTest::newRow("silence") << u"silence-timed-out"_s << u"system"_s;
    QTest::newRow("max duration") << u"exceeded-max-duration"_s << u"system"_s;
    QTest::newRow("pipeline error") << u"pipeline-error-openai-llm-failed"_s << u"system"_s;
    QTest::newRow("timeout, any case") << u"TIMEOUT"_s << u"system"_s;
    QTest::newRow("voicemail") << u"voicemail"_s << u"voicemail"_s;
    QTest::newRow("machine, any case") << u"Machine_Detected"_s << u"voicemail"_s;
    QTest::newRow("something else") << u"hangup"_s << u"unknown"_s;
    // The first rule that matches wins: voicemail, caller, main_agent, system.
    QTest::newRow("voicemail before caller") << u"customer-reached-voicemail"_s << u"voicemail"_s;
    QTest::newRow("caller before main_agent") << u"testing-agent-hung-up"_s << u"caller"_s;
    QTest::newRow("caller before system") << u"user-error"_s << u"caller"_s;
    QTest::newRow("main_agent before system") << u"assistant-error"_s << u"main_agent"_s;
}

void TestBuiltinMetrics::endedBy()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    VERIFY_VALUE(evaluate({}, NA, reason), u"ended_by"_s, QJsonValue(expected));
}

void TestBuiltinMetrics::voicemail_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("expected");

    QTest::newRow("ended on voicemail") << Turns{} << u"voicemail"_s << true;
    QTest::newRow("a greeting in the first 30 s")
        << Turns{caller(2, 6, u"Hi, you've reached John. Please leave a message after the tone."_s)} << QString() << true;
    QTest::newRow("at 29.9 s") << Turns{agent(0, 5), caller(29.9, 33, u"Sorry, I can't take your call right now"_s)}
                               << QString() << true;
    QTest::newRow("at 30 s it is too late") << Turns{caller(30, 33, u"please leave a message"_s)} << QString() << false;
    QTest::newRow("after 30 s") << Turns{agent(0, 5), caller(31, 35, u"please leave a message"_s)} << QString() << false;
    QTest::newRow("untimed among the first three turns")
        << Turns{agent(0, 0, u"Hello?"_s), caller(0, 0, u"The person you are calling is not available."_s)} << QString()
        << true;
    // Tool turns are turns: the caller's is the fourth.
    QTest::newRow("untimed as the fourth turn")
        << Turns{toolCall(u"a"_s, u"dial"_s), toolResult(u"a"_s, u"dial"_s, u"ok"_s), agent(0, 0, u"Hello?"_s),
                 caller(0, 0, u"Your mailbox is full"_s)}
        << QString() << false;
    QTest::newRow("the agent saying it does not count") << Turns{agent(1, 3, u"Please leave a message after the beep"_s)}
                                                        << QString() << false;
    QTest::newRow("voice mail") << Turns{caller(1, 3, u"Welcome to the Voice Mail of Anna"_s)} << QString() << true;
    QTest::newRow("mailbox") << Turns{caller(1, 3, u"This mailbox is full."_s)} << QString() << true;
    QTest::newRow("cant take your call") << Turns{caller(1, 3, u"I cant take your call"_s)} << QString() << true;
    QTest::newRow("record your message") << Turns{caller(1, 3, u"Record your message now"_s)} << QString() << true;
    QTest::newRow("at the tone") << Turns{caller(1, 3, u"At the tone, the time will be"_s)} << QString() << true;
    QTest::newRow("a caller who answers") << Turns{agent(0, 2), caller(2.5, 4, u"Hi, yes, this is John."_s)} << QString()
                                          << false;
    QTest::newRow("another reason") << Turns{} << u"customer-ended-call"_s << false;
}

void TestBuiltinMetrics::voicemail()
{
    QFETCH(Turns, turns);
    QFETCH(QString, reason);
    QFETCH(bool, expected);
    VERIFY_VALUE(evaluate(turns, NA, reason), u"voicemail_detected"_s, QJsonValue(expected));
}

void TestBuiltinMetrics::infrastructureIssue_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("recording");
    QTest::addColumn<QJsonValue>("expected");   // Null: n/a

    // The caller ends at 2; an agent start in (2, 12] answers.
    QTest::newRow("answered within 10 s") << Turns{caller(0, 2), agent(5, 8)} << 60.0 << QJsonValue(false);
    // No agent start in (2, 12], and the call (18 s) goes on past 12.
    QTest::newRow("unanswered while the call goes on") << Turns{caller(0, 2), agent(15, 18)} << NA << QJsonValue(true);
    QTest::newRow("unanswered, but the call ends within 10 s") << Turns{caller(0, 2)} << 11.0 << QJsonValue(false);
    QTest::newRow("an answer at 10 s exactly") << Turns{caller(0, 2), agent(12, 13)} << NA << QJsonValue(false);
    QTest::newRow("the call ends 10 s after, exactly") << Turns{caller(0, 2)} << 12.0 << QJsonValue(false);
    QTest::newRow("10 s after 2.1 s (12.1)") << Turns{caller(0, 2.1), agent(12.1, 13)} << NA << QJsonValue(false);
    QTest::newRow("an untimed agent turn does not answer") << Turns{caller(0, 2), agent(5, 5), caller(20, 22)} << 60.0
                                                           << QJsonValue(true);
    // The first caller turn is answered at 3; the second (ends 8) never is, and the recording goes on to 30.
    QTest::newRow("the caller's last turn, the recording goes on")
        << Turns{caller(0, 2), agent(3, 5), caller(6, 8)} << 30.0 << QJsonValue(true);
    QTest::newRow("no timed caller turn") << Turns{agent(0, 5), caller(6, 6)} << NA << QJsonValue();
    QTest::newRow("nothing timed") << Turns{agent(0, 0), caller(0, 0)} << NA << QJsonValue();
}

void TestBuiltinMetrics::infrastructureIssue()
{
    QFETCH(Turns, turns);
    QFETCH(double, recording);
    QFETCH(QJsonValue, expected);
    VERIFY_VALUE(evaluate(turns, recording), u"infrastructure_issue"_s, expected);
}

void TestBuiltinMetrics::repetition_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<double>("expected");

    const QString offer = u"I can book you a table for two at seven tonight."_s;
    QTest::newRow("the agent repeats itself")
        << Turns{agent(0, 3, offer), caller(4, 5, u"Hmm, let me think about it."_s), agent(6, 9, offer)} << 1.0;
    QTest::newRow("the caller asked: say that again")
        << Turns{agent(0, 3, offer), caller(4, 5, u"Sorry, can you say that again?"_s), agent(6, 9, offer)} << 0.0;
    QTest::newRow("the caller asked: repeat") << Turns{agent(0, 3, offer), caller(4, 5, u"Could you REPEAT that"_s),
                                                       agent(6, 9, offer)}
                                              << 0.0;
    QTest::newRow("the caller asked: sorry?") << Turns{agent(0, 3, offer), caller(4, 5, u"Sorry?"_s), agent(6, 9, offer)}
                                              << 0.0;
    QTest::newRow("the caller asked: what?") << Turns{agent(0, 3, offer), caller(4, 5, u"What?"_s), agent(6, 9, offer)}
                                             << 0.0;
    QTest::newRow("the caller asked: didn't catch")
        << Turns{agent(0, 3, offer), caller(4, 5, u"I didn't catch that"_s), agent(6, 9, offer)} << 0.0;
    QTest::newRow("the caller asked: didnt hear")
        << Turns{agent(0, 3, offer), caller(4, 5, u"I didnt hear you"_s), agent(6, 9, offer)} << 0.0;
    QTest::newRow("what without a question mark asks nothing")
        << Turns{agent(0, 3, offer), caller(4, 5, u"what time is it"_s), agent(6, 9, offer)} << 1.0;
    // The speech turn just before the repeat is the agent's own.
    QTest::newRow("only the speech turn just before excuses")
        << Turns{agent(0, 3, offer), caller(4, 5, u"Say that again?"_s), agent(6, 7, u"Of course, here it is."_s),
                 agent(8, 11, offer)}
        << 1.0;
    QTest::newRow("tool turns between the request and the repeat")
        << Turns{agent(0, 3, offer), caller(4, 5, u"Could you repeat that?"_s), toolCall(u"a"_s, u"lookup"_s),
                 toolResult(u"a"_s, u"lookup"_s, u"ok"_s), agent(6, 9, offer)}
        << 0.0;
    QTest::newRow("fewer than 5 words") << Turns{agent(0, 1, u"Okay, one moment please."_s),
                                                 agent(2, 3, u"Okay, one moment please."_s)}
                                        << 0.0;
    QTest::newRow("5 words") << Turns{agent(0, 1, u"One moment while I check."_s), agent(2, 3, u"one moment while I check"_s)}
                             << 1.0;
    // 7 words give 5 3-grams; the first 6 of them give 4, all shared: 4 / 5 = 0.8.
    QTest::newRow("similarity 0.8 exactly")
        << Turns{agent(0, 1, u"one two three four five six seven"_s), agent(2, 3, u"one two three four five six"_s)} << 1.0;
    // 5 words: 3 3-grams, all shared: 3 / 5 = 0.6.
    QTest::newRow("similarity 0.6")
        << Turns{agent(0, 1, u"one two three four five six seven"_s), agent(2, 3, u"one two three four five"_s)} << 0.0;
    // 10 words with the last changed: 7 shared of 9 distinct 3-grams = 0.78.
    QTest::newRow("one word changed in ten")
        << Turns{agent(0, 1, u"a b c d e f g h i j"_s), agent(2, 3, u"a b c d e f g h i x"_s)} << 0.0;
    QTest::newRow("case and punctuation do not matter")
        << Turns{agent(0, 1, u"Your order has shipped today."_s), agent(2, 3, u"your ORDER has shipped, today!"_s)} << 1.0;
    QTest::newRow("a caller repeating is no repetition") << Turns{caller(0, 3, offer), caller(4, 7, offer)} << 0.0;
    QTest::newRow("any earlier agent turn")
        << Turns{agent(0, 3, offer), agent(4, 5, u"Is there anything else I can do?"_s), agent(6, 9, offer)} << 1.0;
    QTest::newRow("each repeat counts") << Turns{agent(0, 3, offer), agent(4, 7, offer), agent(8, 11, offer)} << 2.0;
    QTest::newRow("untimed turns count") << Turns{agent(0, 0, offer), agent(0, 0, offer)} << 1.0;
    QTest::newRow("no agent turns") << Turns{caller(0, 1)} << 0.0;
}

void TestBuiltinMetrics::repetition()
{
    QFETCH(Turns, turns);
    QFETCH(double, expected);
    VERIFY_NUMBER(evaluate(turns), u"repetition_count"_s, expected);
}

void TestBuiltinMetrics::explanationNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("float dust") << 12.4 - 10.0 << u"2.4"_s;   // 2.4000000000000004
    QTest::newRow("two decimals") << 0.35 << u"0.35"_s;
    QTest::newRow("rounded") << 0.777 << u"0.78"_s;
    QTest::newRow("whole") << 12.0 << u"12"_s;
    QTest::newRow("zero") << 0.0 << u"0"_s;
    QTest::newRow("no negative zero") << -0.001 << u"0"_s;
    QTest::newRow("negative") << -1.5 << u"-1.5"_s;
    QTest::newRow("large") << 86400.25 << u"86400.25"_s;
    QTest::newRow("huge") << 1e20 << u"1e+20"_s;
}

void TestBuiltinMetrics::explanationNumbers()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(MetricText::number(value), text);
    QCOMPARE(MetricText::seconds(value), text + u" s"_s);
    QCOMPARE(MetricText::turn(4), u"turn 5"_s);
    QCOMPARE(MetricText::quote(u"  abcdef  "_s, 4), u"\"abc…\""_s);
}

void TestBuiltinMetrics::explanationsNameTheDecidingTurns()
{
    {
        // Samples 5.5 - 5 = 0.5 (turn 3 answers turn 2) and 12.4 - 10 = 2.4 (turn 6 answers turn 5).
        const BuiltinMetricResults results = evaluate({agent(0, 2), caller(3, 5), agent(5.5, 8),
                                                       toolCall(u"a"_s, u"lookup"_s, 8, 8), caller(9, 10), agent(12.4, 14)});
        QCOMPARE(outcomeOf(results, u"latency_max_ms"_s).explanation,
                 QStringList{u"Slowest answer: 2.4 s after the caller's turn 5 (turn 6)."_s});
    }
    {
        const BuiltinMetricResults results = evaluate({caller(0, 4), agent(3, 5, u"Let me stop you there."_s)});
        QCOMPARE(outcomeOf(results, u"interruptions_by_agent"_s).explanation.value(1),
                 u"The agent's turn 2 cut into the caller's turn 1, talking over it for 1 s."_s);
    }
    {
        const BuiltinMetricResults results = evaluate({agent(2, 5), caller(6, 8), agent(12, 13)});
        QCOMPARE(outcomeOf(results, u"dead_air_count"_s).explanation.value(1),
                 u"Silence of 4 s from 8 s to 12 s (before turn 3)."_s);
        QCOMPARE(outcomeOf(results, u"longest_silence_s"_s).explanation,
                 QStringList{u"Longest silence: 4 s from 8 s to 12 s (before turn 3), up to the last speech at 13 s."_s});
    }
    {
        const BuiltinMetricResults results = evaluate({agent(0, 5), caller(5.5, 6.5, u"mm-hmm"_s), agent(7, 10)});
        QVERIFY(outcomeOf(results, u"longest_agent_monologue_s"_s)
                    .explanation.value(0)
                    .startsWith(u"Longest agent monologue: 10 s, from 0 s to 10 s: 2 agent turns from turn 1 to turn 3"_s));
    }
    {
        const QString offer = u"I can book you a table for two at seven tonight."_s;
        const BuiltinMetricResults repeated = evaluate({agent(0, 3, offer), caller(4, 5), agent(6, 9, offer)});
        QCOMPARE(outcomeOf(repeated, u"repetition_count"_s).explanation,
                 QStringList{u"The agent's turn 3 repeats turn 1 (similarity 1)."_s});
        const BuiltinMetricResults asked =
            evaluate({agent(0, 3, offer), caller(4, 5, u"Say that again?"_s), agent(6, 9, offer)});
        QCOMPARE(outcomeOf(asked, u"repetition_count"_s).explanation.value(1),
                 u"The agent's turn 3 repeats turn 1 (similarity 1), but the caller asked for it in turn 2."_s);
    }
    {
        const BuiltinMetricResults results = evaluate({toolCall(u"a"_s, u"get_weather"_s),
                                                       toolResult(u"a"_s, u"get_weather"_s,
                                                                  QJsonObject{{u"error"_s, u"timeout"_s}}),
                                                       toolCall(u"b"_s, u"book"_s)});
        QCOMPARE(outcomeOf(results, u"tool_call_failures"_s).explanation,
                 QStringList({u"get_weather (turn 1) returned an error in turn 2 (error is set): \"{\"error\":\"timeout\"}\""_s,
                              u"book (turn 3) got no result."_s}));
        QCOMPARE(outcomeOf(results, u"tool_call_success"_s).explanation.value(0), u"2 of 2 tool call(s) failed."_s);
    }
    {
        const BuiltinMetricResults results = evaluate({}, NA, u"customer-ended-call"_s);
        QCOMPARE(outcomeOf(results, u"ended_by"_s).explanation,
                 QStringList{u"call_ended_reason \"customer-ended-call\" contains \"customer\"."_s});
    }
    {
        const BuiltinMetricResults results = evaluate({agent(0, 2), caller(3, 6, u"Please leave a message after the tone."_s)});
        QCOMPARE(outcomeOf(results, u"voicemail_detected"_s).explanation,
                 QStringList{u"The caller's turn 2 (at 3 s) sounds like a voicemail greeting: it says \"leave a message\"."_s});
    }
    {
        const BuiltinMetricResults results = evaluate({caller(0, 2), agent(15, 18)});
        QCOMPARE(outcomeOf(results, u"infrastructure_issue"_s).explanation,
                 QStringList{u"The caller's turn 1 ends at 2 s and the agent does not start speaking within 10 s, while the "
                             "call goes on to 18 s."_s});
    }
}

void TestBuiltinMetrics::eventsMarkWhatDecided()
{
    {
        const BuiltinMetricResults results =
            evaluate({agent(0.8, 2), caller(2.5, 6), agent(5, 7, u"Let me stop you there."_s)});
        VERIFY_EVENTS(results, u"time_to_first_audio_ms"_s, {{0, 0.8, 0}});
        // min(7, 6) - 5 = 1 s of overlap from 5 s.
        VERIFY_EVENTS(results, u"interruptions_by_agent"_s, {{5, 1, 2}});
    }
    {
        // Gaps [0, 2], [5, 6], [8, 12]: the longest and the only dead air is [8, 12] before turn index 2.
        const BuiltinMetricResults results = evaluate({agent(2, 5), caller(6, 8), agent(12, 13)});
        VERIFY_EVENTS(results, u"longest_silence_s"_s, {{8, 4, 2}});
        VERIFY_EVENTS(results, u"dead_air_count"_s, {{8, 4, 2}});
    }
    {
        const BuiltinMetricResults results = evaluate({agent(1, 5), agent(7, 10)});
        VERIFY_EVENTS(results, u"longest_agent_monologue_s"_s, {{1, 9, 0}});
    }
    {
        const QString offer = u"I can book you a table for two at seven tonight."_s;
        const BuiltinMetricResults results = evaluate({agent(0, 3, offer), caller(4, 5), agent(6, 9, offer)});
        VERIFY_EVENTS(results, u"repetition_count"_s, {{6, 3, 2}});
    }
    {
        // The error marks the result (turn index 1), the missing result its call (turn index 2).
        const BuiltinMetricResults results = evaluate({toolCall(u"a"_s, u"get_weather"_s, 1, 1),
                                                       toolResult(u"a"_s, u"get_weather"_s, u"timeout"_s, 2),
                                                       toolCall(u"b"_s, u"book"_s, 3, 3)});
        VERIFY_EVENTS(results, u"tool_call_failures"_s, {{2, 0, 1}, {3, 0, 2}});
    }
    {
        // Unanswered from the caller's end at 2 s until the agent starts at 15 s.
        const BuiltinMetricResults results = evaluate({caller(0, 2), agent(15, 18)});
        VERIFY_EVENTS(results, u"infrastructure_issue"_s, {{2, 13, 0}});
    }
}

namespace {

// A typical call: 20 turns, greeting, questions, a tool call and its result, goodbye.
Turns twentyTurns(int variant)
{
    const double shift = variant % 7 * 0.1;
    return {
        agent(0.4 + shift, 3.1, u"Hello, thanks for calling Bella Cucina, this is Ava. How can I help?"_s),
        caller(3.6, 6.2, u"Hi, I'd like to book a table for Friday evening."_s),
        agent(7.0, 9.5, u"Sure, for how many people and at what time?"_s),
        caller(10.1, 12.0, u"Four people, around seven thirty."_s),
        toolCall(u"c1"_s, u"check_availability"_s, 12.3, 12.3),
        toolResult(u"c1"_s, u"check_availability"_s, u"{\"available\":[\"19:30\",\"20:00\"]}"_s, 13.0),
        agent(13.4, 16.8, u"Seven thirty on Friday is available for four. Can I have a name for the booking?"_s),
        caller(17.2, 18.0, u"Yeah."_s),
        caller(18.1, 19.4, u"It's Martinez."_s),
        agent(20.0, 22.5, u"Thank you. And a phone number in case we need to reach you?"_s),
        caller(23.0, 26.4, u"Sure, it's five five five, one two three, four five six seven."_s),
        toolCall(u"c2"_s, u"create_booking"_s, 26.8, 26.8),
        toolResult(u"c2"_s, u"create_booking"_s, QJsonObject{{u"status"_s, u"confirmed"_s}, {u"id"_s, 812}}, 27.5),
        agent(28.0, 31.7, u"You're all set: a table for four on Friday at seven thirty under Martinez."_s),
        caller(31.5, 33.0, u"Great, do you have parking?"_s),
        agent(33.6, 37.2, u"Yes, there is free parking behind the restaurant after six."_s),
        caller(37.8, 38.5, u"Perfect, thanks."_s),
        agent(39.0, 41.0, u"Is there anything else I can help you with today?"_s),
        caller(41.6, 42.3, u"No, that's all."_s),
        agent(42.8, 44.5, u"Thank you for calling, see you on Friday. Goodbye!"_s),
    };
}

} // namespace

void TestBuiltinMetrics::concurrentEvaluationGivesTheSameResults()
{
    QList<BuiltinMetricInput> inputs;
    for (int i = 0; i < 400; ++i) {
        BuiltinMetricInput input;
        input.turns = twentyTurns(i);
        if (i % 2 == 0)
            input.recordingDurationS = 45.0 + i % 5;
        input.callEndedReason = i % 3 == 0 ? u"customer-ended-call"_s : u"assistant-ended-call"_s;
        inputs.append(input);
    }
    QList<BuiltinMetricResults> sequential;
    for (const BuiltinMetricInput &input : inputs)
        sequential.append(BuiltinMetrics::evaluate(input));
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    const QList<BuiltinMetricResults> parallel = QtConcurrent::blockingMapped<QList<BuiltinMetricResults>>(
        &pool, inputs, [](const BuiltinMetricInput &input) { return BuiltinMetrics::evaluate(input); });
    QCOMPARE(parallel, sequential);
}

void TestBuiltinMetrics::twentyTurnCall()
{
    BuiltinMetricInput input;
    input.turns = twentyTurns(0);
    input.recordingDurationS = 45.0;
    input.callEndedReason = u"assistant-ended-call"_s;
    const BuiltinMetricResults results = BuiltinMetrics::evaluate(input);
    // Answers: 7.0-6.2, 13.4-12.0 (tools skipped), 20.0-19.4, 28.0-26.4, 33.6-33.0, 39.0-38.5, 42.8-42.3;
    // 31.5 < 31.7 is the caller overlapping, not an answer.
    VERIFY_NUMBER(results, u"latency_max_ms"_s, 1600.0);   // 28.0 - 26.4
    VERIFY_NUMBER(results, u"agent_turns"_s, 8.0);
    VERIFY_NUMBER(results, u"caller_turns"_s, 8.0);
    VERIFY_NUMBER(results, u"tool_calls"_s, 2.0);
    VERIFY_VALUE(results, u"tool_call_success"_s, QJsonValue(true));
    VERIFY_VALUE(results, u"ended_by"_s, QJsonValue(u"main_agent"_s));
    VERIFY_NUMBER(results, u"interruptions_by_caller"_s, 0.0);   // 31.7 - 31.5 = 0.2 < 0.3
    QBENCHMARK {
        BuiltinMetrics::evaluate(input);
    }
}

QTEST_GUILESS_MAIN(TestBuiltinMetrics)
#include "tst_builtinmetrics.moc"
