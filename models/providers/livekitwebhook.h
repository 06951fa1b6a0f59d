#pragma once

#include "sessionwebhookbody.h"

// LiveKit agent sessions posted by the agent when a session ends. Cekura's LiveKit
// receiver pulls transcript and audio from S3 egress and its body is UNCONFIRMED, so the
// body is Callscope's documented shape (see SessionWebhookBody) with:
//   event "session_ended" (final; absent also counts as final), session_id, call_id or
//   room_name, transcript or history = a livekit transcript ([{role, content,
//   timestamp}], or the ChatContext dict {items:[...]} from session.history.to_dict()).
// egress_s3_key and room_name are kept in metadata: Callscope does not read S3, so send
// recording_url for the audio.
// Example:
//   {"event":"session_ended","session_id":"AJ_x1","agent_id":"7","room_name":"call-x1",
//    "history":{"items":[{"type":"message","role":"assistant","content":["Hi"],"created_at":1767000000.5}]},
//    "recording_url":"https://example.com/x1.ogg","egress_s3_key":"egress/x1.ogg"}
class LivekitWebhook : public SessionWebhookBody
{
public:
    QString name() const override;

protected:
    QString finalEventName() const override;
    QStringList callIdKeys() const override;
    QStringList transcriptKeys() const override;
    QStringList metadataKeys() const override;
};
