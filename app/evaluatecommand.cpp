#include "evaluatecommand.h"

#include "commandline.h"
#include "metrics/evaluationqueue.h"
#include "metrics/llmjudge.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QElapsedTimer>
#include <QSettings>

int EvaluateCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("calls"), QStringLiteral("Database ids or call_ids."), QStringLiteral("[ID...]"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every stored call."));
    const QCommandLineOption metricKeys(QStringLiteral("metrics"), QStringLiteral("Only these metrics (keys, comma-separated)."),
                                        QStringLiteral("KEY,..."));
    parser.addOptions({all, metricKeys});
    if (const auto exitCode = CommandLine::parse(parser, arguments,
                                                 QStringLiteral("Evaluates metrics on stored calls and waits for the results.")))
        return *exitCode;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(all)) {
        CommandLine::err() << "callscope evaluate: give call ids or --all, not both (see --help)\n";
        return CommandLine::kExitUsage;
    }

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    QList<qint64> metricIds;
    if (parser.isSet(metricKeys)) {
        const QList<MetricDefinition> metrics = reader.metrics();
        for (const QString &key : parser.value(metricKeys).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto found = std::find_if(metrics.cbegin(), metrics.cend(),
                                            [&](const MetricDefinition &metric) { return metric.key == key.trimmed(); });
            if (found == metrics.cend()) {
                CommandLine::err() << "callscope evaluate: --metrics: no metric has the key \"" << key.trimmed() << "\"\n";
                return CommandLine::kExitUsage;
            }
            metricIds.append(found->id);
        }
    }
    QList<qint64> callIds;
    if (parser.isSet(all)) {
        callIds = reader.allCallIds();
    } else {
        for (const QString &name : names) {
            const StoreLookup<CallLog> call = CommandLine::findCall(reader, name);
            if (call.isFailed())
                return CommandLine::storeUnreadable(QStringLiteral("evaluate"), call.error());
            if (call.isNotFound()) {
                CommandLine::err() << "callscope evaluate: no call " << name << '\n';
                return CommandLine::kExitFailed;
            }
            callIds.append(call->id);
        }
    }
    if (reader.failureCount() > 0)
        return CommandLine::storeUnreadable(QStringLiteral("evaluate"), reader.lastError());

    QElapsedTimer clock;
    clock.start();
    EvaluationQueue evaluation(store.get());
    evaluation.setJudge(LlmJudge::configured(LlmJudgeSettings::load(QSettings())));
    evaluation.enqueueIds(callIds, metricIds);
    evaluation.waitForIdle();
    store->flush();
    CommandLine::err() << "evaluated " << callIds.size() << (callIds.size() == 1 ? " call" : " calls") << " ("
                       << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s)\n";
    return 0;
}
