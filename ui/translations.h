#pragma once

#include <QLocale>

class QCoreApplication;

// Loading the user-interface translations: Qt's own strings (qtbase_<lang>.qm from Qt's
// translations folder) and Callscope's (callscope_<lang>.qm, embedded under :/i18n).
namespace Translations {

// Installs translators for `locale` on `app` (they are parented to it): always the
// English plural forms, then the locale's language if Callscope has it. Returns whether
// a translation for a language other than English was installed.
bool install(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace Translations
