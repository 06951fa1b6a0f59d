// Measures the metrics engine on generated calls of 20 turns (answers 0.4-3 s after the
// caller, a tool call in one call of three, an interruption now and then):
//   evaluate: every built-in on every call, in memory, one thread (calls/s);
//   queue:    EvaluationQueue over every stored call, reading them back and storing 23
//             results each through the writer, as `callscope evaluate --all` does (calls/s);
//   store:    storing the same calls without evaluation, the baseline the queue adds to.
// Prints the median of --runs runs of each.
//   build/bench/metrics/bench_metrics --calls 100000 --runs 3

#include "metrics/builtinmetrics.h"
#include "metrics/evaluationqueue.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

QList<CallLog> generateCalls(int count)
{
    static const QStringList words{QStringLiteral("appointment"), QStringLiteral("friday"), QStringLiteral("refund"),
                                   QStringLiteral("order"), QStringLiteral("please"), QStringLiteral("thanks"),
                                   QStringLiteral("account"), QStringLiteral("number"), QStringLiteral("address"),
                                   QStringLiteral("tomorrow"), QStringLiteral("confirm"), QStringLiteral("booking"),
                                   QStringLiteral("yeah"), QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("to")};
    QRandomGenerator random(7);
    const auto sentence = [&](int length) {
        QStringList parts;
        for (int i = 0; i < length; ++i)
            parts.append(words.at(random.bounded(int(words.size()))));
        return parts.join(QLatin1Char(' ')) + QLatin1Char('.');
    };
    QList<CallLog> calls;
    calls.reserve(count);
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int c = 0; c < count; ++c) {
        CallLog call;
        call.callId = QStringLiteral("metrics-%1").arg(c);
        call.agent = 1 + c % 20;
        call.timestamp = start.addSecs(c * 30);
        call.callEndedReason = c % 5 == 0 ? QStringLiteral("assistant-ended-call") : QStringLiteral("customer-ended-call");
        double t = 0.5;
        for (int i = 0; i < 20; ++i) {
            Turn turn;
            if (c % 3 == 0 && i == 9) {
                turn.role = Turn::Role::FunctionCall;
                turn.startTime = turn.endTime = t;
                turn.data = {{QStringLiteral("id"), QStringLiteral("tc")}, {QStringLiteral("name"), QStringLiteral("lookup")}};
            } else if (c % 3 == 0 && i == 10) {
                turn.role = Turn::Role::FunctionCallResult;
                turn.startTime = turn.endTime = t + 0.2;
                turn.data = {{QStringLiteral("id"), QStringLiteral("tc")}, {QStringLiteral("name"), QStringLiteral("lookup")},
                             {QStringLiteral("result"), QStringLiteral("{\"ok\":true}")}};
            } else {
                turn.role = i % 2 == 0 ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
                turn.content = sentence(3 + random.bounded(12));
                // An answer 0.4-3 s after the caller; now and then the agent starts early.
                const double gap = random.bounded(10) == 0 ? -0.6 : 0.4 + random.bounded(26) / 10.0;
                turn.startTime = std::max(0.0, t + gap);
                turn.endTime = turn.startTime + 1.0 + random.bounded(40) / 10.0;
                t = turn.endTime;
            }
            call.turns.append(turn);
        }
        calls.append(call);
    }
    return calls;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Calls (default 100000)."), QStringLiteral("N"),
                                         QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (default 3)."), QStringLiteral("N"),
                                        QStringLiteral("3"));
    parser.addOptions({callsOption, runsOption});
    parser.process(app);
    const int count = parser.value(callsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const QList<CallLog> calls = generateCalls(count);
    std::printf("%d calls of 20 turns, %d runs, median calls/s\n", count, runs);

    std::vector<double> evaluateRates;
    std::vector<double> storeRates;
    std::vector<double> queueRates;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        qsizetype results = 0;
        for (const CallLog &call : calls) {
            BuiltinMetricInput input;
            input.turns = call.turns;
            input.callEndedReason = call.callEndedReason;
            results += BuiltinMetrics::evaluate(input).size();
        }
        evaluateRates.push_back(count / (timer.nsecsElapsed() / 1e9));
        if (results != qsizetype(count) * BuiltinMetrics::catalogue().size())
            std::fprintf(stderr, "unexpected result count %lld\n", static_cast<long long>(results));

        QTemporaryDir dir;
        std::unique_ptr<CallStore> store = CallStore::open(dir.filePath(QStringLiteral("metrics.db")));
        timer.restart();
        for (qsizetype first = 0; first < calls.size(); first += 500)
            store->upsertMany(calls.mid(first, 500));
        store->flush();
        storeRates.push_back(count / (timer.nsecsElapsed() / 1e9));

        const QList<qint64> ids = CallReader(store->databasePath()).allCallIds();
        EvaluationQueue queue(store.get());
        timer.restart();
        queue.enqueueIds(ids);
        queue.waitForIdle();
        store->flush();
        queueRates.push_back(count / (timer.nsecsElapsed() / 1e9));
        std::printf("run %d: evaluate %.0f, store %.0f, queue (read + evaluate + store results) %.0f\n", run + 1,
                    evaluateRates.back(), storeRates.back(), queueRates.back());
    }
    std::printf("median: evaluate %.0f calls/s (%.1f us a call), store %.0f calls/s, queue %.0f calls/s\n",
                median(evaluateRates), 1e6 / median(evaluateRates), median(storeRates), median(queueRates));
    return 0;
}
