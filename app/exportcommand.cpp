#include "exportcommand.h"

#include "commandline.h"
#include "ingest/callexporter.h"
#include "ingest/redactedexport.h"
#include "redact/redactor.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace {

// The same redacted export as File › Export Redacted… writes (RedactedExport).
int exportRedacted(const CallReader &reader, const QString &recordingsDir, const CallQuery &query, CallExporter::Format format,
                   const QSet<RedactionKind> &kinds, bool withRecordings, const QString &path)
{
    RedactedExport exporter(reader, recordingsDir, kinds);
    exporter.setFormat(format);
    exporter.setIncludeRecordings(withRecordings);
    RedactedExport::Result result;
    if (path.isEmpty()) {
        QFile standardOutput;
        standardOutput.open(stdout, QIODevice::WriteOnly);
        result = exporter.write(query, &standardOutput);
    } else {
        result = exporter.write(query, path);
    }
    if (result.written < 0) {
        CommandLine::err() << "callscope export: " << result.error << '\n';
        return reader.failureCount() > 0 ? CommandLine::kExitStoreUnreadable : CommandLine::kExitFailed;
    }
    CommandLine::err() << "exported " << result.written << " calls, redacted";
    if (withRecordings)
        CommandLine::err() << ", with " << result.recordings << " redacted recordings in "
                           << QDir::toNativeSeparators(RedactedExport::recordingsFolderFor(path));
    CommandLine::err() << '\n';
    if (withRecordings && result.remoteRecordings > 0)
        CommandLine::err() << result.remoteRecordings << " calls' recordings are remote and are left out\n";
    return 0;
}

} // namespace

int ExportCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("jsonl (default) or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption output(QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("Only calls with this status."),
                                    QStringLiteral("S"));
    const QCommandLineOption redact(QStringLiteral("redact"),
                                    QStringLiteral("Redact these kinds (redact_fields names); recordings are left out."),
                                    QStringLiteral("KIND,..."));
    const QCommandLineOption withRecordings(QStringLiteral("with-recordings"),
                                            QStringLiteral("With --redact and --out: redacted copies of the recordings in "
                                                           "FILE.recordings/."));
    parser.addOptions({format, output, status, redact, withRecordings});
    if (const auto exitCode = CommandLine::parse(parser, arguments,
                                                 QStringLiteral("Exports stored calls as observe bodies that import reads back.")))
        return *exitCode;

    CallExporter::Format exportFormat;
    if (parser.value(format) == QLatin1String("jsonl")) {
        exportFormat = CallExporter::Format::JsonLines;
    } else if (parser.value(format) == QLatin1String("csv")) {
        exportFormat = CallExporter::Format::Csv;
    } else {
        CommandLine::err() << "callscope export: --format: \"" << parser.value(format) << "\" is not jsonl or csv\n";
        return 2;
    }
    CallQuery query;
    query.limit = 0;
    if (parser.isSet(status)) {
        query.status = CommandLine::parseStatus(QStringLiteral("export"), parser.value(status));
        if (!query.status)
            return 2;
    }

    std::optional<QStringList> kinds;
    if (parser.isSet(redact)) {
        kinds = CommandLine::parseRedactionKinds(QStringLiteral("export"), QStringLiteral("--redact"), parser.value(redact));
        if (!kinds)
            return CommandLine::kExitUsage;
    }
    if (parser.isSet(withRecordings) && (!kinds || !parser.isSet(output))) {
        CommandLine::err() << "callscope export: --with-recordings: needs --redact and --out (the copies go beside the file)\n";
        return CommandLine::kExitUsage;
    }

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    if (kinds)
        return exportRedacted(reader, store->recordingsDir(), query, exportFormat, Redactor::kindsOf(*kinds),
                              parser.isSet(withRecordings), parser.value(output));
    CallExporter exporter(reader, store->recordingsDir());
    QString error;
    int written = 0;
    if (parser.isSet(output)) {
        // QSaveFile: an interrupted export never leaves a truncated file behind.
        QSaveFile file(parser.value(output));
        if (!file.open(QIODevice::WriteOnly)) {
            CommandLine::err() << "callscope export: cannot write " << parser.value(output) << ": " << file.errorString() << '\n';
            return 1;
        }
        written = exporter.write(query, exportFormat, &file, &error);
        if (written >= 0 && !file.commit()) {
            written = -1;
            error = file.errorString();
        }
    } else {
        QFile standardOutput;
        standardOutput.open(stdout, QIODevice::WriteOnly);
        written = exporter.write(query, exportFormat, &standardOutput, &error);
    }
    if (written < 0) {
        CommandLine::err() << "callscope export: " << error << '\n';
        return reader.failureCount() > 0 ? CommandLine::kExitStoreUnreadable : CommandLine::kExitFailed;
    }
    CommandLine::err() << "exported " << written << " calls\n";
    return 0;
}
