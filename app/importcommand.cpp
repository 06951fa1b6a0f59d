#include "importcommand.h"

#include "commandline.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "metrics/evaluationqueue.h"
#include "metrics/llmjudge.h"
#include "store/callstore.h"

#include <QElapsedTimer>
#include <QSettings>

#include <cstdio>
#include <unistd.h>

namespace {

// A progress line at most this often, and only once an import has run this long.
constexpr qint64 kProgressIntervalMs = 1000;

} // namespace

int ImportCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders to import (recursively)."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption quiet(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print only rejected records and the summary."));
    parser.addOption(quiet);
    const QCommandLineOption noEvaluate(QStringLiteral("no-evaluate"),
                                        QStringLiteral("Store the calls without evaluating their metrics."));
    parser.addOption(noEvaluate);
    if (const auto exitCode = CommandLine::parse(
            parser, arguments,
            QStringLiteral("Imports observe request bodies: a file with one body, a JSON array of bodies,\n"
                           "JSON Lines, or CSV with one body per row. Folders are read recursively.\n"
                           "A recording named by a relative voice_recording path is read next to its file.")))
        return *exitCode;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        CommandLine::err() << "callscope import: give at least one file or folder (see --help)\n";
        return 2;
    }

    std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    IngestPipeline pipeline(store.get());
    // Evaluated as they are stored, so that the import and its evaluation overlap.
    std::unique_ptr<EvaluationQueue> evaluation;
    if (!parser.isSet(noEvaluate)) {
        evaluation = std::make_unique<EvaluationQueue>(store.get());
        evaluation->setJudge(LlmJudge::configured(LlmJudgeSettings::load(QSettings())));
        evaluation->watch(&pipeline);
    }
    FileImporter importer(&pipeline);
    QTextStream &err = CommandLine::err();

    QElapsedTimer clock;
    clock.start();
    qint64 lastProgress = 0;
    bool progressShown = false;
    const bool terminal = isatty(fileno(stderr));
    QObject::connect(&importer, &FileImporter::rejected, [&](const ImportRejection &rejection) {
        if (progressShown && terminal)
            err << "\r\033[K";
        for (const QString &line : rejection.lines())
            err << line << '\n';
        err.flush();
    });
    QObject::connect(&importer, &FileImporter::progress, [&](int filesDone, int filesTotal, int records) {
        if (parser.isSet(quiet) || clock.elapsed() - lastProgress < kProgressIntervalMs)
            return;
        lastProgress = clock.elapsed();
        progressShown = true;
        err << (terminal ? "\r\033[K" : "") << "importing: " << filesDone << '/' << filesTotal << " files, "
            << records << " records" << (terminal ? "" : "\n");
        err.flush();
    });

    const ImportSummary summary = importer.importPaths(paths);
    if (evaluation)
        evaluation->waitForIdle();
    store->flush();
    if (progressShown && terminal)
        err << "\r\033[K";
    const double seconds = clock.elapsed() / 1000.0;
    err << "imported " << summary.imported << ", updated " << summary.updated << ", unchanged " << summary.unchanged
        << ", rejected " << summary.rejected() << " (" << QString::number(seconds, 'f', 1) << " s)\n";
    err.flush();
    return summary.rejected() == 0 ? 0 : 1;
}
