// Measures what call-log queries cost, through the same code as the listener's GET
// /call-logs/ and POST evaluate_metrics (CallLogsController / CallReader, no HTTP):
//
//   --case ids     id lists of 100 and 1,000: the GET with call_ids and with a filters_v2
//                  "in", and reading the listed calls as evaluate/rerun do. Baselines in
//                  the same run: the SQL the reader ran before (one `?` per id) and one
//                  callById() per id.
//   --case paging  page 1 against page 2,000 (page_size 50) of two filtered lists on a
//                  database of --calls calls (default 1,000,000, generated once into
//                  --db); baseline in the same run: the page query with OFFSET as before.
//
// Prints medians of --runs runs in CPU milliseconds; the sides of each comparison alternate.

#include "listener/calllogscontroller.h"
#include "listener/httprequest.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <cstdio>
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

// Median milliseconds of each of `work`, run in turns `runs` times after one warm-up.
// CPU time of this thread (the reader, SQLite and the JSON writing all run on it): on a
// loaded machine wall time grows with the load for anything longer than a time slice,
// so a short and a long query would not compare.
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

ApiResult get(CallLogsController &controller, const QByteArray &query)
{
    HttpRequest request;
    request.method = "GET";
    request.target = "/observability/v1/call-logs/?" + query;
    const ApiResult result = controller.list(request);
    if (result.status != 200) {
        std::fprintf(stderr, "GET ?%.80s: status %d\n", query.constData(), result.status);
        std::exit(1);
    }
    return result;
}

qint64 countOf(const ApiResult &result)
{
    return QJsonDocument::fromJson(result.json).object().value(QStringLiteral("count")).toInteger();
}

QByteArray filterParam(const char *json)
{
    return "filters_v2=" + QByteArray(json).toPercentEncoding();
}

bool exec(QSqlQuery &query, const QString &sql)
{
    if (query.exec(sql))
        return true;
    std::fprintf(stderr, "%s\n  in: %s\n", qPrintable(query.lastError().text()), qPrintable(sql.left(200)));
    return false;
}

// --- ids ---

int runIds(const QString &dir, int calls, int runs)
{
    QString error;
    auto store = CallStore::open(dir + QStringLiteral("/ids.db"), &error);
    if (!store) {
        std::fprintf(stderr, "cannot open store: %s\n", qPrintable(error));
        return 1;
    }
    QList<QFuture<UpsertOutcome>> pending;
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int c = 0; c < calls; ++c) {
        CallLog call;
        call.callId = QStringLiteral("ids-%1").arg(c);
        call.agent = 1 + c % 5;
        call.timestamp = start.addSecs(c * 60);
        call.customerNumber = QStringLiteral("+1555%1").arg(c, 7, 10, QLatin1Char('0'));
        for (int t = 0; t < 4; ++t)
            call.turns.append(Turn{t % 2 ? Turn::Role::TestingAgent : Turn::Role::MainAgent,
                                   QStringLiteral("turn %1 of call %2").arg(t).arg(c), t * 2.0, t * 2.0 + 1.5, {}, {}});
        pending.append(store->upsert(call));
    }
    for (QFuture<UpsertOutcome> &outcome : pending) {
        if (!outcome.result().ok())
            return 1;
    }
    std::printf("bench_query ids: %d calls of 4 turns; median of %d runs, CPU ms\n", calls, runs);

    CallLogsController controller(store.get(), nullptr);
    CallReader reader(store->databasePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench.ids"));
    db.setDatabaseName(store->databasePath());
    if (!db.open())
        return 1;

    for (const int n : {100, 1000}) {
        // Every 7th call, so the ids spread over the table.
        QList<qint64> ids;
        QByteArrayList idText;
        QJsonArray idJson;
        for (int i = 0; i < n; ++i) {
            ids.append(1 + qint64(i) * 7 % calls);
            idText.append(QByteArray::number(ids.last()));
            idJson.append(ids.last());
        }
        const QByteArray callIds = "page_size=1000&call_ids=" + idText.join(',');
        const QByteArray inFilter = "page_size=1000&filters_v2="
            + QJsonDocument(QJsonObject{{QStringLiteral("field"), QStringLiteral("id")},
                                        {QStringLiteral("op"), QStringLiteral("in")},
                                        {QStringLiteral("value"), idJson}})
                  .toJson(QJsonDocument::Compact)
                  .toPercentEncoding();
        if (countOf(get(controller, callIds)) != n || countOf(get(controller, inFilter)) != n) {
            std::fprintf(stderr, "wrong count for %d ids\n", n);
            return 1;
        }
        // The reader's SQL before this change: a `?` per id, in the count and in the page.
        const QString marks = QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
        const auto oldSql = [&] {
            for (const QString &sql : {QStringLiteral("SELECT COUNT(*) FROM calls c WHERE c.id IN (%1)").arg(marks),
                                       QStringLiteral("SELECT c.* FROM calls c LEFT JOIN agents a ON a.key = c.agent_key "
                                                      "WHERE c.id IN (%1) ORDER BY c.timestamp DESC, c.id DESC "
                                                      "LIMIT 1000 OFFSET 0").arg(marks)}) {
                QSqlQuery query(db);
                query.setForwardOnly(true);
                query.prepare(sql);
                for (qint64 id : ids)
                    query.addBindValue(id);
                query.exec();
                while (query.next()) {}
            }
        };
        const auto newSql = [&] {
            for (const QString &sql : {QStringLiteral("SELECT COUNT(*) FROM calls c WHERE c.id IN (SELECT value FROM json_each(?))"),
                                       QStringLiteral("SELECT c.* FROM calls c LEFT JOIN agents a ON a.key = c.agent_key "
                                                      "WHERE c.id IN (SELECT value FROM json_each(?)) "
                                                      "ORDER BY c.timestamp DESC, c.id DESC LIMIT 1000")}) {
                QSqlQuery query(db);
                query.setForwardOnly(true);
                query.prepare(sql);
                query.addBindValue(QString::fromUtf8(QJsonDocument(idJson).toJson(QJsonDocument::Compact)));
                query.exec();
                while (query.next()) {}
            }
        };
        const std::vector<double> ms = timeInTurns(
            {[&] { get(controller, callIds); }, [&] { get(controller, inFilter); }, oldSql, newSql,
             [&] { for (qint64 id : ids) reader.callById(id); }, [&] { reader.callsByIds(ids); }},
            runs);
        std::printf("  %4d ids  GET call_ids %7.1f   GET filters_v2 in %7.1f\n", n, ms[0], ms[1]);
        std::printf("            SQL (count + page): one ? per id %7.1f   one JSON list %7.1f   (%.1fx)\n", ms[2], ms[3],
                    ms[2] / ms[3]);
        std::printf("            reading the calls (evaluate/rerun): callById per id %7.1f   callsByIds %7.1f   (%.1fx)\n",
                    ms[4], ms[5], ms[4] / ms[5]);
    }
    return 0;
}

