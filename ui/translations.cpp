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

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("callscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace Translations
