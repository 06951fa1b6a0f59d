#include "observerequest.h"

#include "calllog/checkedinteger.h"
#include "calllog/identifiertext.h"
#include "calllog/redactionkind.h"
#include "formats/transcriptformat.h"
#include "formats/transcriptformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace {

const QString kRequired = QStringLiteral("This field is required.");
const QString kAudioOnly = QStringLiteral("none-mono");

// Reads a body field with the encoding's rules: in form bodies numbers, objects and lists
// arrive as strings and are decoded here; in JSON bodies they must already be typed.
class BodyReader
{
public:
    BodyReader(const QJsonObject &body, ObserveRequest::Encoding encoding, FieldErrors &errors)
        : m_body(body), m_form(encoding == ObserveRequest::Encoding::Form), m_errors(errors)
    {
    }

    bool has(const QString &field) const
    {
        const QJsonValue value = m_body.value(field);
        return !value.isUndefined() && !value.isNull() && !(m_form && value.toString().isEmpty() && value.isString());
    }

    QJsonValue raw(const QString &field) const { return m_body.value(field); }

    std::optional<QString> string(const QString &field, int maxLength = -1)
    {
        if (!has(field))
            return std::nullopt;
        const QJsonValue value = m_body.value(field);
        if (!value.isString()) {
            m_errors.add(field, QStringLiteral("Must be a string."));
            return std::nullopt;
        }
        const QString text = value.toString();
        if (maxLength >= 0 && text.size() > maxLength) {
            m_errors.add(field, QStringLiteral("Ensure this field has no more than %1 characters (it has %2).")
                                    .arg(maxLength).arg(text.size()));
            return std::nullopt;
        }
        return text;
    }

    std::optional<qint64> integer(const QString &field, qint64 min, qint64 max)
    {
        if (!has(field))
            return std::nullopt;
        const QJsonValue value = m_body.value(field);
        if (!value.isDouble() && !(value.isString() && m_form)) {
            m_errors.add(field, QStringLiteral("A valid integer is required."));
            return std::nullopt;
        }
        const std::optional<qint64> number = CheckedInteger::fromJson(value, min, max, m_form);
        if (!number)
            m_errors.add(field, CheckedInteger::rangeError(min, max));
        return number;
    }

    // An identifier (call_id, assistant_id, customer_number, ...): a string that other
    // readers of the database can decode and that prints as itself.
    std::optional<QString> identifier(const QString &field, int maxLength)
    {
        const std::optional<QString> text = string(field, maxLength);
        if (!text)
            return std::nullopt;
        const QString problem = IdentifierText::problem(*text);
        if (!problem.isEmpty()) {
            m_errors.add(field, problem);
            return std::nullopt;
        }
        return text;
    }

