#pragma once

#include "command.h"

// `callscope redact ID…|--all --fields K,…`: redacts calls already stored with the same
// detectors and guarantees as at ingest: the turns, metadata, dynamic variables and
// customer number, the recording, and the search index (merged afterwards, so the old
// text's tokens leave the file; the WAL is checkpointed away when the store closes). The
// kinds join each call's redact_fields. An ID is a database id or a sender's call_id.
class RedactCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("redact"); }
    QString summary() const override { return QStringLiteral("redact personal data from stored calls"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
