// The call list at a million calls (issue 10). On a database of --calls calls
// (default 1,000,000; generated once into --db from bench/list/generate.sql: three turns
// a call, "escalation" in a third of the turns, "zeppelin" in five) it prints medians of
// --runs runs, each against the plain first page measured in the same run:
//   reader   first pages (200 rows, as the app's list reads them) of the plain list, a
//            status filter, unreviewed, each sort both ways, a common and a rare search
//            word (and, for comparison, the common word the way before: every match
//            gathered first), and the counts and facet counts that arrive later;
//            thread CPU ms, so other load on the machine does not count.
//   cli      `callscope list` (50 rows): wall ms until the table is printed, and until
//            the process ends (the "(N of M)" footer needs the count).
//   app      MainWindow offscreen: wall ms from creating the window to its first rows
//            painted, the same for a common and a rare search, and the RSS after
//            scrolling the whole list to its end.

#include "item/calllistmodel.h"
#include "mainwindow.h"
#include "store/calllistsql.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "../common/sqlscript.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double wallMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Median CPU ms of each of `work`, run in turns `runs` times after one warm-up.
std::vector<double> timeInTurns(const std::vector<std::function<void()>> &work, int runs)
{
    std::vector<std::vector<double>> samples(work.size());
    for (const auto &one : work)
        one();
    for (int run = 0; run < runs; ++run) {
        for (std::size_t i = 0; i < work.size(); ++i) {
            const double before = threadCpuMs();
            work[i]();
            samples[i].push_back(threadCpuMs() - before);
        }
    }
    std::vector<double> medians;
    for (const auto &s : samples)
        medians.push_back(median(s));
    return medians;
}

bool generate(const QString &path, int calls)
{
    QString error;
    if (!CallStore::open(path, &error)) {
        std::fprintf(stderr, "cannot create the schema: %s\n", qPrintable(error));
        return false;
    }
    return runSqlScript(path, QStringLiteral(CALLSCOPE_SOURCE_DIR "/bench/list/generate.sql"),
                        {{QStringLiteral(":calls"), QString::number(calls)}});
}

CallQuery firstPage()
{
    CallQuery query;
    query.limit = CallListModel::kPageSize;
    return query;
}

