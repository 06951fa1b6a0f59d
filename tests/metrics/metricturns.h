#pragma once

// Builders for the hand-made transcripts of the metrics tests.

#include "calllog/turn.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace MetricTurns {

inline Turn speech(Turn::Role role, double start, double end, const QString &text)
{
    Turn turn;
    turn.role = role;
    turn.startTime = start;
    turn.endTime = end;
    turn.content = text;
    return turn;
}

// Default texts that are neither backchannels nor voicemail greetings nor repeat requests.
inline Turn agent(double start, double end, const QString &text = QStringLiteral("Let me look that up for you."))
{
    return speech(Turn::Role::MainAgent, start, end, text);
}

inline Turn caller(double start, double end, const QString &text = QStringLiteral("I would like to change my booking."))
{
    return speech(Turn::Role::TestingAgent, start, end, text);
}

inline Turn toolCall(const QJsonValue &id, const QString &name, double start = 0.0, double end = 0.0)
{
    Turn turn;
    turn.role = Turn::Role::FunctionCall;
    turn.startTime = start;
    turn.endTime = end;
    turn.data = {{QStringLiteral("id"), id},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("arguments"), QStringLiteral("{}")}};
    return turn;
}

inline Turn toolResult(const QJsonValue &id, const QString &name, const QJsonValue &result, double at = 0.0)
{
    Turn turn;
    turn.role = Turn::Role::FunctionCallResult;
    turn.startTime = at;
    turn.endTime = at;
    turn.data = {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("result"), result}};
    return turn;
}

} // namespace MetricTurns
