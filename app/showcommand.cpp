#include "showcommand.h"

#include "commandline.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonDocument>

int ShowCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("call"), QStringLiteral("The database id, or the sender's call_id."),
                                 QStringLiteral("ID|CALL_ID"));
    if (const auto exitCode = CommandLine::parse(parser, arguments, QStringLiteral("Prints one stored call as JSON.")))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        CommandLine::err() << "callscope show: give exactly one ID or CALL_ID (see --help)\n";
        return 2;
    }
    const QString key = parser.positionalArguments().constFirst();

    if (!CommandLine::openStore(databasePath))
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    const StoreLookup<CallLog> call = CommandLine::findCall(reader, key);
    if (call.isFailed())
        return CommandLine::storeUnreadable(QStringLiteral("show"), call.error());
    if (!call) {
        CommandLine::err() << "callscope show: no call with id or call_id \"" << key << "\"\n";
        return CommandLine::kExitFailed;
    }
    CommandLine::out() << QJsonDocument(call->toDetailJson()).toJson(QJsonDocument::Indented);
    return 0;
}
