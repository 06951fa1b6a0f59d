// Measures how fast CallStore stores calls with the FTS index kept current:
//   (a) one call per transaction: upsert, wait for it, next;
//   (b) group commit: queue every upsert, then wait for all;
// and, as a baseline in the same run, the sqlite3 shell inserting the same rows into the
// same schema in one transaction with a per-row FTS trigger. Prints the median of N runs.

#include "store/callstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

QList<CallLog> generateCalls(int count, int turns)
{
    static const QStringList vocabulary = [] {
        QStringList words;
        const char *seed[] = {"appointment", "friday", "refund", "order", "parcel", "cancel", "schedule", "dentist",
                              "please", "thanks", "account", "number", "address", "tomorrow", "morning", "evening",
                              "confirm", "booking", "insurance", "payment", "card", "delivery", "late", "help"};
        for (const char *word : seed)
            words << QString::fromLatin1(word);
        for (int i = 0; i < 2000; ++i)
            words << QStringLiteral("w%1").arg(i);
        return words;
    }();
    QRandomGenerator random(42);
    QList<CallLog> calls;
    calls.reserve(count);
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int c = 0; c < count; ++c) {
        CallLog call;
        call.callId = QStringLiteral("bench-%1").arg(c);
        call.agent = 1 + c % 5;
        call.timestamp = start.addSecs(c * 60);
        call.customerNumber = QStringLiteral("+1555%1").arg(c, 7, 10, QLatin1Char('0'));
        call.metadata = QJsonObject{{QStringLiteral("batch"), c / 100}};
        double time = 0.0;
        for (int t = 0; t < turns; ++t) {
            QStringList words;
            const int length = 6 + int(random.bounded(10));
            for (int w = 0; w < length; ++w)
                words << vocabulary.at(int(random.bounded(vocabulary.size())));
            const double duration = 1.0 + random.bounded(4.0);
            call.turns.append(Turn{t % 2 ? Turn::Role::TestingAgent : Turn::Role::MainAgent,
                                   words.join(QLatin1Char(' ')), time, time + duration, {}, {}});
            time += duration + 0.3;
        }
        calls.append(call);
    }
    return calls;
}

// CPU seconds (user + system) used so far by this process, or by its finished children.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Wall-clock and CPU seconds of one run. On a loaded machine wall time measures the
// load as much as the code; CPU time shows what the same work costs on an idle one.
struct Timing
{
    double wall = -1;
    double cpu = -1;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// wall < 0 on failure.
Timing runStore(const QList<CallLog> &calls, const QString &dir, bool groupCommit)
{
    QString error;
    const QString path = dir + (groupCommit ? QStringLiteral("/group.db") : QStringLiteral("/single.db"));
    auto store = CallStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "cannot open store: %s\n", qPrintable(error));
        return {};
    }
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer timer;
    timer.start();
    if (groupCommit) {
        QList<QFuture<UpsertOutcome>> futures;
        futures.reserve(calls.size());
        for (const CallLog &call : calls)
            futures.append(store->upsert(call));
        for (QFuture<UpsertOutcome> &future : futures) {
            if (!future.result().ok())
                return {};
        }
    } else {
        for (const CallLog &call : calls) {
            if (!store->upsert(call).result().ok())
                return {};
        }
    }
    const Timing timing{timer.nsecsElapsed() / 1e9, cpuSeconds(RUSAGE_SELF) - cpuBefore};
    store.reset();
    return timing;
}

