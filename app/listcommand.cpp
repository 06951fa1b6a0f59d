#include "listcommand.h"

#include "commandline.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonArray>
#include <QJsonDocument>

int ListCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Only calls with this status: success, failure, reviewed_success, reviewed_failure."),
                                    QStringLiteral("S"));
    const QCommandLineOption agent(QStringLiteral("agent"), QStringLiteral("Only calls of this agent id or assistant id."),
                                   QStringLiteral("A"));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("Only calls whose transcript contains these words."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N calls (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the API's CallLogList objects as a JSON array."));
    parser.addOptions({status, agent, search, limit, json});
    if (const auto exitCode = CommandLine::parse(parser, arguments, QStringLiteral("Lists stored calls, newest first.")))
        return *exitCode;

    CallQuery query;
    if (parser.isSet(status)) {
        query.status = CommandLine::parseStatus(QStringLiteral("list"), parser.value(status));
        if (!query.status)
            return 2;
    }
    query.agent = parser.value(agent);
    query.search = parser.value(search);
    bool ok = false;
    query.limit = parser.value(limit).toInt(&ok);
    if (!ok || query.limit <= 0) {
        CommandLine::err() << "callscope list: --limit: must be a positive number\n";
        return 2;
    }

    // Opening the store creates and migrates the database when needed.
    if (!CommandLine::openStore(databasePath))
        return 1;
    CallReader reader(databasePath);
    const QList<CallLog> calls = reader.list(query);
    if (reader.failureCount() > 0)
        return CommandLine::storeUnreadable(QStringLiteral("list"), reader.lastError());
    QTextStream &out = CommandLine::out();

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const CallLog &summary : calls) {
            const StoreLookup<CallLog> call = reader.callById(summary.id);
            if (call.isFailed())
                return CommandLine::storeUnreadable(QStringLiteral("list"), call.error());
            array.append(call.value_or(summary).toResponseJson());
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }

    const auto cell = [](const QString &text, int width) {
        return (text.size() > width ? text.left(width - 1) + QChar(0x2026) : text).leftJustified(width + 2);
    };
    out << cell(QStringLiteral("ID"), 7) << cell(QStringLiteral("TIME"), 19) << cell(QStringLiteral("AGENT"), 16)
        << cell(QStringLiteral("CALL ID"), 28) << cell(QStringLiteral("DURATION"), 8) << cell(QStringLiteral("STATUS"), 16)
        << QStringLiteral("ENDED REASON") << '\n';
    for (const CallLog &call : calls) {
        const QString agentText = call.agent ? QString::number(*call.agent) : call.assistantId;
        out << cell(QString::number(call.id), 7)
            << cell(call.timestamp.isValid() ? call.timestamp.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString(), 19)
            << cell(call.agentName.isEmpty() ? agentText : call.agentName, 16) << cell(call.callId, 28)
            << cell(CallLog::formatDuration(call.durationSeconds), 8)
            << cell(call.status ? ReviewStatuses::name(*call.status) : QStringLiteral("-"), 16) << call.callEndedReason
            << (call.errorMessage.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(call.errorMessage)) << '\n';
    }
    const qint64 total = reader.count(query);
    if (total < 0)
        return CommandLine::storeUnreadable(QStringLiteral("list"), reader.lastError());
    if (total > calls.size())
        out << "(" << calls.size() << " of " << total << " calls; use --limit to see more)\n";
    return 0;
}
