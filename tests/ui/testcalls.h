#pragma once

#include "calllog/calllog.h"
#include "store/callstore.h"

#include <QDateTime>
#include <QList>

// Synthetic calls for the model and window tests. Call i is i minutes after a fixed
// start, so the newest-first list shows call n-1 in row 0 and call i in row n-1-i.
namespace TestCalls {

inline std::optional<ReviewStatus> statusOf(int i)
{
    switch (i % 5) {
    case 1: return ReviewStatus::Success;
    case 2: return ReviewStatus::Failure;
    case 3: return ReviewStatus::ReviewedSuccess;
    case 4: return ReviewStatus::ReviewedFailure;
    default: return std::nullopt;
    }
}

inline QString callIdOf(int i)
{
    return QStringLiteral("call-%1").arg(i, 5, 10, QLatin1Char('0'));
}

// Every tenth call mentions a refund, so a search for it matches n/10 calls.
inline CallLog make(int i)
{
    CallLog call;
    call.callId = callIdOf(i);
    if (i % 3 == 0)
        call.assistantId = QStringLiteral("asst_test");
    else
        call.agent = 7;
    call.timestamp = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(60LL * i);
    call.status = statusOf(i);
    call.callEndedReason = QStringLiteral("customer-ended-call");
    call.customerNumber = QStringLiteral("+1555%1").arg(i, 7, 10, QLatin1Char('0'));
    Turn hello{Turn::Role::MainAgent, QStringLiteral("Hello, this is call %1.").arg(i), 0.5, 2.0, {}, {}, {}};
    Turn ask{Turn::Role::TestingAgent,
             i % 10 == 0 ? QStringLiteral("I would like a refund please.") : QStringLiteral("Just checking my order."),
             2.5, 4.0, {}, {}, {}};
    Turn tool{Turn::Role::FunctionCall, QString(), 4.2, 4.2,
              QJsonObject{{QStringLiteral("id"), QStringLiteral("t1")}, {QStringLiteral("name"), QStringLiteral("lookup")},
                          {QStringLiteral("arguments"), QStringLiteral("{\"n\":%1}").arg(i)}}, {}, {}};
    Turn result{Turn::Role::FunctionCallResult, QString(), 4.6, 4.6,
                QJsonObject{{QStringLiteral("id"), QStringLiteral("t1")}, {QStringLiteral("name"), QStringLiteral("lookup")},
                            {QStringLiteral("result"), QStringLiteral("ok")}}, {}, {}};
    Turn bye{Turn::Role::MainAgent, QStringLiteral("Goodbye."), 5.0, 6.0, {}, {}, {}};
    call.turns = {hello, ask, tool, result, bye};
    call.durationSeconds = 6.0;
    return call;
}

inline void fill(CallStore &store, int count)
{
    QList<CallLog> calls;
    calls.reserve(count);
    for (int i = 0; i < count; ++i)
        calls.append(make(i));
    store.upsertMany(calls).waitForFinished();
    store.flush();
}

} // namespace TestCalls
