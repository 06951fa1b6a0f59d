#pragma once

#include <QString>

class QSettings;
struct ListenerConfig;

// Where the desktop app's listener listens and the key it wants, as Edit › Preferences ›
// Listener sets them: the address in QSettings (listener/address, "host:port"; loopback
// by default), the key in the owner-only key file beside the database that
// Listener::loadOrCreateApiKey() reads, so that `callscope serve` on the same database
// expects the same key.
struct ListenerSettings
{
    static constexpr auto DefaultAddress = "127.0.0.1:8787";

    QString address = QString::fromLatin1(DefaultAddress);
    QString apiKey;

    // The key file is created when missing; `error` says what went wrong with it.
    static ListenerSettings load(const QSettings &settings, const QString &databasePath, QString *error = nullptr);
    // False (and `error`, naming the field) when the address does not parse or the key
    // is empty or cannot be written; nothing is saved then.
    bool save(QSettings &settings, const QString &databasePath, QString *error = nullptr) const;
    // Sets the address and key of `config`; false with `error` for an unusable address.
    bool applyTo(ListenerConfig &config, QString *error = nullptr) const;

    bool operator==(const ListenerSettings &) const = default;
};