// --- paging ---

// Calls straight into the store's schema with SQL (a million upserts would take minutes):
// five agents, statuses, durations and ended reasons spread independently, two turns each.
bool generate(const QString &path, int calls)
{
    QString error;
    if (!CallStore::open(path, &error)) {
        std::fprintf(stderr, "cannot create schema: %s\n", qPrintable(error));
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench.generate"));
    db.setDatabaseName(path);
    if (!db.open())
        return false;
    QSqlQuery query(db);
    const qint64 start = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QStringList steps{
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("BEGIN"),
        QStringLiteral("INSERT INTO agents (key, agent_id, created_at) SELECT 'agent:' || value, value, 0 "
                       "FROM json_each('[1,2,3,4,5]')"),
        QStringLiteral(R"(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %1)
            INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, call_ended_reason, customer_number,
                               timestamp, status, duration, created_at, updated_at)
            SELECT i + 1, 'agent:' || (1 + i % 5), 'bench-' || i, 1 + i % 5, 'cekura',
                   CASE (i / 7) % 3 WHEN 0 THEN 'customer-ended-call' WHEN 1 THEN 'assistant-ended-call' END,
                   '+1555' || substr('0000000' || i, -7), %2 + i * 30000,
                   CASE (i / 5) % 5 WHEN 1 THEN 'success' WHEN 2 THEN 'failure' WHEN 3 THEN 'reviewed_success'
                                    WHEN 4 THEN 'reviewed_failure' END,
                   (i * 37) % 900 + 0.25, %2, %2 FROM n)")
            .arg(calls).arg(start),
        QStringLiteral("INSERT INTO turns (call, idx, role, content, start_s, end_s) "
                       "SELECT id, 0, 'Main Agent', 'Hello, how can I help you today?', 0, 2.5 FROM calls"),
        QStringLiteral("INSERT INTO turns (call, idx, role, content, start_s, end_s) "
                       "SELECT id, 1, 'Testing Agent', 'I would like to move my appointment to Friday.', 3, 6 FROM calls"),
        QStringLiteral("COMMIT"),
        QStringLiteral("ANALYZE"),
    };
    for (const QString &sql : steps) {
        if (!exec(query, sql))
            return false;
    }
    return true;
}

