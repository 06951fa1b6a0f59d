#include "listenerconfig.h"

#include <QRandomGenerator>

QString ListenerConfig::baseUrl(quint16 actualPort) const
{
    QString host;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    else if (address == QHostAddress::AnyIPv6)
        host = QStringLiteral("[::1]");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    else
        host = address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(actualPort);
}

bool ListenerConfig::setListen(const QString &spec, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QString host;
    QString portText;
    const QString trimmed = spec.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(QStringLiteral("missing ] in %1").arg(spec));
        host = trimmed.mid(1, close - 1);
        const QString rest = trimmed.mid(close + 1);
        if (!rest.startsWith(QLatin1Char(':')))
            return fail(QStringLiteral("missing port in %1").arg(spec));
        portText = rest.mid(1);
    } else {
        const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) {
            portText = trimmed;
        } else {
            host = trimmed.left(colon);
            portText = trimmed.mid(colon + 1);
        }
    }
    bool ok = false;
    const uint parsedPort = portText.toUInt(&ok);
    if (!ok || parsedPort > 65535)
        return fail(QStringLiteral("bad port in %1").arg(spec));
    QHostAddress parsedAddress = address;
    if (host == QLatin1String("localhost"))
        parsedAddress = QHostAddress(QHostAddress::LocalHost);
    else if (host == QLatin1String("*"))
        parsedAddress = QHostAddress(QHostAddress::Any);
    else if (!host.isEmpty() && !parsedAddress.setAddress(host))
        return fail(QStringLiteral("bad address in %1").arg(spec));
    address = parsedAddress;
    port = quint16(parsedPort);
    return true;
}

QString ListenerConfig::generateApiKey()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString key;
    key.reserve(32);
    for (int i = 0; i < 32; ++i)
        key.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(64)]));
    return key;
}