    // A JSON value that form bodies send as its text.
    std::optional<QJsonValue> json(const QString &field)
    {
        if (!has(field))
            return std::nullopt;
        const QJsonValue value = m_body.value(field);
        if (!value.isString())
            return value;
        // Form bodies always, and JSON bodies by the docs' own examples, may carry the
        // transcript or an object as JSON text.
        QJsonParseError error;
        const QByteArray text = value.toString().toUtf8();
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError) {
            m_errors.add(field, QStringLiteral("Not valid JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset));
            return std::nullopt;
        }
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    std::optional<QJsonObject> object(const QString &field)
    {
        const std::optional<QJsonValue> value = json(field);
        if (!value)
            return std::nullopt;
        if (!value->isObject()) {
            m_errors.add(field, QStringLiteral("Must be an object."));
            return std::nullopt;
        }
        return value->toObject();
    }

private:
    const QJsonObject &m_body;
    const bool m_form;
    FieldErrors &m_errors;
};

QDateTime parseTimestamp(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    // ISO 8601 without an offset is taken as UTC, as the API's server does.
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

const QString ObserveRequest::kTranscriptionPending = QStringLiteral("transcription pending");

QString ObserveRequest::agentKeyOf(const QJsonObject &body)
{
    CallLog probe;
    const QJsonValue agent = body.value(QStringLiteral("agent"));
    if (agent.isDouble())
        probe.agent = agent.toInteger();
    else if (agent.isString() && !agent.toString().isEmpty())
        probe.agent = agent.toString().toLongLong();
    probe.assistantId = body.value(QStringLiteral("assistant_id")).toString();
    return probe.agentKey();
}

QStringList ObserveRequest::redactFieldNames()
{
    QStringList names;
    for (RedactionKind kind : RedactionKinds::all())
        names.append(RedactionKinds::name(kind));
    return names;
}

QJsonValue ObserveRequest::redactFieldsList(const QJsonValue &value, Encoding encoding)
{
    if (!value.isString() || encoding != Encoding::Form)
        return value;
    const QString text = value.toString().trimmed();
    return text.startsWith(QLatin1Char('['))
               ? QJsonValue(QJsonDocument::fromJson(text.toUtf8()).array())
               : QJsonValue(QJsonArray::fromStringList(text.split(QLatin1Char(','), Qt::SkipEmptyParts)));
}

ObserveRequest ObserveRequest::parse(const QJsonObject &body, const Options &options)
{
    ObserveRequest request;
    CallLog &call = request.m_call;
    FieldErrors &errors = request.m_errors;
    BodyReader reader(body, options.encoding, errors);

    // Identity.
    if (const auto callId = reader.identifier(QStringLiteral("call_id"), kMaxCallIdLength)) {
        if (callId->trimmed().isEmpty())
            errors.add(QStringLiteral("call_id"), QStringLiteral("This field may not be blank."));
        call.callId = *callId;
    } else if (!reader.has(QStringLiteral("call_id")) && !errors.contains(QStringLiteral("call_id"))) {
        errors.add(QStringLiteral("call_id"), kRequired);
    }
    call.agent = reader.integer(QStringLiteral("agent"), 1, CheckedInteger::kMaxExactDouble);
    call.assistantId = reader.identifier(QStringLiteral("assistant_id"), 255).value_or(QString());
    if (!reader.has(QStringLiteral("agent")) && call.assistantId.isEmpty() && !errors.contains(QStringLiteral("assistant_id")))
        errors.add(QStringLiteral("agent"), QStringLiteral("Either agent or assistant_id is required."));

    if (const auto traceId = reader.identifier(QStringLiteral("trace_id"), -1)) {
        static const QRegularExpression hex32(QStringLiteral("^[0-9a-fA-F]{32}$"));
        if (!traceId->isEmpty() && !hex32.match(*traceId).hasMatch())
            errors.add(QStringLiteral("trace_id"), QStringLiteral("Must be 32 hexadecimal characters (an OpenTelemetry trace id)."));
        else
            call.traceId = traceId->toLower();
    }

    // Recording.
    if (const auto url = reader.string(QStringLiteral("voice_recording_url"), 2048)) {
        const QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            errors.add(QStringLiteral("voice_recording_url"), QStringLiteral("Enter a valid http or https URL."));
        else
            call.voiceRecordingUrl = *url;
    }
    if (const auto file = reader.identifier(QStringLiteral("voice_recording"), -1))
        request.m_recordingFile = *file;

    // Transcript.
    const bool typeGiven = reader.has(QStringLiteral("transcript_type"));
    if (const auto type = reader.string(QStringLiteral("transcript_type"))) {
        if (!TranscriptFormats::allNames().contains(*type))
            errors.add(QStringLiteral("transcript_type"),
                       QStringLiteral("\"%1\" is not a valid choice; use one of: %2.")
                           .arg(*type, TranscriptFormats::allNames().join(QLatin1String(", "))));
        else
            call.transcriptType = *type;
    }
    if (const auto channel = reader.integer(QStringLiteral("main_agent_channel_index"), 0, 1))
        call.mainAgentChannelIndex = int(*channel);
    const std::optional<QJsonValue> transcript = reader.json(QStringLiteral("transcript_json"));
    if (call.transcriptType == kAudioOnly) {
        // Audio only: the transcript comes from local transcription, later.
        if (transcript)
            errors.add(QStringLiteral("transcript_json"),
                       QStringLiteral("A none-mono call carries no transcript; omit transcript_json or name its transcript_type."));
        if (!options.hasUploadedRecording && request.m_recordingFile.isEmpty() && call.voiceRecordingUrl.isEmpty()
            && !errors.contains(QStringLiteral("voice_recording_url")))
            errors.add(QStringLiteral("voice_recording"),
                       QStringLiteral("A none-mono call needs a recording: upload voice_recording or give voice_recording_url."));
        call.errorMessage = kTranscriptionPending;
    } else if (!errors.contains(QStringLiteral("transcript_type"))) {
        const TranscriptFormat *format = TranscriptFormats::find(call.transcriptType);
        if (!format) {
            errors.add(QStringLiteral("transcript_type"),
                       QStringLiteral("\"%1\" is not supported yet by Callscope.").arg(call.transcriptType));
        } else if (transcript) {
            TranscriptParseOptions parseOptions;
            parseOptions.mainAgentChannelIndex = call.mainAgentChannelIndex;
            parseOptions.lenientRoles = options.lenientRoles;
            FieldErrors transcriptErrors;
            call.turns = format->parse(*transcript, parseOptions, transcriptErrors);
            if (!transcriptErrors.isEmpty()) {
                errors.merge(transcriptErrors, QStringLiteral("transcript_json"));
                const QString guess = TranscriptFormats::guess(*transcript, call.transcriptType);
                if (!typeGiven && !guess.isEmpty() && guess != QLatin1String("vocera"))
                    errors.add(QStringLiteral("transcript_type"),
                               QStringLiteral("transcript_json looks like %1; send transcript_type=%1.").arg(guess));
            }
        }
    }

    // Descriptive fields.
    call.callEndedReason = reader.identifier(QStringLiteral("call_ended_reason"), kMaxShortTextLength).value_or(QString());
    call.customerNumber = reader.identifier(QStringLiteral("customer_number"), kMaxShortTextLength).value_or(QString());
    call.metadata = reader.object(QStringLiteral("metadata")).value_or(QJsonObject());
    call.dynamicVariables = reader.object(QStringLiteral("dynamic_variables")).value_or(QJsonObject());
    if (const auto timestamp = reader.string(QStringLiteral("timestamp"))) {
        call.timestamp = parseTimestamp(*timestamp);
        if (!call.timestamp.isValid())
            errors.add(QStringLiteral("timestamp"),
                       QStringLiteral("Datetime has wrong format. Use ISO 8601, e.g. 2026-11-25T14:30:00Z."));
    }
    if (reader.has(QStringLiteral("feedback")))
        call.feedback = reader.string(QStringLiteral("feedback"), 10000);
    if (const auto status = reader.string(QStringLiteral("status"))) {
        call.status = ReviewStatuses::fromName(*status);
        if (!call.status)
            errors.add(QStringLiteral("status"), QStringLiteral("\"%1\" is not a valid choice; use success, failure, "
                                                                "reviewed_success or reviewed_failure.").arg(*status));
    }

    // annotations: the turn labels of an exported call (a Callscope extension, like status).
    if (const auto annotations = reader.json(QStringLiteral("annotations"))) {
        FieldErrors labelErrors;
        call.annotations = TurnLabel::listFromJson(*annotations, labelErrors);
        if (call.annotations)
            TurnLabel::checkTurns(*call.annotations, call.turns.size(), labelErrors);
        errors.merge(labelErrors);
    }

    // redact_fields: a list of enum values (form bodies: JSON text or comma-separated).
    if (reader.has(QStringLiteral("redact_fields"))) {
        const QJsonValue value = redactFieldsList(reader.raw(QStringLiteral("redact_fields")), options.encoding);
        if (!value.isArray()) {
            errors.add(QStringLiteral("redact_fields"), QStringLiteral("Expected a list of items."));
        } else {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString name = items.at(i).toString().trimmed();
                if (!redactFieldNames().contains(name))
                    errors.add(QStringLiteral("redact_fields[%1]").arg(i),
                               QStringLiteral("\"%1\" is not a valid choice.").arg(items.at(i).toVariant().toString()));
                else
                    call.redactFields.append(name);
            }
        }
    }

    // metric_ids: "1,2,3" (a JSON list of integers is taken too).
    if (reader.has(QStringLiteral("metric_ids"))) {
        const QJsonValue value = reader.raw(QStringLiteral("metric_ids"));
        QStringList parts;
        if (value.isString()) {
            parts = value.toString().split(QLatin1Char(','));
        } else if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                parts.append(item.isDouble() ? QString::number(item.toDouble(), 'g', 17) : QStringLiteral("?"));
        } else if (value.isDouble()) {
            parts.append(QString::number(value.toDouble(), 'g', 17));
        }
        if (parts.isEmpty())
            errors.add(QStringLiteral("metric_ids"), QStringLiteral("Must be comma-separated integers, e.g. \"1,2,3\"."));
        for (const QString &part : std::as_const(parts)) {
            const std::optional<qint64> id = CheckedInteger::fromText(part, 1, CheckedInteger::kMaxExactDouble);
            if (!id) {
                errors.add(QStringLiteral("metric_ids"),
                           QStringLiteral("Must be comma-separated integers, e.g. \"1,2,3\"; \"%1\" is not one.").arg(part.trimmed()));
                break;
            }
            call.metricIds.append(*id);
        }
    }

    call.durationSeconds = call.transcriptDuration();
    if (!errors.isEmpty())
        request.m_call = CallLog();
    return request;
}
