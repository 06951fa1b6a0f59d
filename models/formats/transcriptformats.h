#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

class TranscriptFormat;

// The registry of transcript formats, keyed by transcript_type. Formats not yet
// implemented are still listed in allNames() so that the validator can tell "unknown"
// from "not supported yet".
namespace TranscriptFormats {

// Every transcript_type value the observe API names, in its order.
QStringList allNames();
// The parser for `name`, or nullptr when there is none (yet).
const TranscriptFormat *find(const QString &name);
// The name of the implemented format `json` most resembles (excluding `except`), or an
// empty string when none does.
QString guess(const QJsonValue &json, const QString &except = {});

} // namespace TranscriptFormats
