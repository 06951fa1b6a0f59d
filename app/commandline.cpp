#include "commandline.h"

#include "calllog/redactionkind.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDir>

namespace CommandLine {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addOption(QCommandLineOption(QStringLiteral("db"), QStringLiteral("The database file."), QStringLiteral("PATH")));
    // QCommandLineParser takes the first argument as the program; the command name is it.
    if (!parser.parse(arguments)) {
        err() << "callscope " << arguments.value(0) << ": " << parser.errorText() << '\n';
        err().flush();
        return 2;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(QLatin1String(" [options]"));
        if (text.startsWith(QLatin1String("Usage: ")) && options > 0)
            text.replace(7, options - 7, QStringLiteral("callscope ") + arguments.value(0));
        out() << text;
        out().flush();
        return 0;
    }
    return std::nullopt;
}

std::unique_ptr<CallStore> openStore(const QString &databasePath)
{
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(databasePath, &error);
    if (!store) {
        err() << "callscope: cannot open the database " << QDir::toNativeSeparators(databasePath) << ": " << error << '\n';
        err().flush();
    }
    return store;
}

StoreLookup<CallLog> findCall(const CallReader &reader, const QString &idOrCallId)
{
    bool numeric = false;
    const qint64 id = idOrCallId.toLongLong(&numeric);
    if (numeric) {
        StoreLookup<CallLog> byId = reader.callById(id);
        if (!byId.isNotFound())
            return byId;
    }
    return reader.callByCallId(idOrCallId);
}

int storeUnreadable(const QString &command, const QString &error)
{
    err() << "callscope " << command << ": the call store could not be read: " << error << '\n';
    err().flush();
    return kExitStoreUnreadable;
}

std::optional<ReviewStatus> parseStatus(const QString &command, const QString &value)
{
    const std::optional<ReviewStatus> status = ReviewStatuses::fromName(value);
    if (!status)
        err() << "callscope " << command << ": --status: \"" << value
              << "\" is not one of success, failure, reviewed_success, reviewed_failure\n";
    return status;
}

std::optional<QStringList> parseRedactionKinds(const QString &command, const QString &option, const QString &value)
{
    QStringList names;
    for (const QString &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!RedactionKinds::fromName(name.trimmed())) {
            err() << "callscope " << command << ": " << option << ": \"" << name.trimmed() << "\" is not a redact_fields kind\n";
            return std::nullopt;
        }
        names.append(name.trimmed());
    }
    return names;
}

} // namespace CommandLine
