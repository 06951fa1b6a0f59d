#include "listenersettings.h"

#include "listener.h"
#include "listenerconfig.h"

#include <QSettings>

namespace {

const QString AddressKey = QStringLiteral("listener/address");

} // namespace

ListenerSettings ListenerSettings::load(const QSettings &settings, const QString &databasePath, QString *error)
{
    ListenerSettings listener;
    const QString address = settings.value(AddressKey).toString().trimmed();
    if (!address.isEmpty())
        listener.address = address;
    listener.apiKey = Listener::loadOrCreateApiKey(databasePath, error);
    return listener;
}

bool ListenerSettings::save(QSettings &settings, const QString &databasePath, QString *error) const
{
    ListenerConfig check;
    QString problem;
    if (!applyTo(check, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (apiKey.trimmed().isEmpty()) {
        if (error)
            *error = QStringLiteral("API key: must not be empty");
        return false;
    }
    QString current;
    if (Listener::loadOrCreateApiKey(databasePath, &current) != apiKey.trimmed()
        && !Listener::saveApiKey(databasePath, apiKey, error))
        return false;
    settings.setValue(AddressKey, address.trimmed());
    return true;
}

bool ListenerSettings::applyTo(ListenerConfig &config, QString *error) const
{
    QString problem;
    if (!config.setListen(address, &problem)) {
        if (error)
            *error = QStringLiteral("Address: %1").arg(problem);
        return false;
    }
    config.apiKey = apiKey.trimmed();
    return true;
}
