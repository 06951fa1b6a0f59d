#include "voiceactivitycache.h"

#include "contentkey.h"
#include "voiceactivity.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

// Bumped whenever VoiceActivity decides differently: older caches are then ignored.
constexpr int FormatVersion = 1;

QString cachePath(const QString &cacheDir, const QString &key)
{
    return QDir(cacheDir).filePath(key + QStringLiteral(".vad.json"));
}

} // namespace

QByteArray VoiceActivityCache::toBytes(const QList<SpeechRuns> &channels)
{
    QJsonArray all;
    for (const SpeechRuns &runs : channels) {
        QJsonArray channel;
        for (const SpeechRun &run : runs)
            channel.append(QJsonArray{run.start, run.end});
        all.append(channel);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), FormatVersion}, {QStringLiteral("channels"), all}})
        .toJson(QJsonDocument::Compact);
}

std::optional<QList<SpeechRuns>> VoiceActivityCache::fromBytes(const QByteArray &bytes)
{
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    if (json.value(QStringLiteral("version")).toInt() != FormatVersion || !json.value(QStringLiteral("channels")).isArray())
        return std::nullopt;
    QList<SpeechRuns> channels;
    for (const QJsonValue &channel : json.value(QStringLiteral("channels")).toArray()) {
        SpeechRuns runs;
        for (const QJsonValue &run : channel.toArray()) {
            const QJsonArray edges = run.toArray();
            if (edges.size() != 2)
                return std::nullopt;
            runs.append({edges.at(0).toDouble(), edges.at(1).toDouble()});
        }
        channels.append(runs);
    }
    return channels;
}

QString VoiceActivityCache::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("peaks"));
}

VoiceActivityCache::Result VoiceActivityCache::load(const QString &path, const QString &cacheDir)
{
    Result result;
    const QString key = cacheDir.isEmpty() ? QString() : ContentKey::of(path, cacheDir);
    if (!key.isEmpty()) {
        QFile cached(cachePath(cacheDir, key));
        if (cached.open(QIODevice::ReadOnly)) {
            if (std::optional<QList<SpeechRuns>> channels = fromBytes(cached.readAll())) {
                result.channels = std::move(*channels);
                result.fromCache = true;
                return result;
            }
        }
    }
    result.channels = VoiceActivity::ofFile(path, &result.error);
    if (!result.error.isEmpty())
        return result;
    if (!key.isEmpty() && QDir().mkpath(cacheDir)) {
        // A failed cache write costs the next evaluation a decode, nothing more.
        QSaveFile file(cachePath(cacheDir, key));
        if (file.open(QIODevice::WriteOnly) && file.write(toBytes(result.channels)) >= 0)
            file.commit();
    }
    return result;
}
