#pragma once

#include <QFuture>
#include <QPromise>

#include <functional>
#include <memory>

// A started promise's future, and the callback that fulfils it: how a result handed
// over by callback (on any thread, exactly once) becomes a future to wait on or watch.
template <typename T>
struct PromisedResult
{
    QFuture<T> future;
    std::function<void(const T &)> fulfil;
};

template <typename T>
PromisedResult<T> promisedResult()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return {promise->future(), [promise](const T &result) {
                promise->addResult(result);
                promise->finish();
            }};
}
