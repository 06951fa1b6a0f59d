#include "servecommand.h"

#include "commandline.h"
#include "ingest/ingestpipeline.h"
#include "ingest/recordingfetcher.h"
#include "listener/listener.h"
#include "listener/requestlogger.h"
#include "metrics/evaluationqueue.h"
#include "transcribe/transcriptionqueue.h"
#include "metrics/llmjudge.h"
#include "store/callstore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

bool parseSize(const QString &text, qint64 *bytes)
{
    static const QList<QPair<QString, qint64>> units{{QStringLiteral("KiB"), 1024LL},
                                                     {QStringLiteral("MiB"), 1024LL * 1024},
                                                     {QStringLiteral("GiB"), 1024LL * 1024 * 1024},
                                                     {QStringLiteral("K"), 1024LL},
                                                     {QStringLiteral("M"), 1024LL * 1024},
                                                     {QStringLiteral("G"), 1024LL * 1024 * 1024}};
    QString number = text.trimmed();
    qint64 factor = 1;
    for (const auto &[suffix, unit] : units) {
        if (number.endsWith(suffix, Qt::CaseInsensitive)) {
            number.chop(suffix.size());
            factor = unit;
            break;
        }
    }
    bool ok = false;
    const qint64 value = number.trimmed().toLongLong(&ok);
    if (!ok || value < 0)
        return false;
    *bytes = value * factor;
    return true;
}

} // namespace

int ServeCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    const ListenerConfig defaults;
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port (default 127.0.0.1:8787; port 0: any free port)."),
                                    QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:8787"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    QStringLiteral("The API key clients must send (X-CEKURA-API-KEY or Bearer). Default: "
                                                   "$CALLSCOPE_API_KEY, else the key kept in <db>.listener-key."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"), QStringLiteral("Largest JSON/urlencoded body (default 16MiB)."),
                                     QStringLiteral("SIZE"));
    const QCommandLineOption maxMultipart(QStringLiteral("max-multipart"),
                                          QStringLiteral("Largest multipart body, streamed to disk (default 512MiB)."),
                                          QStringLiteral("SIZE"));
    const QCommandLineOption maxUnauthenticatedBody(
        QStringLiteral("max-unauthenticated-body"),
        QStringLiteral("Largest provider webhook body sent without the API key, read before its signature\n"
                       "is checked (default 1MiB)."),
        QStringLiteral("SIZE"));
    const QCommandLineOption headerTimeout(QStringLiteral("header-timeout"),
                                           QStringLiteral("Seconds to receive a whole request head (default 10)."),
                                           QStringLiteral("S"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         QStringLiteral("Seconds a kept-alive connection may idle (default 30)."), QStringLiteral("S"));
    const QCommandLineOption bodyTimeout(QStringLiteral("body-timeout"),
                                         QStringLiteral("Seconds allowed for a body, plus its size at 16 KiB/s (default 30)."),
                                         QStringLiteral("S"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            QStringLiteral("Connections served at once; more get 503 (default 256)."),
                                            QStringLiteral("N"));
    const QCommandLineOption quiet(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No line per request (they are still in the request log)."));
    const QCommandLineOption noRequestLog(QStringLiteral("no-request-log"),
                                          QStringLiteral("Do not keep requests in the request log (benchmarks only)."));
    const QCommandLineOption requestLogMax(QStringLiteral("request-log-max"),
                                           QStringLiteral("Largest request log, entries and bodies; the oldest go first (default 200MiB)."),
                                           QStringLiteral("SIZE"));
    const QCommandLineOption requestLogDays(QStringLiteral("request-log-days"),
                                            QStringLiteral("Days a request log entry is kept (default 14)."), QStringLiteral("N"));
    const QCommandLineOption allowPrivateRecordingHosts(
        QStringLiteral("allow-private-recording-hosts"),
        QStringLiteral("Fetch voice_recording_url from loopback and private addresses too (10/8, 192.168/16, ...;\n"
                       "refused by default, as anyone who can post could make Callscope fetch from them)."));
    const QCommandLineOption noEvaluate(QStringLiteral("no-evaluate"),
                                        QStringLiteral("Store calls without evaluating their metrics."));
    parser.addOptions({listen, apiKey, maxBody, maxMultipart, maxUnauthenticatedBody, headerTimeout, idleTimeout, bodyTimeout, maxConnections, quiet,
                       noRequestLog, requestLogMax, requestLogDays, allowPrivateRecordingHosts, noEvaluate});
    if (const auto exitCode = CommandLine::parse(
            parser, arguments,
            QStringLiteral("Runs the Cekura observe API locally: POST /observability/v1/observe/, the call-logs\n"
                           "routes, provider webhooks and GET /health. Stop with Ctrl+C (SIGINT) or SIGTERM.")))
        return *exitCode;

    QTextStream &err = CommandLine::err();
    QTextStream &out = CommandLine::out();
    ListenerConfig config;
    QString error;
    if (!config.setListen(parser.value(listen), &error)) {
        err << "callscope serve: --listen: " << error << '\n';
        return 2;
    }
    auto sizeOption = [&](const QCommandLineOption &option, qint64 *target) {
        if (!parser.isSet(option))
            return true;
        if (!parseSize(parser.value(option), target) || *target <= 0) {
            err << "callscope serve: --" << option.names().first() << ": not a size: " << parser.value(option) << '\n';
            return false;
        }
        return true;
    };
    auto secondsOption = [&](const QCommandLineOption &option, int *targetMs) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const double seconds = parser.value(option).toDouble(&ok);
        if (!ok || seconds <= 0) {
            err << "callscope serve: --" << option.names().first() << ": not a number of seconds\n";
            return false;
        }
        *targetMs = int(seconds * 1000);
        return true;
    };
    if (!sizeOption(maxBody, &config.maxBodyBytes) || !sizeOption(maxMultipart, &config.maxMultipartBytes)
        || !sizeOption(maxUnauthenticatedBody, &config.maxUnauthenticatedBodyBytes)
        || !sizeOption(requestLogMax, &config.maxRequestLogBytes)
        || !secondsOption(headerTimeout, &config.headerTimeoutMs) || !secondsOption(idleTimeout, &config.idleTimeoutMs)
        || !secondsOption(bodyTimeout, &config.bodyTimeoutMs))
        return 2;
    if (parser.isSet(maxConnections)) {
        config.maxConnections = parser.value(maxConnections).toInt();
        if (config.maxConnections <= 0) {
            err << "callscope serve: --max-connections: not a positive number\n";
            return 2;
        }
    }

    if (parser.isSet(requestLogDays)) {
        config.maxRequestLogAgeDays = parser.value(requestLogDays).toInt();
        if (config.maxRequestLogAgeDays <= 0) {
            err << "callscope serve: --request-log-days: not a positive number of days\n";
            return 2;
        }
    }
    config.logRequests = !parser.isSet(noRequestLog);
    std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    QString keySource;
    if (parser.isSet(apiKey)) {
        config.apiKey = parser.value(apiKey);
        keySource = QStringLiteral("--api-key");
    } else if (!qEnvironmentVariableIsEmpty("CALLSCOPE_API_KEY")) {
        config.apiKey = qEnvironmentVariable("CALLSCOPE_API_KEY");
        keySource = QStringLiteral("$CALLSCOPE_API_KEY");
    } else {
        config.apiKey = Listener::loadOrCreateApiKey(store->databasePath(), &error);
        if (!error.isEmpty()) {
            err << "callscope serve: " << error << '\n';
            return 1;
        }
        keySource = store->databasePath() + QStringLiteral(".listener-key");
    }

    IngestPipeline pipeline(store.get());
    RecordingFetcher fetcher(store.get());
    fetcher.setHostPolicy(RecordingHostPolicy(parser.isSet(allowPrivateRecordingHosts)));
    fetcher.watch(&pipeline);
    // Downloads a previous run did not finish (killed, or stopped mid-download).
    fetcher.resumePending();
    // Metrics run in the background on every stored call; the 201 never waits for them.
    std::unique_ptr<EvaluationQueue> evaluation;
    if (!parser.isSet(noEvaluate)) {
        evaluation = std::make_unique<EvaluationQueue>(store.get());
        evaluation->setJudge(LlmJudge::configured(LlmJudgeSettings::load(QSettings())));
        evaluation->watch(&pipeline);
    }
    // Audio-only calls are transcribed in the background, then evaluated; calls a previous
    // run was transcribing when it was stopped or killed are taken up again.
    TranscriptionQueue transcription(store.get(), TranscriberFactory(TranscriptionSettings::load(QSettings())));
    transcription.setEvaluationQueue(evaluation.get());
    transcription.start();
    Listener listener(store.get(), &pipeline);
    listener.setEvaluationQueue(evaluation.get());
    if (!parser.isSet(quiet)) {
        QObject::connect(&listener, &Listener::requestLogged, [&out](const RequestLogEntry &entry, const QString &note) {
            out << RequestLogger::formatLine(entry, note) << '\n';
            out.flush();
        });
    }
    if (!listener.start(config, &error)) {
        err << "callscope serve: " << error << '\n';
        return 1;
    }

    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        err << "callscope serve: cannot set up signal handling\n";
        return 1;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    int exitCode = 0;
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char buffer[16];
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], buffer, sizeof buffer);
        notifier.setEnabled(false);
        err << "callscope serve: stopping (requests in flight finish)\n";
        err.flush();
        if (!listener.stopAndWait(30'000))
            exitCode = 1;
        store->flush();
        QCoreApplication::exit(exitCode);
    });

    err << "callscope serve: listening on " << listener.baseUrl() << " (database " << store->databasePath() << ")\n"
        << "API key: from " << keySource << " (sent as X-CEKURA-API-KEY or Authorization: Bearer)\n"
        << "Try: curl -H \"X-CEKURA-API-KEY: $KEY\" " << listener.baseUrl() << "/observability/v1/call-logs/\n";
    err.flush();
    out << "ready " << listener.baseUrl() << '\n';
    out.flush();
    const int result = QCoreApplication::exec();
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    return result == 0 ? exitCode : result;
}
