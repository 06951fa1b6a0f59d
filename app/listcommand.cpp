#include "listcommand.h"

#include "commandline.h"
#include "store/calllistsql.h"
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
    const QCommandLineOption reviewed(QStringLiteral("reviewed"), QStringLiteral("Only reviewed calls (yes) or only the others (no)."),
                                      QStringLiteral("yes|no"));
    const QCommandLineOption hasLabels(QStringLiteral("has-labels"),
                                       QStringLiteral("Only calls with turn labels (yes) or only those without (no)."),
                                       QStringLiteral("yes|no"));
    const QCommandLineOption failedMetrics(QStringLiteral("failed-metrics"),
                                           QStringLiteral("Only calls with a failed metric (yes) or only those without (no)."),
                                           QStringLiteral("yes|no"));
    const QCommandLineOption sort(QStringLiteral("sort"),
                                  QStringLiteral("Order by FIELD, ascending; -FIELD for descending (default -time, newest first). "
                                                 "Fields: %1.").arg(CallListSql::sortFieldNames().join(QStringLiteral(", "))),
                                  QStringLiteral("FIELD"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N calls (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the API's CallLogList objects as a JSON array."));
    parser.addOptions({status, reviewed, hasLabels, failedMetrics, agent, search, sort, limit, json});
    if (const auto exitCode = CommandLine::parse(parser, arguments, QStringLiteral("Lists stored calls, newest first unless --sort says otherwise.")))
        return *exitCode;

    CallQuery query;
    if (parser.isSet(status)) {
        query.status = CommandLine::parseStatus(QStringLiteral("list"), parser.value(status));
        if (!query.status)
            return 2;
    }
    // --reviewed, --has-labels and --failed-metrics: yes or no, anything else named as the option's error.
    const auto yesNo = [&parser](const QCommandLineOption &option, std::optional<bool> *into) {
        if (!parser.isSet(option))
            return true;
        const QString value = parser.value(option);
        if (value != QLatin1String("yes") && value != QLatin1String("no")) {
            CommandLine::err() << "callscope list: --" << option.names().constFirst() << ": \"" << value
                               << "\" is neither yes nor no\n";
            return false;
        }
        *into = value == QLatin1String("yes");
        return true;
    };
    if (!yesNo(reviewed, &query.reviewed) || !yesNo(hasLabels, &query.hasLabels)
        || !yesNo(failedMetrics, &query.hasFailedMetrics))
        return 2;
    if (parser.isSet(sort)) {
        QString name = parser.value(sort);
        query.sort.descending = name.startsWith(QLatin1Char('-'));
        if (query.sort.descending)
            name.remove(0, 1);
        const std::optional<CallSortField> field = CallListSql::sortFieldFromName(name);
        if (!field) {
            CommandLine::err() << "callscope list: --sort: \"" << parser.value(sort) << "\" is not one of "
                               << CallListSql::sortFieldNames().join(QStringLiteral(", "))
                               << " (with a leading - for descending)\n";
            return 2;
        }
        query.sort.field = *field;
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
        return CommandLine::kExitStoreUnreadable;
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
        << cell(QStringLiteral("LABELS"), 6) << cell(QStringLiteral("FAILED"), 6) << QStringLiteral("ENDED REASON") << '\n';
    for (const CallLog &call : calls) {
        const QString agentText = call.agent ? QString::number(*call.agent) : call.assistantId;
        out << cell(QString::number(call.id), 7)
            << cell(call.timestamp.isValid() ? call.timestamp.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString(), 19)
            << cell(call.agentName.isEmpty() ? agentText : call.agentName, 16) << cell(call.callId, 28)
            << cell(CallLog::formatDuration(call.durationSeconds), 8)
            << cell(call.status ? ReviewStatuses::name(*call.status) : QStringLiteral("-"), 16)
            << cell(call.labelCount > 0 ? QString::number(call.labelCount) : QString(), 6)
            << cell(call.failedMetricCount > 0 ? QString::number(call.failedMetricCount) : QString(), 6) << call.callEndedReason
            << (call.errorMessage.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(call.errorMessage)) << '\n';
    }
    // The page first: with a common search word the count reads every match, which takes
    // longer than the page.
    out.flush();
    const qint64 total = reader.count(query);
    if (total < 0)
        return CommandLine::storeUnreadable(QStringLiteral("list"), reader.lastError());
    if (total > calls.size())
        out << "(" << calls.size() << " of " << total << " calls; use --limit to see more)\n";
    return 0;
}
