#include "observecontroller.h"

#include "httprequest.h"
#include "requestbodydecoder.h"

#include "calllog/calllogjsonwriter.h"
#include "ingest/ingestpipeline.h"
#include "ingest/observerequest.h"

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

    // The uploads stay alive (and are removed if not moved) until the call is stored.
    m_pipeline->ingest(body.object, source, [uploads = request.uploads, reply = std::move(reply)](const IngestResult &result) {
        if (result.storeFailure) {
            reply(ApiResult::storeFailed(*result.storeFailure));
            return;
        }
        if (!result.errors.isEmpty()) {
            reply(ApiResult::invalid(result.errors));
            return;
        }
        reply(ApiResult::created(CallLogJsonWriter::write(result.call, CallLogJsonWriter::Shape::Response))
                  .withCall(result.call.id)
                  .withNote(QStringLiteral("%1 call %2")
                                .arg(result.created ? QStringLiteral("created") : QStringLiteral("updated"))
                                .arg(result.call.id)));
    });
}
