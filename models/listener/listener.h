#pragma once

#include "listenerconfig.h"

#include "store/requestlogentry.h"

#include <QObject>
#include <QString>

#include <memory>

class CallStore;
class HttpServer;
class IngestPipeline;
class ApiRouter;
class EvaluationQueue;
class QThread;
class RequestLogger;

// The embedded observe API listener as one object, shared by `callscope serve` and the
// desktop app: an HttpServer on its own I/O thread, the ApiRouter handlers on their
// thread pool, and the RequestLogger. start() and stop() are called from the thread
// that owns the Listener (the GUI or main thread), which never waits on the network.
//
// Invariants: stop() never cuts a request in flight: the server stops accepting, every
// request already being read or handled is answered and logged, then stopped() is
// emitted; the API key is never written to any log.
class Listener : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    Listener(CallStore *store, IngestPipeline *pipeline, QObject *parent = nullptr);
    ~Listener() override;

    // Where evaluate_metrics and rerun_evaluation queue their work (none: they say that
    // nothing is evaluated). Takes effect at the next start().
    void setEvaluationQueue(EvaluationQueue *queue) { m_evaluation = queue; }

    bool start(const ListenerConfig &config, QString *error = nullptr);
    // Graceful stop; stopped() follows.
    void stop();
    // stop(), then waits (running an event loop) until stopped or `timeoutMs` passed;
    // after the timeout the remaining connections are cut. True: stopped cleanly.
    bool stopAndWait(int timeoutMs = 30'000);

    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:8787" while running.
    QString baseUrl() const;
    const ListenerConfig &config() const { return m_config; }
    CallStore *store() const { return m_store; }

    // The API key kept next to the database ("<db>.listener-key", owner-only), created
    // on first use, so the desktop app and `callscope serve` agree on it across runs.
    static QString loadOrCreateApiKey(const QString &databasePath, QString *error = nullptr);
    // Replaces that key (the user chose another): written owner-only beside the old file,
    // then renamed over it, so a crash leaves the old key or the new one, never a mix.
    static bool saveApiKey(const QString &databasePath, const QString &key, QString *error = nullptr);

signals:
    void started(const QString &url);
    void stopped();
    // Every request, once its log entry is committed (queued to this object's thread).
    void requestLogged(const RequestLogEntry &entry, const QString &note);

private:
    void serverStopped();
    void tearDown();

    CallStore *m_store;
    IngestPipeline *m_pipeline;
    EvaluationQueue *m_evaluation = nullptr;
    ListenerConfig m_config;
    std::unique_ptr<RequestLogger> m_logger;
    std::unique_ptr<ApiRouter> m_api;
    QThread *m_thread = nullptr;
    HttpServer *m_server = nullptr;
    quint16 m_port = 0;
};
