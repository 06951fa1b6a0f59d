#include "peaksloader.h"

#include "audiodecoder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent>

namespace {

QString cachePath(const QString &cacheDir, const QString &key)
{
    return QDir(cacheDir).filePath(key + QStringLiteral(".peaks"));
}

// Hashing an hour of MP3 costs more than reading its peaks, so the content key of a file
// is remembered under its path, size and modification time: the same file opened again
// skips the hash; a changed or replaced one is hashed anew.
QString fileRecordPath(const QString &cacheDir, const QFileInfo &info)
{
    const QByteArray name = QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(cacheDir).filePath(QStringLiteral("files/") + QString::fromLatin1(name));
}

QByteArray fileStamp(const QFileInfo &info)
{
    return QByteArray::number(info.size()) + ' '
           + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ' ';
}

QString cachedContentKey(const QString &cacheDir, const QString &path)
{
    const QFileInfo info(path);
    const QString record = fileRecordPath(cacheDir, info);
    const QByteArray stamp = fileStamp(info);
    QFile known(record);
    if (known.open(QIODevice::ReadOnly)) {
        const QByteArray line = known.readAll();
        if (line.startsWith(stamp))
            return QString::fromLatin1(line.mid(stamp.size()));
    }
    const QString key = PeaksLoader::contentKey(path);
    if (!key.isEmpty() && QDir().mkpath(QFileInfo(record).path())) {
        QSaveFile save(record);
        if (save.open(QIODevice::WriteOnly) && save.write(stamp + key.toLatin1()) >= 0)
            save.commit();
    }
    return key;
}

void run(QPromise<PeaksLoader::Result> &promise, const QString &path, const QString &cacheDir)
{
    PeaksLoader::Result result;
    promise.setProgressRange(0, PeaksLoader::ProgressRange);
    const QString key = cacheDir.isEmpty() ? QString() : cachedContentKey(cacheDir, path);
    if (!key.isEmpty()) {
        QFile cached(cachePath(cacheDir, key));
        if (cached.open(QIODevice::ReadOnly)) {
            if (std::optional<WaveformPeaks> peaks = WaveformPeaks::fromBytes(cached.readAll())) {
                result.peaks = std::move(*peaks);
                result.fromCache = true;
                promise.setProgressValue(PeaksLoader::ProgressRange);
                promise.addResult(std::move(result));
                return;
            }
        }
    }

    AudioDecoder::Format format;
    WaveformPeaks peaks;
    qint64 decodedFrames = 0;
    const auto sink = [&](const float *interleaved, qint64 frames) {
        if (promise.isCanceled())
            return false;
        if (peaks.channels() == 0)
            peaks = WaveformPeaks(format.channels, format.sampleRate);
        peaks.append(interleaved, frames);
        decodedFrames += frames;
        if (format.durationMs > 0) {
            const qint64 doneMs = decodedFrames * 1000 / format.sampleRate;
            promise.setProgressValue(int(std::min<qint64>(PeaksLoader::ProgressRange - 1,
                                                          doneMs * PeaksLoader::ProgressRange / format.durationMs)));
        }
        return true;
    };
    if (!AudioDecoder::decode(path, sink, &format, &result.error)) {
        promise.addResult(std::move(result));
        return;
    }
    if (promise.isCanceled())
        return;
    if (peaks.channels() == 0)
        peaks = WaveformPeaks(format.channels, format.sampleRate);     // no samples at all
    peaks.finish();
    if (!key.isEmpty() && QDir().mkpath(cacheDir)) {
        // A failed cache write costs the next open a decode, nothing more.
        QSaveFile file(cachePath(cacheDir, key));
        if (file.open(QIODevice::WriteOnly) && file.write(peaks.toBytes()) >= 0)
            file.commit();
    }
    result.peaks = std::move(peaks);
    promise.setProgressValue(PeaksLoader::ProgressRange);
    promise.addResult(std::move(result));
}

} // namespace

QFuture<PeaksLoader::Result> PeaksLoader::load(const QString &path, const QString &cacheDir)
{
    return QtConcurrent::run(run, path, cacheDir);
}

QString PeaksLoader::contentKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}
