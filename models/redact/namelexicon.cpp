#include "namelexicon.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace {

#include "namelexicondata.inc"

QSet<QString> setOf(const char *data)
{
    const QStringList names = QString::fromLatin1(data).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(names.begin(), names.end());
}

} // namespace

bool NameLexicon::isFirstName(QStringView word)
{
    static const QSet<QString> names = setOf(firstNameData);
    return names.contains(word.toString().toLower());
}

bool NameLexicon::isSurname(QStringView word)
{
    static const QSet<QString> names = setOf(surnameData);
    return names.contains(word.toString().toLower());
}
