#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The list of transcript entries inside a transcript_json value, and the path it was
// found at. Users paste either the list itself or the provider object that encloses it
// (a webhook body, a call object); a format names the dotted paths where its list may sit,
// and error paths then start from there ("message.artifact.messages[3].role").
struct TranscriptList
{
    QJsonArray entries;
    QString path;

    // `json` itself when it is a list, else the first list found at one of `paths`.
    static std::optional<TranscriptList> find(const QJsonValue &json, const QStringList &paths);
    // The value at a dotted path ("message.artifact"), undefined when any step is missing.
    static QJsonValue at(const QJsonObject &object, const QString &dottedPath);

    // 0..100: the share of entries that are objects satisfying `looksLikeFormat`.
    int percentMatching(const std::function<bool(const QJsonObject &)> &looksLikeFormat) const;
};
