#pragma once

#include "calllog/calllog.h"

#include <QDateTime>
#include <QString>

// Calls for the store tests: a two-turn conversation plus a tool call, with every
// optional field set so that a round trip through the database checks each column.
namespace StoreTestData {

inline CallLog call(const QString &callId, qint64 agent = 7, const QString &words = QStringLiteral("hello there"))
{
    CallLog call;
    call.callId = callId;
    call.agent = agent;
    call.traceId = QStringLiteral("0123456789abcdef0123456789abcdef");
    call.voiceRecordingUrl = QStringLiteral("https://example.com/%1.wav").arg(callId);
    call.callEndedReason = QStringLiteral("customer-ended-call");
    call.customerNumber = QStringLiteral("+15550100");
    call.metadata = QJsonObject{{QStringLiteral("region"), QStringLiteral("eu")}};
    call.dynamicVariables = QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")}};
    call.timestamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    call.redactFields = {QStringLiteral("email_address")};
    call.metricIds = {1, 2};
    call.mainAgentChannelIndex = 0;
    call.turns = {
        Turn{Turn::Role::MainAgent, QStringLiteral("Pine Street Dental, how can I help?"), 0.4, 2.9, {}, {}, {}},
        Turn{Turn::Role::TestingAgent, words, 3.6, 5.8, {}, {}, {}},
        Turn{Turn::Role::FunctionCall, QString(), 6.2, 6.2,
             QJsonObject{{QStringLiteral("id"), QStringLiteral("tc_1")},
                         {QStringLiteral("name"), QStringLiteral("reschedule")},
                         {QStringLiteral("arguments"), QStringLiteral("{}")}}, {}, {}},
    };
    return call;
}

} // namespace StoreTestData
