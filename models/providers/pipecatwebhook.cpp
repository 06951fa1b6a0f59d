#include "pipecatwebhook.h"

using namespace Qt::StringLiterals;

QString PipecatWebhook::name() const
{
    return u"pipecat"_s;
}

QString PipecatWebhook::finalEventName() const
{
    return u"call_ended"_s;
}

QStringList PipecatWebhook::callIdKeys() const
{
    return {u"call_id"_s, u"session_id"_s};
}

QStringList PipecatWebhook::transcriptKeys() const
{
    return {u"transcript"_s, u"messages"_s};
}

QStringList PipecatWebhook::metadataKeys() const
{
    return {u"session_id"_s};
}
