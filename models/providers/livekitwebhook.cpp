#include "livekitwebhook.h"

using namespace Qt::StringLiterals;

QString LivekitWebhook::name() const
{
    return u"livekit"_s;
}

QString LivekitWebhook::finalEventName() const
{
    return u"session_ended"_s;
}

QStringList LivekitWebhook::callIdKeys() const
{
    return {u"session_id"_s, u"call_id"_s, u"room_name"_s};
}

QStringList LivekitWebhook::transcriptKeys() const
{
    return {u"transcript"_s, u"history"_s};
}

QStringList LivekitWebhook::metadataKeys() const
{
    return {u"room_name"_s, u"egress_s3_key"_s};
}
