#pragma once

#include "timedword.h"
#include "turnredaction.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One normalized transcript entry in the cekura shape: a spoken turn of the Main Agent
// (the agent under observation) or the Testing Agent (the caller), or a tool call and
// its result. Times are seconds from the start of the call; end >= start holds once a
// parser has normalized the list.
struct Turn
{
    enum class Role { MainAgent, TestingAgent, FunctionCall, FunctionCallResult };

    Role role = Role::MainAgent;
    QString content;
    double startTime = 0.0;
    double endTime = 0.0;
    // Tool entries: {id, name, arguments} for a call, {id, name, result} for a result.
    QJsonObject data;
    // Spoken turns: the words with their times, when the transcript format carries them
    // (empty otherwise). Ordered by start time.
    TimedWords words;
    // Spoken turns whose personal data was redacted: where the placeholders stand.
    TurnRedactions redactions;

    bool isSpeech() const { return role == Role::MainAgent || role == Role::TestingAgent; }
    bool isTool() const { return !isSpeech(); }

    static QString roleName(Role role);
    static std::optional<Role> roleFromName(const QString &name);

    // The cekura JSON object: {role, content, start_time, end_time, data?, words?}, where
    // words [{word, start, end}] (only when there are any) is a Callscope extension that
    // the cekura format reads back, so that export and import keep them.
    QJsonObject toJson() const;

    bool operator==(const Turn &other) const = default;
};

using Turns = QList<Turn>;
