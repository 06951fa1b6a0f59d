#include "labelset.h"

#include <QSettings>

namespace {
const QString kKey = QStringLiteral("review/labels");
}

QStringList LabelSet::defaults()
{
    return {QStringLiteral("wrong answer"), QStringLiteral("hallucination"), QStringLiteral("slow response"),
            QStringLiteral("interrupted caller"), QStringLiteral("missed intent"), QStringLiteral("good")};
}

QStringList LabelSet::cleaned(const QStringList &labels)
{
    QStringList result;
    for (const QString &label : labels) {
        const QString trimmed = label.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    return result;
}

LabelSet LabelSet::load(const QSettings &settings)
{
    LabelSet set;
    const QStringList stored = cleaned(settings.value(kKey).toStringList());
    if (!stored.isEmpty())
        set.labels = stored;
    return set;
}

void LabelSet::save(QSettings &settings) const
{
    const QStringList clean = cleaned(labels);
    settings.setValue(kKey, clean.isEmpty() ? defaults() : clean);
}