void runReader(const QString &path, int runs)
{
    CallReader reader(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench.before"));
    db.setDatabaseName(path);
    db.open();
    const auto page = [&](const CallQuery &query) {
        return [&reader, query] {
            if (reader.list(query).isEmpty())
                std::fprintf(stderr, "empty page: %s\n", qPrintable(reader.lastError()));
        };
    };
    // The search as list() ran it before: every matching turn's call gathered first.
    const auto before = [&db](const QString &word) {
        return [&db, word] {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT c.* FROM calls c LEFT JOIN agents a ON a.key = c.agent_key WHERE "
                                         "c.id IN (SELECT t.call FROM turns t WHERE t.id IN (SELECT rowid FROM turns_fts "
                                         "WHERE turns_fts MATCH ?)) ORDER BY c.timestamp DESC, c.id DESC LIMIT 200"));
            query.addBindValue(QStringLiteral("\"%1\"").arg(word));
            query.exec();
            while (query.next()) {}
        };
    };

    std::vector<std::pair<QString, CallQuery>> cases;
    cases.push_back({QStringLiteral("plain list (baseline)"), firstPage()});
    CallQuery status = firstPage();
    status.status = ReviewStatus::Failure;
    cases.push_back({QStringLiteral("status = failure"), status});
    CallQuery unreviewed = firstPage();
    unreviewed.reviewed = false;
    cases.push_back({QStringLiteral("unreviewed"), unreviewed});
    CallQuery agents = firstPage();
    agents.agentKeys = {QStringLiteral("agent:3"), QStringLiteral("agent:11")};
    cases.push_back({QStringLiteral("two agents"), agents});
    CallQuery labelled = firstPage();
    labelled.hasLabels = true;
    cases.push_back({QStringLiteral("has labels"), labelled});
    for (const QString &name : CallListSql::sortFieldNames()) {
        for (bool descending : {false, true}) {
            CallQuery sorted = firstPage();
            sorted.sort = {*CallListSql::sortFieldFromName(name), descending};
            cases.push_back({QStringLiteral("sort %1%2").arg(descending ? QStringLiteral("-") : QString(), name), sorted});
        }
    }
    CallQuery deep = firstPage();
    deep.sort = {CallSortField::Customer, false};
    deep.offset = 600000;
    cases.push_back({QStringLiteral("sort customer, row 600,000"), deep});
    for (const char *word : {"escalation", "zeppelin"}) {
        CallQuery search = firstPage();
        search.search = QString::fromLatin1(word);
        cases.push_back({QStringLiteral("search %1").arg(QLatin1String(word)), search});
        search.sort = {CallSortField::Duration, true};
        cases.push_back({QStringLiteral("search %1, sort -duration").arg(QLatin1String(word)), search});
    }
    CallQuery both = firstPage();
    both.search = QStringLiteral("escalation");
    both.status = ReviewStatus::Success;
    cases.push_back({QStringLiteral("search escalation + status = success"), both});

    std::vector<std::function<void()>> work;
    for (const auto &entry : cases)
        work.push_back(page(entry.second));
    work.push_back(before(QStringLiteral("escalation")));
    work.push_back(before(QStringLiteral("zeppelin")));
    const std::vector<double> ms = timeInTurns(work, runs);
    const double baseline = ms[0];
    std::printf("reader, first page of %d rows (CPU ms, median of %d)\n", CallListModel::kPageSize, runs);
    for (std::size_t i = 0; i < cases.size(); ++i)
        std::printf("  %-42s %8.2f   x%.2f\n", qPrintable(cases[i].first), ms[i], ms[i] / baseline);
    std::printf("  %-42s %8.2f   x%.2f\n", "search escalation, the way before", ms[cases.size()], ms[cases.size()] / baseline);
    std::printf("  %-42s %8.2f   x%.2f\n", "search zeppelin, the way before", ms[cases.size() + 1], ms[cases.size() + 1] / baseline);

    CallQuery common;
    common.search = QStringLiteral("escalation");
    const std::vector<double> later = timeInTurns(
        {[&] { reader.count({}); }, [&] { reader.count(status); }, [&] { reader.count(common); },
         [&] { reader.agentCounts({}); }, [&] { reader.endedReasonCounts({}); }, [&] { reader.agentCounts(status); }},
        std::max(1, runs / 2));
    std::printf("arriving later (CPU ms)\n");
    std::printf("  count, plain %.1f   status = failure %.1f   search escalation %.1f\n", later[0], later[1], later[2]);
    std::printf("  facets: agents %.1f   ended reasons %.1f   agents with status = failure %.1f\n", later[3], later[4],
                later[5]);
}

void runCli(const QString &path, const QString &binary, int runs)
{
    // Wall ms to the table's last row printed, and to the exit.
    const auto run = [&](const QStringList &arguments, double *tableMs) {
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(binary, QStringList{QStringLiteral("list"), QStringLiteral("--db"), path} + arguments);
        QByteArray out;
        *tableMs = -1;
        while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
            process.waitForReadyRead(1);
            out += process.readAllStandardOutput();
            if (*tableMs < 0 && out.count('\n') >= 51)   // the header and 50 rows
                *tableMs = wallMs(timer);
            if (process.state() == QProcess::NotRunning && process.bytesAvailable() == 0)
                break;
        }
        process.waitForFinished();
        if (*tableMs < 0)
            *tableMs = wallMs(timer);
        return wallMs(timer);
    };
    const QList<QStringList> commands{{}, {QStringLiteral("--search"), QStringLiteral("escalation")},
                                      {QStringLiteral("--search"), QStringLiteral("zeppelin")},
                                      {QStringLiteral("--sort"), QStringLiteral("-duration")},
                                      {QStringLiteral("--reviewed"), QStringLiteral("no")}};
    std::vector<std::vector<double>> table(commands.size()), total(commands.size());
    for (int r = 0; r <= runs; ++r) {
        for (qsizetype i = 0; i < commands.size(); ++i) {
            double tableMs = 0;
            const double all = run(commands[i], &tableMs);
            if (r > 0) {
                table[i].push_back(tableMs);
                total[i].push_back(all);
            }
        }
    }
    std::printf("callscope list (wall ms, median of %d): table printed / process done\n", runs);
    const double baseline = median(table[0]);
    for (qsizetype i = 0; i < commands.size(); ++i) {
        std::printf("  %-30s %8.1f  x%.2f   %8.1f\n",
                    qPrintable(commands[i].isEmpty() ? QStringLiteral("(plain)") : commands[i].join(QLatin1Char(' '))),
                    median(table[i]), median(table[i]) / baseline, median(total[i]));
    }
}

long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    return true;
}

