#include "reviewsettings.h"

#include <QSettings>

namespace {

const QString kPlayOnOpen = QStringLiteral("review/playOnOpen");

} // namespace

bool ReviewSettings::playOnOpen(const QSettings &settings)
{
    return settings.value(kPlayOnOpen, false).toBool();
}

void ReviewSettings::setPlayOnOpen(QSettings &settings, bool on)
{
    settings.setValue(kPlayOnOpen, on);
}
