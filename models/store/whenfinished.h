#pragma once

#include <QFutureWatcher>
#include <QObject>

// Calls `handler(future)` on `context`'s thread once `future` has finished (with a result
// or cancelled), unless `context` was destroyed first. Call it on `context`'s thread.
//
// Use this, never QFuture::then(), to wait for a future that another thread finishes.
// Qt 6.4 runs a then() continuation twice when it is attached while the finishing thread
// is between reportFinished() and runContinuation(): setContinuation() runs it at once
// and stores it back, then runContinuation() runs the moved-from copy, whose promise is
// null (a segfault in reportStarted()). QFutureWatcher has no such window.
template <typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::move(handler)]() mutable {
                         handler(watcher->future());
                         watcher->deleteLater();
                     });
    watcher->setFuture(future);
}
