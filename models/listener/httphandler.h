#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QFuture>

#include <optional>

// What happened to one request, for the request log: the request (its body only as the
// logged prefix), the response sent (or that would have been sent), and timing.
struct HttpExchange
{
    HttpRequest request;
    HttpResponse response;
    qint64 startedAtMs = 0;         // epoch ms of the request's first byte
    double latencyMs = 0.0;         // first byte -> response queued for sending
    bool clientGone = false;        // the client disconnected before the response
    QByteArray transportError;      // set when the transport answered (408, 413, 431, ...)
};

// What the API decides about a request from its head alone, before any body is read.
struct HeadDecision
{
    // Set: answer this and read no body.
    std::optional<HttpResponse> refusal;
    // A body limit tighter than the transport's own (a request not authenticated yet),
    // and what the 413 says about it ("for a request without a valid API key");
    // negative: the transport's limit.
    qint64 maxBodyBytes = -1;
    QString bodyLimitReason;

    static HeadDecision accept() { return {}; }
    static HeadDecision refuse(HttpResponse response) { return {std::move(response), -1, {}}; }
};

// The interface between the HTTP transport (HttpServer/HttpConnection) and the API: the
// transport calls it from its own thread and never blocks on it. checkHead() lets the
// API refuse a request (404, 405, 401, 413, 415) or tighten its body limit before the
// body is read, so nobody streams 512 MiB to be told the key is wrong.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;

    virtual HeadDecision checkHead(const HttpRequest &head)
    {
        Q_UNUSED(head);
        return HeadDecision::accept();
    }
    // The complete request. Must return at once; the work runs elsewhere.
    virtual QFuture<HttpResponse> handle(const HttpRequest &request) = 0;
    // After each exchange, including those the transport answered by itself.
    virtual void exchangeFinished(const HttpExchange &exchange) { Q_UNUSED(exchange); }
};
