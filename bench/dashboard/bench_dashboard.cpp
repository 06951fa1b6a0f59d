// The dashboard at a million calls (issue 11). On a database of --calls calls (default
// 1,000,000; generated once into --db from bench/list/generate.sql and results.sql: three
// turns and every built-in metric's result a call) it prints, for all calls and for one
// agent's (a twentieth), medians of --runs runs:
//   reader   wall ms of each StatisticsReader figure, and its ratio to calls per day
//            measured in the same run (the cheapest pass: one index walk);
//   window   the dashboard tab offscreen: wall ms from showing it to the first figure
//            and to the last, and the longest the GUI thread went without handling its
//            events meanwhile (a 5 ms timer's largest gap): what "stays responsive" means.

#include "dashboardview.h"
#include "item/dashboardfigures.h"
#include "store/callstore.h"
#include "store/statisticsreader.h"
#include "../common/sqlscript.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double wallMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool generate(const QString &path, int calls)
{
    QString error;
    if (!CallStore::open(path, &error)) {
        std::fprintf(stderr, "cannot create the schema: %s\n", qPrintable(error));
        return false;
    }
    const QList<std::pair<QString, QString>> values{{QStringLiteral(":calls"), QString::number(calls)}};
    return runSqlScript(path, QStringLiteral(CALLSCOPE_SOURCE_DIR "/bench/list/generate.sql"), values)
           && runSqlScript(path, QStringLiteral(CALLSCOPE_SOURCE_DIR "/bench/dashboard/results.sql"), values);
}

struct Figure
{
    const char *name;
    std::function<bool(StatisticsReader &, const CallQuery &)> read;
};

void runReader(const QString &path, const CallQuery &query, const char *label, int runs)
{
    const std::vector<Figure> figures{
        {"calls per day", [](StatisticsReader &r, const CallQuery &q) { return bool(r.callsPerDay(q)); }},
        {"status by agent", [](StatisticsReader &r, const CallQuery &q) { return bool(r.statusesByAgent(q)); }},
        {"latency histogram", [](StatisticsReader &r, const CallQuery &q) { return bool(r.histogram(q, QStringLiteral("latency_p50_ms"))); }},
        {"interruptions per day", [](StatisticsReader &r, const CallQuery &q) { return bool(r.interruptionsPerDay(q)); }},
        {"pass rate per metric", [](StatisticsReader &r, const CallQuery &q) { return bool(r.passRates(q)); }},
    };
    StatisticsReader reader(path);
    std::vector<std::vector<double>> samples(figures.size());
    for (const Figure &figure : figures)
        figure.read(reader, query);   // warm the page cache
    for (int run = 0; run < runs; ++run) {
        for (std::size_t i = 0; i < figures.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            if (!figures[i].read(reader, query))
                std::fprintf(stderr, "%s failed: %s\n", figures[i].name, qPrintable(reader.lastError()));
            samples[i].push_back(wallMs(timer));
        }
    }
    const double baseline = median(samples[0]);
    std::printf("reader, %s (median of %d, wall ms; ratio to calls per day)\n", label, runs);
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const double ms = median(samples[i]);
        std::printf("  %-24s %9.1f  %6.1fx\n", figures[i].name, ms, ms / baseline);
    }
}

void runWindow(const QString &path, const CallQuery &query, const char *label, int runs)
{
    std::vector<double> first, last, stall;
    for (int run = 0; run < runs; ++run) {
        DashboardFigures figures(path);
        figures.setQuery(query);
        DashboardView view(&figures);
        view.resize(1400, 1000);
        QElapsedTimer timer;
        double firstMs = -1, lastMs = -1, longestGap = 0, lastTick = 0;
        int read = 0;
        QObject::connect(&figures, &DashboardFigures::figureChanged, [&](DashboardFigure figure) {
            if (figures.isLoading(figure))
                return;
            const double now = wallMs(timer);
            if (firstMs < 0)
                firstMs = now;
            if (++read == int(allDashboardFigures().size()))
                lastMs = now;
        });
        QTimer ticker;
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const double now = wallMs(timer);
            longestGap = std::max(longestGap, now - lastTick);
            lastTick = now;
        });
        timer.start();
        ticker.start();
        view.show();
        while (lastMs < 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        first.push_back(firstMs);
        last.push_back(lastMs);
        stall.push_back(longestGap);
    }
    std::printf("window, %s (median of %d, wall ms)\n", label, runs);
    std::printf("  %-24s %9.1f\n  %-24s %9.1f\n  %-24s %9.1f\n", "first figure", median(first), "all figures",
                median(last), "longest GUI stall", median(stall));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("The bench database (generated when missing)."),
                      QStringLiteral("path"), QStringLiteral("/tmp/dashboard-1m.db")});
    parser.addOption({QStringLiteral("calls"), QStringLiteral("Calls to generate."), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (!QFileInfo::exists(path)) {
        QElapsedTimer timer;
        timer.start();
        std::printf("generating %s calls into %s ...\n", qPrintable(parser.value(QStringLiteral("calls"))),
                    qPrintable(path));
        std::fflush(stdout);
        if (!generate(path, parser.value(QStringLiteral("calls")).toInt()))
            return 1;
        std::printf("generated in %.0f s\n", wallMs(timer) / 1000);
    }

    CallQuery oneAgent;
    oneAgent.agentKeys = {QStringLiteral("agent:3")};
    runReader(path, {}, "all calls", runs);
    runReader(path, oneAgent, "agent:3", runs);
    runWindow(path, {}, "all calls", std::max(1, runs / 2));
    runWindow(path, oneAgent, "agent:3", std::max(1, runs / 2));
    return 0;
}
