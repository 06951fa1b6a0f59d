#include "cekuraformat.h"

#include "turnnormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QLatin1String kRole("role");
const QLatin1String kContent("content");
const QLatin1String kStart("start_time");
const QLatin1String kEnd("end_time");
const QLatin1String kData("data");
const QLatin1String kWords("words");

std::optional<Turn::Role> lenientRole(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("agent") || lower == QLatin1String("assistant") || lower == QLatin1String("bot")
        || lower == QLatin1String("main agent"))
        return Turn::Role::MainAgent;
    if (lower == QLatin1String("user") || lower == QLatin1String("customer") || lower == QLatin1String("testing agent"))
        return Turn::Role::TestingAgent;
    return std::nullopt;
}

// Reads an optional non-negative number of seconds; reports anything else.
bool readSeconds(const QJsonObject &entry, QLatin1String key, const QString &path, FieldErrors &errors, double &out)
{
    const QJsonValue value = entry.value(key);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isDouble()) {
        errors.add(path + QLatin1Char('.') + key, QStringLiteral("Must be a number of seconds."));
        return false;
    }
    if (value.toDouble() < 0) {
        errors.add(path + QLatin1Char('.') + key, QStringLiteral("Must not be negative."));
        return false;
    }
    out = value.toDouble();
    return true;
}

bool readRequiredSeconds(const QJsonObject &entry, QLatin1String key, const QString &path, FieldErrors &errors,
                         double &out)
{
    const QJsonValue value = entry.value(key);
    if (value.isUndefined() || value.isNull()) {
        errors.add(path + QLatin1Char('.') + key, QStringLiteral("This field is required."));
        return false;
    }
    return readSeconds(entry, key, path, errors, out);
}

// The words[{word, start, end}] of a speech turn, as Turn::toJson() writes them.
TimedWords readWords(const QJsonValue &value, const QString &path, FieldErrors &errors)
{
    TimedWords words;
    if (value.isUndefined() || value.isNull())
        return words;
    if (!value.isArray()) {
        errors.add(path, QStringLiteral("Must be a list of {word, start, end}."));
        return words;
    }
    const QJsonArray entries = value.toArray();
    words.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString wordPath = path + QStringLiteral("[%1]").arg(i);
        if (!entries.at(i).isObject()) {
            errors.add(wordPath, QStringLiteral("Each word must be an object."));
            continue;
        }
        const QJsonObject entry = entries.at(i).toObject();
        TimedWord word;
        const QJsonValue text = entry.value(QLatin1String("word"));
        if (text.isString())
            word.text = text.toString();
        else
            errors.add(wordPath + QLatin1String(".word"), text.isUndefined() || text.isNull()
                                                               ? QStringLiteral("This field is required.")
                                                               : QStringLiteral("Must be a string."));
        const bool hasStart = readRequiredSeconds(entry, QLatin1String("start"), wordPath, errors, word.startTime);
        const bool hasEnd = readRequiredSeconds(entry, QLatin1String("end"), wordPath, errors, word.endTime);
        if (hasStart && hasEnd && word.endTime < word.startTime)
            errors.add(wordPath + QLatin1String(".end"), QStringLiteral("Must not be before start."));
        words.append(word);
    }
    return words;
}

} // namespace

CekuraFormat::CekuraFormat(QString name)
    : m_name(std::move(name))
{
}

Turns CekuraFormat::parse(const QJsonValue &json, const TranscriptParseOptions &options, FieldErrors &errors) const
{
    if (!json.isArray()) {
        errors.add(QString(), QStringLiteral("Expected a list of turns."));
        return {};
    }
    const QJsonArray entries = json.toArray();
    TurnNormalizer normalizer;
    const int errorsBefore = errors.count();

    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("[%1]").arg(i);
        if (!entries.at(i).isObject()) {
            errors.add(path, QStringLiteral("Each turn must be an object."));
            continue;
        }
        const QJsonObject entry = entries.at(i).toObject();

        Turn turn;
        const QJsonValue roleValue = entry.value(kRole);
        if (!roleValue.isString()) {
            errors.add(path + QLatin1String(".role"), roleValue.isUndefined() ? QStringLiteral("This field is required.")
                                                                              : QStringLiteral("Must be a string."));
            continue;
        }
        std::optional<Turn::Role> role = Turn::roleFromName(roleValue.toString());
        if (!role && options.lenientRoles)
            role = lenientRole(roleValue.toString());
        if (!role) {
            errors.add(path + QLatin1String(".role"),
                       QStringLiteral("\"%1\" is not a valid role; use \"Main Agent\", \"Testing Agent\", "
                                      "\"Function Call\" or \"Function Call Result\".")
                           .arg(roleValue.toString()));
            continue;
        }
        turn.role = *role;

        const QJsonValue content = entry.value(kContent);
        if (content.isString()) {
            turn.content = content.toString();
        } else if (!content.isUndefined() && !content.isNull()) {
            errors.add(path + QLatin1String(".content"), QStringLiteral("Must be a string."));
        } else if (turn.isSpeech()) {
            errors.add(path + QLatin1String(".content"), QStringLiteral("This field is required for a speech turn."));
        }

        const bool hasStart = readSeconds(entry, kStart, path, errors, turn.startTime);
        const bool hasEnd = readSeconds(entry, kEnd, path, errors, turn.endTime);
        if (hasStart && hasEnd && turn.endTime < turn.startTime)
            errors.add(path + QLatin1String(".end_time"), QStringLiteral("Must not be before start_time."));

        const QJsonValue data = entry.value(kData);
        if (turn.isTool()) {
            if (!data.isObject()) {
                errors.add(path + QLatin1String(".data"),
                           QStringLiteral("A %1 needs a data object with id and name.").arg(roleValue.toString()));
                continue;
            }
            turn.data = data.toObject();
            if (!turn.data.value(QLatin1String("name")).isString())
                errors.add(path + QLatin1String(".data.name"), QStringLiteral("This field is required."));
            // The API carries arguments as a JSON string; a sender that posts an object
            // meant the same thing, so keep it as its compact text.
            const QJsonValue arguments = turn.data.value(QLatin1String("arguments"));
            if (arguments.isObject() || arguments.isArray()) {
                turn.data.insert(QLatin1String("arguments"),
                                 QString::fromUtf8(arguments.isObject()
                                                       ? QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact)
                                                       : QJsonDocument(arguments.toArray()).toJson(QJsonDocument::Compact)));
            }
            if (turn.role == Turn::Role::FunctionCallResult && !turn.data.contains(QLatin1String("result")))
                errors.add(path + QLatin1String(".data.result"), QStringLiteral("This field is required."));
        } else {
            if (data.isObject())
                turn.data = data.toObject();
            turn.words = readWords(entry.value(kWords), path + QLatin1Char('.') + kWords, errors);
        }
        normalizer.add(turn, hasStart, hasEnd);
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int CekuraFormat::resemblance(const QJsonValue &json) const
{
    const QJsonArray entries = json.toArray();
    if (entries.isEmpty())
        return 0;
    int matching = 0;
    for (const QJsonValue &entry : entries) {
        const QString role = entry.toObject().value(kRole).toString();
        if (Turn::roleFromName(role))
            ++matching;
    }
    return 100 * matching / int(entries.size());
}
