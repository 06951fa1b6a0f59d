#include "fileextensions.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace {

QSet<QString> readMimeTypes()
{
    QSet<QString> extensions;
    QFile file(QStringLiteral("/etc/mime.types"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return extensions;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(spaces, Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < fields.size(); ++i)
            extensions.insert(fields[i].toLower());
    }
    return extensions;
}

const QSet<QString> &extensions()
{
    static const QSet<QString> all = readMimeTypes();
    return all;
}

// Extensions that are also words people say after "dot" or "point" (or top-level domains,
// which the URL detector reads).
const QSet<QString> &everydayWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *word :
             {"age", "ahead", "ai", "am", "art", "at", "bar", "bed", "book", "boo", "box", "cab", "cache", "cap", "car",
              "cat", "class", "cod", "com", "copyright", "curl", "deploy", "diff", "dir", "dist", "dot", "entity", "es",
              "exp", "ext", "fig", "fit", "fly", "frame", "gen", "geo", "gram", "held", "info", "ink", "jam",
              "key", "kin", "las", "le", "les", "line", "mag", "mail", "maker", "man", "manifest", "me", "mesh", "mod",
              "model", "moo", "mop", "movie", "mus", "numbers", "old", "one", "or", "org", "package", "pages", "pat",
              "patch", "pm", "pot", "pre", "pub", "quiz", "ram", "reload", "rep", "request", "rip", "see", "seed",
              "sic", "sieve", "sig", "silo", "so", "sos", "spot", "step", "str", "study", "sus", "tag", "tap",
              "teacher", "text", "tree", "val", "win", "yin", "zone"})
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

} // namespace

bool FileExtensions::contains(const QString &extension)
{
    return extensions().contains(extension.toLower());
}

bool FileExtensions::isSpoken(const QString &extension)
{
    const QString lower = extension.toLower();
    return lower.size() >= 2 && contains(lower) && !everydayWords().contains(lower);
}