QString sqlText(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The same rows in the same schema (made by CallStore), through the sqlite3 shell.
Timing runSqliteShell(const QList<CallLog> &calls, const QString &dir, const QString &sqlite3)
{
    const QString path = dir + QStringLiteral("/shell.db");
    {
        QString error;
        if (!CallStore::open(path, &error)) {
            std::fprintf(stderr, "cannot create schema: %s\n", qPrintable(error));
            return {};
        }
    }
    const QString script = dir + QStringLiteral("/shell.sql");
    {
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        QTextStream out(&file);
        out << "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\n"
            << "CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN "
               "INSERT INTO turns_fts (rowid, content) VALUES (new.id, new.content); END;\n"
            << "BEGIN;\n";
        for (qint64 agent = 1; agent <= 5; ++agent)
            out << "INSERT INTO agents (key, agent_id, created_at) VALUES ('agent:" << agent << "', " << agent << ", 0);\n";
        qint64 id = 0;
        for (const CallLog &call : calls) {
            ++id;
            out << "INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, customer_number, metadata, "
                   "timestamp, duration, created_at, updated_at) VALUES ("
                << id << ", " << sqlText(call.agentKey()) << ", " << sqlText(call.callId) << ", " << *call.agent
                << ", 'cekura', " << sqlText(call.customerNumber) << ", "
                << sqlText(QString::fromUtf8(QJsonDocument(call.metadata).toJson(QJsonDocument::Compact))) << ", "
                << call.timestamp.toMSecsSinceEpoch() << ", " << call.transcriptDuration() << ", 0, 0);\n";
            int index = 0;
            for (const Turn &turn : call.turns) {
                out << "INSERT INTO turns (call, idx, role, content, start_s, end_s) VALUES (" << id << ", "
                    << index++ << ", " << sqlText(Turn::roleName(turn.role)) << ", " << sqlText(turn.content) << ", "
                    << turn.startTime << ", " << turn.endTime << ");\n";
            }
        }
        out << "COMMIT;\n";
    }
    QProcess process;
    process.setStandardInputFile(script);
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer timer;
    timer.start();
    process.start(sqlite3, {path});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 failed: %s\n", process.readAllStandardError().constData());
        return {};
    }
    return {timer.nsecsElapsed() / 1e9, cpuSeconds(RUSAGE_CHILDREN) - cpuBefore};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callscope-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CallStore upsert throughput"));
    parser.addHelpOption();
    QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Calls per run."), QStringLiteral("n"), QStringLiteral("10000"));
    QCommandLineOption turnsOption(QStringLiteral("turns"), QStringLiteral("Turns per call."), QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (median)."), QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Folder for the databases (default: a temporary one)."), QStringLiteral("path"));
    QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Run one mode only: single, group or shell."), QStringLiteral("mode"));
    parser.addOptions({callsOption, turnsOption, runsOption, dirOption, onlyOption});
    parser.process(app);
    const int count = parser.value(callsOption).toInt();
    const int turns = parser.value(turnsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const QList<CallLog> calls = generateCalls(count, turns);
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    std::printf("bench_store: %d calls x %d turns, FTS5 index current, median of %d runs (SQLite via Qt %s)\n",
                count, turns, runs, qVersion());

    struct Mode { const char *key; const char *name; std::function<Timing(const QString &)> run; std::vector<double> rates; std::vector<double> cpuRates; };
    std::vector<Mode> modes{
        {"single", "CallStore, 1 call per transaction", [&](const QString &dir) { return runStore(calls, dir, false); }, {}, {}},
        {"group", "CallStore, group commit (queued)", [&](const QString &dir) { return runStore(calls, dir, true); }, {}, {}},
    };
    if (!sqlite3.isEmpty())
        modes.push_back({"shell", "sqlite3 shell, 1 transaction, FTS trigger", [&](const QString &dir) { return runSqliteShell(calls, dir, sqlite3); }, {}, {}});
    else
        std::printf("(sqlite3 not found: no baseline)\n");
    if (parser.isSet(onlyOption)) {
        const QString only = parser.value(onlyOption);
        std::erase_if(modes, [&](const Mode &mode) { return only != QLatin1String(mode.key); });
    }

    for (int run = 0; run < runs; ++run) {
        for (Mode &mode : modes) {
            QTemporaryDir temporary;
            const QString dir = parser.isSet(dirOption)
                ? QStringLiteral("%1/run%2-%3").arg(parser.value(dirOption)).arg(run).arg(&mode - modes.data())
                : temporary.path();
            const Timing timing = mode.run(dir);
            if (timing.wall <= 0) {
                std::fprintf(stderr, "%s: failed\n", mode.name);
                return 1;
            }
            mode.rates.push_back(count / timing.wall);
            mode.cpuRates.push_back(count / std::max(timing.cpu, 1e-6));
            std::printf("  run %d  %-42s %8.0f calls/s  (%8.0f per CPU second)\n", run + 1, mode.name,
                        count / timing.wall, count / std::max(timing.cpu, 1e-6));
            std::fflush(stdout);
        }
    }
    double load[3] = {};
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = 0;
        std::fclose(file);
    }
    std::printf("\nmedian (load average %.2f on %d cores; wall-clock rates drop with load, CPU rates do not):\n",
                load[0], QThread::idealThreadCount());
    for (const Mode &mode : modes)
        std::printf("  %-42s %8.0f calls/s  (%8.0f per CPU second)\n", mode.name, median(mode.rates), median(mode.cpuRates));
    if (modes.size() == 3) {
        // modes: single, group, shell
        std::printf("  group commit / sqlite3 shell: %.2fx wall, %.2fx CPU; group commit / 1 per transaction: %.2fx wall\n",
                    median(modes[1].rates) / median(modes[2].rates), median(modes[1].cpuRates) / median(modes[2].cpuRates),
                    median(modes[1].rates) / median(modes[0].rates));
    }
    for (const Mode &mode : modes) {
        if (QLatin1String(mode.key) == QLatin1String("group"))
            std::printf("  target: >= 3000 calls/s with group commit: %s\n", median(mode.rates) >= 3000 ? "met" : "NOT met");
    }
    return 0;
}
