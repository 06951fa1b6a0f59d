#include "agentcommand.h"

#include "commandline.h"
#include "calllog/agentkey.h"
#include "store/callreader.h"
#include "store/callstore.h"

int AgentCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list (default) or set."), QStringLiteral("[list|set AGENT]"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("A display name for the agent."), QStringLiteral("N"));
    const QCommandLineOption lenient(QStringLiteral("lenient-roles"),
                                     QStringLiteral("on: accept agent/assistant/bot/user roles in cekura transcripts."),
                                     QStringLiteral("on|off"));
    const QCommandLineOption secret(QStringLiteral("webhook-secret"),
                                    QStringLiteral("Verify provider webhooks for this agent with this secret (empty: off)."),
                                    QStringLiteral("S"));
    const QCommandLineOption redact(QStringLiteral("redact-fields"),
                                    QStringLiteral("Redact these kinds from the agent's calls whose body names none (empty: off)."),
                                    QStringLiteral("KIND,..."));
    parser.addOptions({name, lenient, secret, redact});
    if (const auto exitCode = CommandLine::parse(parser, arguments, QStringLiteral("Lists agents or changes an agent's settings.")))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    QTextStream &out = CommandLine::out();

    if (action == QLatin1String("list") && positional.size() <= 1) {
        out << QStringLiteral("AGENT").leftJustified(32) << QStringLiteral("NAME").leftJustified(24)
            << QStringLiteral("LENIENT ROLES").leftJustified(15) << QStringLiteral("WEBHOOK SECRET").leftJustified(16)
            << "REDACT (DEFAULT)\n";
        const QList<AgentSettings> agents = reader.agents();
        if (reader.failureCount() > 0)
            return CommandLine::storeUnreadable(QStringLiteral("agent"), reader.lastError());
        for (const AgentSettings &agent : agents) {
            out << agent.agentKey.toString().leftJustified(32) << agent.name.leftJustified(24)
                << (agent.lenientRoles ? QStringLiteral("on") : QStringLiteral("off")).leftJustified(15)
                << QString::fromLatin1(agent.webhookSecret.isEmpty() ? "not set" : "set").leftJustified(16)
                << (agent.redactFields.isEmpty() ? QStringLiteral("off") : agent.redactFields.join(QLatin1Char(','))) << '\n';
        }
        return 0;
    }
    if (action != QLatin1String("set") || positional.size() != 2) {
        CommandLine::err() << "callscope agent: use `agent list` or `agent set AGENT [options]` (see --help)\n";
        return 2;
    }

    const AgentKey key = AgentKey::fromId(positional.at(1));
    // Unreadable settings are not absent ones: saving defaults would wipe them.
    const StoreLookup<AgentSettings> stored = reader.agentSettings(key.toString());
    if (stored.isFailed())
        return CommandLine::storeUnreadable(QStringLiteral("agent"), stored.error());
    AgentSettings settings = stored.value_or(AgentSettings());
    settings.agentKey = key;
    if (parser.isSet(name))
        settings.name = parser.value(name);
    if (parser.isSet(lenient)) {
        const QString value = parser.value(lenient);
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            CommandLine::err() << "callscope agent: --lenient-roles: \"" << value << "\" is not on or off\n";
            return 2;
        }
        settings.lenientRoles = value == QLatin1String("on");
    }
    if (parser.isSet(secret))
        settings.webhookSecret = parser.value(secret);
    if (parser.isSet(redact)) {
        const std::optional<QStringList> kinds =
            CommandLine::parseRedactionKinds(QStringLiteral("agent"), QStringLiteral("--redact-fields"), parser.value(redact));
        if (!kinds)
            return CommandLine::kExitUsage;
        settings.redactFields = *kinds;
    }
    if (!store->setAgentSettings(settings).result()) {
        CommandLine::err() << "callscope agent: could not save the settings of " << key.toString() << '\n';
        return 1;
    }
    out << "saved " << key.toString() << '\n';
    return 0;
}
