#pragma once

#include <QString>

class QSettings;

// The app-wide choices of Edit › Preferences › General, kept in QSettings: the database
// the desktop app opens when no --db is given (database/path), the interface language
// (ui/language) and the colour scheme (ui/colorScheme). The first two take effect at the
// next start; the colour scheme at once. A missing or unknown value reads as its default.
struct GeneralSettings
{
    enum class ColorScheme { System, Light, Dark };

    QString databasePath;                       // empty: CallStore::defaultPath()
    QString language;                           // empty: the system's; else "en", "de", ...
    ColorScheme colorScheme = ColorScheme::System;

    static GeneralSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    // The languages Callscope is translated into, as language codes ("en" first).
    static QStringList availableLanguages();

    bool operator==(const GeneralSettings &) const = default;
};
