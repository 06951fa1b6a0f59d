#include "wordscolumn.h"

#include "storelog.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

QVariant WordsColumn::encode(const TimedWords &words)
{
    if (words.isEmpty())
        return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    // rapidjson writes nothing for NaN or infinity; no parser yields them, but keep the
    // text valid JSON whatever a caller put in.
    const auto seconds = [&writer](double value) { writer.Double(std::isfinite(value) ? value : 0.0); };
    writer.StartArray();
    for (const TimedWord &word : words) {
        writer.StartArray();
        seconds(word.startTime);
        seconds(word.endTime);
        const QByteArray text = word.text.toUtf8();
        writer.String(text.constData(), rapidjson::SizeType(text.size()));
        writer.EndArray();
    }
    writer.EndArray();
    return QString::fromUtf8(buffer.GetString(), qsizetype(buffer.GetSize()));
}

TimedWords WordsColumn::decode(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QByteArray text = value.toString().toUtf8();
    rapidjson::Document document;
    // Full precision: the default parse may miss the written double by an ulp.
    document.Parse<rapidjson::kParseFullPrecisionFlag>(text.constData(), text.size());
    TimedWords words;
    if (document.HasParseError() || !document.IsArray()) {
        qCWarning(lcStore) << "turn words are not a JSON list, ignored:" << text.left(80);
        return words;
    }
    words.reserve(document.Size());
    for (const rapidjson::Value &entry : document.GetArray()) {
        if (!entry.IsArray() || entry.Size() != 3 || !entry[0].IsNumber() || !entry[1].IsNumber()
            || !entry[2].IsString()) {
            qCWarning(lcStore) << "turn words hold an entry that is not [start, end, text], ignored:" << text.left(80);
            return {};
        }
        words.append({QString::fromUtf8(entry[2].GetString(), qsizetype(entry[2].GetStringLength())),
                      entry[0].GetDouble(), entry[1].GetDouble()});
    }
    return words;
}