int runApp(CallStore *store, int runs)
{
    const auto rowsShown = [](QTableView *list) {
        return list->model()->rowCount() > 0 && list->model()->index(0, 0).data(CallListModel::LoadedRole).toBool();
    };
    // From creating the window to its first rows painted.
    std::vector<double> firstPaint;
    for (int r = 0; r <= runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        MainWindow window(store);
        window.show();
        auto *list = window.findChild<QTableView *>(QStringLiteral("callList"));
        if (!waitFor([&] { return rowsShown(list); }))
            return 1;
        list->viewport()->repaint();
        if (r > 0)
            firstPaint.push_back(wallMs(timer));
    }

    MainWindow window(store);
    window.show();
    auto *list = window.findChild<QTableView *>(QStringLiteral("callList"));
    CallListModel *model = window.callListModel();
    waitFor([&] { return rowsShown(list); });
    // A new query in the open window, to its first rows painted.
    const auto shown = [&](const CallQuery &query) {
        QElapsedTimer timer;
        timer.start();
        model->setQuery(query);
        waitFor([&] { return rowsShown(list); });
        list->viewport()->repaint();
        return wallMs(timer);
    };
    CallQuery plain, common, rare;
    common.search = QStringLiteral("escalation");
    rare.search = QStringLiteral("zeppelin");
    std::vector<double> plainMs, commonMs, rareMs;
    for (int r = 0; r <= runs; ++r) {
        const double p = shown(plain), c = shown(common), q = shown(rare);
        if (r > 0) {
            plainMs.push_back(p);
            commonMs.push_back(c);
            rareMs.push_back(q);
        }
    }
    std::printf("app (wall ms, median of %d)\n", runs);
    std::printf("  first painted list, new window %8.1f\n", median(firstPaint));
    std::printf("  new query to rows painted: plain %.1f   escalation %.1f (x%.2f)   zeppelin %.1f (x%.2f)\n",
                median(plainMs), median(commonMs), median(commonMs) / median(plainMs), median(rareMs),
                median(rareMs) / median(plainMs));

    shown(plain);
    waitFor([&] { return model->isCountKnown(); });
    const long before = rssKb();
    QElapsedTimer timer;
    timer.start();
    // Down the whole list a screenful at a time, as a held Page Down would.
    QScrollBar *bar = list->verticalScrollBar();
    for (int value = 0; value < bar->maximum(); value += std::max(1, bar->pageStep() * 40)) {
        bar->setValue(value);
        QCoreApplication::processEvents();
    }
    bar->setValue(bar->maximum());
    const int last = model->rowCount() - 1;
    waitFor([&] {
        model->data(model->index(last, 0));
        return model->index(last, 0).data(CallListModel::LoadedRole).toBool();
    });
    list->viewport()->repaint();
    std::printf("  scrolled to row %d in %.0f ms; RSS %ld MB before, %ld MB at the end\n", last, wallMs(timer),
                before / 1024, rssKb() / 1024);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callscope-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The call list at a million calls"));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database, generated when missing."),
                                      QStringLiteral("path"), QStringLiteral("/tmp/calllist-1m.db"));
    const QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Calls to generate."), QStringLiteral("n"),
                                         QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (median)."), QStringLiteral("n"),
                                        QStringLiteral("7"));
    const QCommandLineOption caseOption(QStringLiteral("case"), QStringLiteral("reader, cli or app (default: all)."),
                                        QStringLiteral("name"));
    parser.addOptions({dbOption, callsOption, runsOption, caseOption});
    parser.process(app);
    const QString path = parser.value(dbOption);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString which = parser.value(caseOption);
    if (!QFileInfo::exists(path)) {
        std::printf("generating %s ...\n", qPrintable(path));
        std::fflush(stdout);
        if (!generate(path, parser.value(callsOption).toInt()))
            return 1;
    }
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(path, &error);   // migrates an older one
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("bench_calllist: %s, %lld calls\n", qPrintable(path), CallReader(path).count({}));
    if (which.isEmpty() || which == QLatin1String("reader"))
        runReader(path, runs);
    if (which.isEmpty() || which == QLatin1String("cli"))
        runCli(path, QStringLiteral(CALLSCOPE_BINARY), runs);
    int result = 0;
    if (which.isEmpty() || which == QLatin1String("app"))
        result = runApp(store.get(), std::max(1, runs / 2));
    double load = 0;
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf", &load) != 1)
            load = 0;
        std::fclose(file);
    }
    std::printf("(load average %.2f on %d cores)\n", load, QThread::idealThreadCount());
    return result;
}
