#include "recordinghostpolicy.h"

#include <array>

namespace {

struct Range
{
    const char *subnet;
    const char *kind;
    bool privateHost;   // allowed when the user allows private hosts
};

// Checked in order; the IPv4 ranges apply to IPv4-mapped IPv6 addresses too.
constexpr std::array kRanges{
    Range{"0.0.0.0/8", "an unspecified (\"this network\") address", false},
    Range{"127.0.0.0/8", "a loopback address", true},
    Range{"10.0.0.0/8", "a private (RFC 1918) address", true},
    Range{"172.16.0.0/12", "a private (RFC 1918) address", true},
    Range{"192.168.0.0/16", "a private (RFC 1918) address", true},
    Range{"100.64.0.0/10", "a carrier-grade NAT (RFC 6598) address", true},
    Range{"169.254.0.0/16", "a link-local address", false},
    Range{"192.0.0.0/24", "an IETF protocol (RFC 6890) address", false},
    Range{"198.18.0.0/15", "a benchmarking (RFC 2544) address", false},
    Range{"224.0.0.0/4", "a multicast address", false},
    Range{"240.0.0.0/4", "a reserved or broadcast address", false},
    Range{"::/128", "an unspecified address", false},
    Range{"::1/128", "a loopback address", true},
    Range{"fc00::/7", "a unique local (private) address", true},
    Range{"fec0::/10", "a site-local (private) address", true},
    Range{"fe80::/10", "a link-local address", false},
    Range{"ff00::/8", "a multicast address", false},
};

} // namespace

QString RecordingHostPolicy::refusal(const QHostAddress &address) const
{
    if (address.isNull())
        return QStringLiteral("no address");
    QHostAddress checked = address;
    checked.setScopeId(QString());
    if (checked.protocol() == QAbstractSocket::IPv6Protocol) {
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the IPv4 host.
        const Q_IPV6ADDR bytes = checked.toIPv6Address();
        bool zeroPrefix = true;
        for (int i = 0; i < 10; ++i)
            zeroPrefix = zeroPrefix && bytes[i] == 0;
        const bool mapped = zeroPrefix && bytes[10] == 0xff && bytes[11] == 0xff;
        const bool compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0
                                && (bytes[12] | bytes[13] | bytes[14] | (bytes[15] & 0xfe)) != 0;
        if (mapped || compatible)
            checked = QHostAddress(quint32(bytes[12]) << 24 | quint32(bytes[13]) << 16 | quint32(bytes[14]) << 8 | bytes[15]);
    }
    for (const Range &range : kRanges) {
        if (!checked.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(range.subnet))))
            continue;
        if (range.privateHost && m_allowPrivateHosts)
            return {};
        return QStringLiteral("%1 is %2%3")
            .arg(address.toString(), QString::fromLatin1(range.kind),
                 range.privateHost ? QStringLiteral(" (private recording hosts are not allowed)") : QString());
    }
    return {};
}
