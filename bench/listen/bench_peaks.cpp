// Prints the milliseconds PeaksLoader takes for FILE: `decode_ms` with an empty cache,
// then `cached_ms` for a second open of the same file (median of RUNS each).
//   bench_peaks FILE [RUNS]
#include "audio/peaksloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

double timedLoad(const QString &path, const QString &cacheDir, bool *ok)
{
    QElapsedTimer timer;
    timer.start();
    QFuture<PeaksLoader::Result> future = PeaksLoader::load(path, cacheDir);
    future.waitForFinished();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    *ok = future.resultCount() > 0 && future.result().error.isEmpty();
    if (!*ok && future.resultCount() > 0)
        std::fprintf(stderr, "%s\n", qPrintable(future.result().error));
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_peaks FILE [RUNS]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? std::max(1, args[2].toInt()) : 3;
    QList<double> decoded, cached;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir cache;
        bool ok = false;
        decoded.append(timedLoad(args[1], cache.path(), &ok));
        if (!ok)
            return 1;
        cached.append(timedLoad(args[1], cache.path(), &ok));
    }
    std::printf("decode_ms: %.1f\ncached_ms: %.1f\n", median(decoded), median(cached));
    return 0;
}
