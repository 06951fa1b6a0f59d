#pragma once

#include "calllog/calllog.h"
#include "calllog/fielderrors.h"

#include <QJsonObject>
#include <QString>

// The one validator of observe request bodies, used by every entry point (listener,
// importer, command line, UI). Turns a body into a CallLog or into field errors that
// name each bad field; a body with any error yields no call at all.
class ObserveRequest
{
public:
    enum class Encoding {
        Json,   // application/json: numbers are numbers, objects are objects
        Form,   // multipart or urlencoded: every value arrives as a string
    };

    struct Options
    {
        Encoding encoding = Encoding::Json;
        // Accept agent/assistant/bot/user role aliases in cekura transcripts.
        bool lenientRoles = false;
        // A recording file arrived beside the body (multipart upload).
        bool hasUploadedRecording = false;
    };

    // Validates `body`. On success call() holds the call and errors() is empty.
    static ObserveRequest parse(const QJsonObject &body, const Options &options);
    static ObserveRequest parse(const QJsonObject &body) { return parse(body, Options()); }

    bool isValid() const { return m_errors.isEmpty(); }
    const CallLog &call() const { return m_call; }
    CallLog &call() { return m_call; }
    const FieldErrors &errors() const { return m_errors; }
    // The `voice_recording` value when it is a path (file import) rather than an upload.
    const QString &recordingFile() const { return m_recordingFile; }

    // The agent key (CallLog::agentKey) a body names, before validation; used to look up
    // per-agent settings that change how the body is validated.
    static QString agentKeyOf(const QJsonObject &body);
    static QStringList redactFieldNames();
    // A body's redact_fields as a list: a form body's text (a JSON list or comma-separated
    // names) becomes an array; any other value is returned as it is.
    static QJsonValue redactFieldsList(const QJsonValue &value, Encoding encoding);
    // error_message of an audio-only (none-mono) call until it has been transcribed.
    static const QString kTranscriptionPending;
    static constexpr int kMaxCallIdLength = 100;
    static constexpr int kMaxShortTextLength = 100;

private:
    CallLog m_call;
    FieldErrors m_errors;
    QString m_recordingFile;
};
