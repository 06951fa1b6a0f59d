#include "turn.h"

#include <QJsonArray>

QString Turn::roleName(Role role)
{
    switch (role) {
    case Role::MainAgent: return QStringLiteral("Main Agent");
    case Role::TestingAgent: return QStringLiteral("Testing Agent");
    case Role::FunctionCall: return QStringLiteral("Function Call");
    case Role::FunctionCallResult: return QStringLiteral("Function Call Result");
    }
    return {};
}

std::optional<Turn::Role> Turn::roleFromName(const QString &name)
{
    for (Role role : {Role::MainAgent, Role::TestingAgent, Role::FunctionCall, Role::FunctionCallResult}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QJsonObject Turn::toJson() const
{
    QJsonObject object{
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("start_time"), startTime},
        {QStringLiteral("end_time"), endTime},
    };
    if (role != Role::FunctionCallResult)
        object.insert(QStringLiteral("content"), content);
    if (!data.isEmpty())
        object.insert(QStringLiteral("data"), data);
    if (!words.isEmpty()) {
        QJsonArray timed;
        for (const TimedWord &word : words)
            timed.append(QJsonObject{{QStringLiteral("word"), word.text},
                                     {QStringLiteral("start"), word.startTime},
                                     {QStringLiteral("end"), word.endTime}});
        object.insert(QStringLiteral("words"), timed);
    }
    return object;
}
