#include "generalsettings.h"

#include <QSettings>
#include <QStringList>

namespace {

const QString DatabaseKey = QStringLiteral("database/path");
const QString LanguageKey = QStringLiteral("ui/language");
const QString ColorSchemeKey = QStringLiteral("ui/colorScheme");

QString schemeName(GeneralSettings::ColorScheme scheme)
{
    switch (scheme) {
    case GeneralSettings::ColorScheme::Light:
        return QStringLiteral("light");
    case GeneralSettings::ColorScheme::Dark:
        return QStringLiteral("dark");
    case GeneralSettings::ColorScheme::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

GeneralSettings GeneralSettings::load(const QSettings &settings)
{
    GeneralSettings general;
    general.databasePath = settings.value(DatabaseKey).toString().trimmed();
    const QString language = settings.value(LanguageKey).toString();
    if (availableLanguages().contains(language))
        general.language = language;
    const QString scheme = settings.value(ColorSchemeKey).toString();
    if (scheme == schemeName(ColorScheme::Light))
        general.colorScheme = ColorScheme::Light;
    else if (scheme == schemeName(ColorScheme::Dark))
        general.colorScheme = ColorScheme::Dark;
    return general;
}

void GeneralSettings::save(QSettings &settings) const
{
    if (databasePath.trimmed().isEmpty())
        settings.remove(DatabaseKey);
    else
        settings.setValue(DatabaseKey, databasePath.trimmed());
    if (language.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, language);
    settings.setValue(ColorSchemeKey, schemeName(colorScheme));
}

QStringList GeneralSettings::availableLanguages()
{
    // The .ts files in translations/: English plural forms and German.
    return {QStringLiteral("en"), QStringLiteral("de")};
}
