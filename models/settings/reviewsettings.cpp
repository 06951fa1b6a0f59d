#include "reviewsettings.h"

#include <QSettings>

namespace {

const QString kPlayOnOpenKey = QStringLiteral("review/playOnOpen");
const QString kLabelsKey = QStringLiteral("review/labels");

} // namespace

QStringList ReviewSettings::defaultLabels()
{
    return {QStringLiteral("wrong answer"), QStringLiteral("hallucination"), QStringLiteral("slow response"),
            QStringLiteral("interrupted caller"), QStringLiteral("missed intent"), QStringLiteral("good")};
}

QStringList ReviewSettings::cleaned(const QStringList &labels)
{
    QStringList result;
    for (const QString &label : labels) {
        const QString trimmed = label.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    return result;
}

ReviewSettings ReviewSettings::load(const QSettings &settings)
{
    ReviewSettings review;
    review.playOnOpen = settings.value(kPlayOnOpenKey, false).toBool();
    const QStringList stored = cleaned(settings.value(kLabelsKey).toStringList());
    if (!stored.isEmpty())
        review.labels = stored;
    return review;
}

void ReviewSettings::save(QSettings &settings) const
{
    settings.setValue(kPlayOnOpenKey, playOnOpen);
    const QStringList clean = cleaned(labels);
    settings.setValue(kLabelsKey, clean.isEmpty() ? defaultLabels() : clean);
}
