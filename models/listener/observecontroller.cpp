#include "observecontroller.h"

#include "httprequest.h"
#include "requestbodydecoder.h"

#include "calllog/calllogjsonwriter.h"
#include "ingest/ingestpipeline.h"
#include "ingest/observerequest.h"
#include "redact/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The kinds a body's redact_fields name. Read as a form body's text whatever the encoding: a
// JSON body's text is refused later, and its log must be redacted all the same.
QSet<RedactionKind> redactedKinds(const QJsonObject &body)
{
    const QJsonValue fields = ObserveRequest::redactFieldsList(body.value(QStringLiteral("redact_fields")),
                                                               ObserveRequest::Encoding::Form);
    QStringList names;
    for (const QJsonValue &name : fields.toArray())
        names.append(name.toString());
    // Named but none known (a 400 follows): redact every kind in the log rather than none.
    const QSet<RedactionKind> kinds = Redactor::kindsOf(names);
    return names.isEmpty() || !kinds.isEmpty() ? kinds : QSet<RedactionKind>(RedactionKinds::all().cbegin(), RedactionKinds::all().cend());
}

} // namespace

ObserveController::ObserveController(IngestPipeline *pipeline)
    : m_pipeline(pipeline)
{
}

void ObserveController::observe(const HttpRequest &request, ApiReply reply)
{
    const RequestBodyDecoder::Body body = RequestBodyDecoder::decode(request);
    if (!body.ok()) {
        reply(ApiResult::invalid(body.errors));
        return;
    }

    FieldErrors errors;
    IngestSource source;
    source.encoding = body.form ? ObserveRequest::Encoding::Form : ObserveRequest::Encoding::Json;
    for (const HttpRequest::UploadedFile &file : request.files) {
        if (file.fieldName == QLatin1String("voice_recording")) {
            source.uploadedRecording = file.path;
            source.uploadedRecordingName = file.fileName;
        } else {
            errors.add(file.fieldName, QStringLiteral("Unexpected file upload; only voice_recording takes a file."));
        }
    }
    // A `voice_recording` path in the body is refused by the pipeline: only file import
    // may name local files (IngestSource::localRecordingPaths).
    if (!errors.isEmpty()) {
        reply(ApiResult::invalid(errors));
        return;
    }

    // A body naming redact_fields is logged redacted, whatever becomes of it: as stored
    // when it is stored (redacted with the whole call as context), else value by value.
    const QSet<RedactionKind> redacted = redactedKinds(body.object);
    const auto logged = [&redacted, object = body.object](ApiResult result, const CallLog *stored) {
        if (redacted.isEmpty())
            return result;
        const QJsonObject kept = stored ? stored->toObserveJson() : Redactor(redacted).redactedBody(object);
        return result.withLoggedRequestBody(QJsonDocument(kept).toJson(QJsonDocument::Compact));
    };
    // The uploads stay alive (and are removed if not moved) until the call is stored.
    m_pipeline->ingest(body.object, source, [uploads = request.uploads, reply = std::move(reply), logged](const IngestResult &result) {
        if (result.storeFailure) {
            reply(logged(ApiResult::storeFailed(*result.storeFailure), nullptr));
            return;
        }
        if (!result.errors.isEmpty()) {
            reply(logged(ApiResult::invalid(result.errors), nullptr));
            return;
        }
        reply(logged(ApiResult::created(CallLogJsonWriter::write(result.call, CallLogJsonWriter::Shape::Response)), &result.call)
                  .withCall(result.call.id)
                  .withNote(QStringLiteral("%1 call %2")
                                .arg(result.created ? QStringLiteral("created") : QStringLiteral("updated"))
                                .arg(result.call.id)));
    });
}
