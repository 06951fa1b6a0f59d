#include "ftsquery.h"

#include <QRegularExpression>
#include <QStringList>

QString FtsQuery::matchExpression(const QString &userText)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList quoted;
    for (const QString &word : userText.split(whitespace, Qt::SkipEmptyParts)) {
        const bool hasWordCharacter = std::any_of(word.begin(), word.end(),
                                                  [](QChar c) { return c.isLetterOrNumber(); });
        if (!hasWordCharacter)
            continue;
        QString escaped = word;
        escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
        quoted.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
    }
    return quoted.join(QLatin1Char(' '));
}
