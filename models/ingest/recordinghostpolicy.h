#pragma once

#include <QHostAddress>
#include <QString>

// Which addresses the recording fetcher may connect to. A voice_recording_url comes from
// whoever can post to the listener, so without this check it could make Callscope fetch
// from the machine itself, the local network or a cloud metadata endpoint (SSRF).
// Loopback and private ranges (RFC 1918, 100.64/10 CGNAT, fc00::/7, fec0::/10) are
// refused unless the user allows private hosts; unspecified (0.0.0.0, ::, which reach
// the local machine), link-local (169.254/16 with the metadata endpoints, fe80::/10),
// multicast, broadcast and reserved addresses are always refused. IPv4-mapped and
// IPv4-compatible IPv6 forms are judged as the IPv4 address they carry.
class RecordingHostPolicy
{
public:
    explicit RecordingHostPolicy(bool allowPrivateHosts = false) : m_allowPrivateHosts(allowPrivateHosts) {}

    bool allowsPrivateHosts() const { return m_allowPrivateHosts; }
    // Empty when the fetcher may connect to `address`; otherwise why not, as a phrase
    // for the call's error ("127.0.0.1 is a loopback address").
    QString refusal(const QHostAddress &address) const;

private:
    bool m_allowPrivateHosts;
};
