// callscope: the desktop app when started without a sub-command, the command line otherwise.

#include "agentcommand.h"
#include "command.h"
#include "desktopapp.h"
#include "evaluatecommand.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "listcommand.h"
#include "metricscommand.h"
#include "redactcommand.h"
#include "reviewcommand.h"
#include "servecommand.h"
#include "showcommand.h"
#include "transcribecommand.h"

#include "store/callstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

std::vector<std::unique_ptr<Command>> makeCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<ListCommand>());
    commands.push_back(std::make_unique<ShowCommand>());
    commands.push_back(std::make_unique<ReviewCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<AgentCommand>());
    commands.push_back(std::make_unique<MetricsCommand>());
    commands.push_back(std::make_unique<EvaluateCommand>());
    commands.push_back(std::make_unique<TranscribeCommand>());
    commands.push_back(std::make_unique<RedactCommand>());
    commands.push_back(std::make_unique<ServeCommand>());
    return commands;
}

// Takes `--db PATH` / `--db=PATH` out of the arguments wherever it stands, so that it
// works before and after the sub-command name. Returns false when PATH is missing.
bool takeDatabaseOption(QStringList &arguments, QString &databasePath)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return false;
            databasePath = arguments.at(i + 1);
            arguments.remove(i, 2);
            --i;
        } else if (argument.startsWith(QLatin1String("--db="))) {
            databasePath = argument.mid(5);
            arguments.remove(i);
            --i;
        } else if (argument == QLatin1String("--")) {
            break;
        }
    }
    return true;
}

void printUsage(QTextStream &out, const std::vector<std::unique_ptr<Command>> &commands)
{
    out << "Usage: callscope [--db PATH] [COMMAND] [OPTIONS]\n\n"
           "Callscope is a local workbench for voice-AI call logs. Without a command it opens\n"
           "the desktop app on the database (default: "
        << QDir::toNativeSeparators(CallStore::defaultPath()) << ").\n\nCommands:\n";
    for (const auto &command : commands)
        out << "  " << command->name().leftJustified(12) << command->summary() << '\n';
    out << "\nOptions:\n"
           "  --db PATH   the database file (before or after the command)\n"
           "  --help      this text; `callscope COMMAND --help` for a command's options\n"
           "  --version   the version\n";
}

} // namespace

int main(int argc, char *argv[])
{
    // Terminal output is for the user: the store's housekeeping stays quiet unless
    // QT_LOGGING_RULES asks for it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("callscope.*.debug=false\ncallscope.store.info=false"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QString databasePath;
    if (!takeDatabaseOption(arguments, databasePath)) {
        std::fputs("callscope: --db needs a file path\n", stderr);
        return 2;
    }

    const QString first = arguments.value(1);
    if (first.isEmpty() || (first.startsWith(QLatin1Char('-')) && first != QLatin1String("--help")
                            && first != QLatin1String("-h") && first != QLatin1String("--version")))
        return DesktopApp::run(argc, argv, databasePath);

    const auto commands = makeCommands();
    const bool isCommand = std::any_of(commands.begin(), commands.end(),
                                       [&first](const auto &command) { return command->name() == first; });
    // `callscope FILE…` (the desktop entry's `Exec=callscope %F`): the app, importing them.
    // A command's name wins over a file of the same name in the current folder.
    if (!isCommand && first != QLatin1String("help") && QFileInfo::exists(first)) {
        QStringList paths;
        for (const QString &argument : arguments.mid(1)) {
            if (!argument.startsWith(QLatin1Char('-')))
                paths.append(argument);
        }
        return DesktopApp::run(argc, argv, databasePath, paths);
    }

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Callscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(out, commands);
        return 0;
    }
    if (first == QLatin1String("--version")) {
        out << "callscope " << CALLSCOPE_VERSION << '\n';
        return 0;
    }
    for (const auto &command : commands) {
        if (command->name() == first)
            return command->run(arguments.mid(1), databasePath.isEmpty() ? CallStore::defaultPath() : databasePath);
    }
    err << "callscope: unknown command \"" << first << "\"\n\n";
    printUsage(err, commands);
    return 2;
}
