#include "transcriptlist.h"

std::optional<TranscriptList> TranscriptList::find(const QJsonValue &json, const QStringList &paths)
{
    if (json.isArray())
        return TranscriptList{json.toArray(), QString()};
    if (!json.isObject())
        return std::nullopt;
    for (const QString &path : paths) {
        const QJsonValue value = at(json.toObject(), path);
        if (value.isArray())
            return TranscriptList{value.toArray(), path};
    }
    return std::nullopt;
}

QJsonValue TranscriptList::at(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue value = object;
    for (const QStringView step : QStringView(dottedPath).split(u'.')) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(step);
    }
    return value;
}

int TranscriptList::percentMatching(const std::function<bool(const QJsonObject &)> &looksLikeFormat) const
{
    if (entries.isEmpty())
        return 0;
    qsizetype matching = 0;
    for (const QJsonValue &entry : entries) {
        if (entry.isObject() && looksLikeFormat(entry.toObject()))
            ++matching;
    }
    return int(100 * matching / entries.size());
}
