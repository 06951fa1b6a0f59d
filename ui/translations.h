#pragma once

#include <QLocale>

class QCoreApplication;

// Loading the user-interface translations: Qt's own strings (qtbase_<lang>.qm from Qt's
// translations folder) and Callscope's (callscope_<lang>.qm, embedded under :/i18n).
namespace Translations {

// Installs translators for `locale` on `app` (they are parented to it). Returns whether
// a Callscope translation for that locale was found; English needs none.
bool install(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace Translations
