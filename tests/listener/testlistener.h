#pragma once

// The listener tests' common set-up: a store at `databasePath`, its ingest pipeline and a
// listener started with `config` (on a free 127.0.0.1 port unless the config names one).

#include "ingest/ingestpipeline.h"
#include "listener/listener.h"
#include "store/callstore.h"

#include <memory>

// Returns the error, or an empty string once the listener is running.
inline QString startTestListener(const QString &databasePath, const ListenerConfig &config,
                                 std::unique_ptr<CallStore> &store, std::unique_ptr<IngestPipeline> &pipeline,
                                 std::unique_ptr<Listener> &listener)
{
    QString error;
    store = CallStore::open(databasePath, &error);
    if (!store)
        return error;
    pipeline = std::make_unique<IngestPipeline>(store.get());
    listener = std::make_unique<Listener>(store.get(), pipeline.get());
    if (!listener->start(config, &error))
        return error.isEmpty() ? QStringLiteral("the listener did not start") : error;
    return {};
}
