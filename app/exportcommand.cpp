#include "exportcommand.h"

#include "commandline.h"
#include "ingest/callexporter.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QFile>
#include <QSaveFile>

int ExportCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("jsonl (default) or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption output(QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("Only calls with this status."),
                                    QStringLiteral("S"));
    parser.addOptions({format, output, status});
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

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return 1;
    CallReader reader(databasePath);
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
