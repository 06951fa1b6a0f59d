#pragma once

#include <QString>

struct HttpRequest;

// The observe API's key check: X-CEKURA-API-KEY, or Authorization with or without
// "Bearer ", compared in constant time. An empty configured key matches nothing.
class ApiKeyCheck
{
public:
    static bool hasValidKey(const HttpRequest &request, const QString &apiKey);
    // Whether the request sent a key at all (valid or not).
    static bool sentKey(const HttpRequest &request);
};