int runPaging(const QString &path, int calls, int runs)
{
    if (!QFileInfo::exists(path)) {
        std::printf("generating %d calls into %s ...\n", calls, qPrintable(path));
        std::fflush(stdout);
        QElapsedTimer timer;
        timer.start();
        if (!generate(path, calls))
            return 1;
        std::printf("  done in %.0f s\n", timer.elapsed() / 1000.0);
    }
    QString error;
    auto store = CallStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "cannot open store: %s\n", qPrintable(error));
        return 1;
    }
    CallLogsController controller(store.get(), nullptr);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench.paging"));
    db.setDatabaseName(path);
    if (!db.open())
        return 1;
    std::printf("bench_query paging: %s, page_size 50; median of %d runs, CPU ms\n", qPrintable(path), runs);

    struct List
    {
        const char *name;
        const char *filter;
        const char *oldWhere;   // the same filter as the SQL before this change could run it, for the OFFSET baseline
    };
    const List lists[] = {
        {"agent + time range (indexed)",
         R"([{"field":"agent","op":"eq","value":3},{"field":"timestamp","op":"gte","value":"2025-01-01T00:00:00Z"}])",
         "c.agent_key = 'agent:3' AND c.timestamp >= 0"},
        {"agent + duration + customer_number startswith (rows read)",
         R"([{"field":"agent","op":"eq","value":3},{"field":"duration","op":"gte","value":60},)"
         R"({"field":"customer_number","op":"startswith","value":"+1555"}])",
         "c.agent_key = 'agent:3' AND c.duration >= 59.5 AND c.customer_number LIKE '+1555%'"},
    };
    for (const List &list : lists) {
        const QByteArray filter = filterParam(list.filter);
        const qint64 count = countOf(get(controller, filter));
        const int deep = 2000;
        if (count < qint64(deep) * 50) {
            std::fprintf(stderr, "%s: only %lld calls, no page %d\n", list.name, count, deep);
            return 1;
        }
        const auto offsetPage = [&] {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            exec(query, QStringLiteral("SELECT c.*, a.name FROM calls c LEFT JOIN agents a ON a.key = c.agent_key "
                                       "WHERE %1 ORDER BY c.timestamp DESC, c.id DESC LIMIT 50 OFFSET %2")
                            .arg(QLatin1String(list.oldWhere))
                            .arg((deep - 1) * 50));
            while (query.next()) {}
        };
        const auto countOnly = [&] {
            QSqlQuery query(db);
            exec(query, QStringLiteral("SELECT COUNT(*) FROM calls c WHERE %1").arg(QLatin1String(list.oldWhere)));
            query.next();
        };
        const std::vector<double> ms = timeInTurns(
            {[&] { get(controller, filter + "&page=1"); },
             [&] { get(controller, filter + "&page=" + QByteArray::number(deep)); }, offsetPage, countOnly},
            runs);
        std::printf("  %s: %lld calls\n", list.name, count);
        std::printf("    GET page 1 %7.1f   GET page %d %7.1f   ratio %.2f\n", ms[0], deep, ms[1], ms[1] / ms[0]);
        std::printf("    (its COUNT(*) alone %7.1f; the page query with OFFSET as before, no count, no details %7.1f)\n",
                    ms[3], ms[2]);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callscope-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Call-log query costs: id lists, deep pages"));
    parser.addHelpOption();
    QCommandLineOption caseOption(QStringLiteral("case"), QStringLiteral("ids or paging (default: both)."), QStringLiteral("name"));
    QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Calls (ids: 20000, paging: 1000000)."), QStringLiteral("n"));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (median)."), QStringLiteral("n"), QStringLiteral("7"));
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("paging: the database, generated when missing (default: a temporary one)."), QStringLiteral("path"));
    parser.addOptions({caseOption, callsOption, runsOption, dbOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString which = parser.value(caseOption);
    QTemporaryDir temporary;
    int result = 0;
    if (which.isEmpty() || which == QLatin1String("ids"))
        result = runIds(temporary.path(), parser.isSet(callsOption) ? parser.value(callsOption).toInt() : 20000, runs);
    if (result == 0 && (which.isEmpty() || which == QLatin1String("paging"))) {
        const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : temporary.filePath(QStringLiteral("paging.db"));
        result = runPaging(path, parser.isSet(callsOption) ? parser.value(callsOption).toInt() : 1000000, runs);
    }
    double load = 0;
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf", &load) != 1)
            load = 0;
        std::fclose(file);
    }
    std::printf("(load average %.2f on %d cores)\n", load, QThread::idealThreadCount());
    return result;
}
