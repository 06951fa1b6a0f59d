#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Translations {

bool install(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;

    // English plural forms first, so every other language falls back to them.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/callscope_en.qm")))
        app.installTranslator(plurals);
    else
        delete plurals;

    auto *own = new QTranslator(&app);
    if (locale.language() != QLocale::English
        && own->load(locale, QStringLiteral("callscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace Translations
