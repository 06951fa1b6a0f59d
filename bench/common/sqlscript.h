#pragma once

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <cstdio>

// Runs a bench's SQL script (statements ending in ";\n", "--" comment lines) on the
// database at `path`, with each ":name" replaced by its value. Benches generate their
// data this way: a million upserts would take far longer than the bench itself.
inline bool runSqlScript(const QString &path, const QString &scriptPath, const QList<std::pair<QString, QString>> &values)
{
    QFile script(scriptPath);
    if (!script.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(scriptPath));
        return false;
    }
    QString sql = QString::fromUtf8(script.readAll());
    for (const auto &[name, value] : values)
        sql.replace(name, value);
    const QString connection = QStringLiteral("bench.script");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (QString statement : sql.split(QStringLiteral(";\n"))) {
            if (!ok)
                break;
            QStringList lines = statement.split(QLatin1Char('\n'));
            lines.removeIf([](const QString &line) { return line.trimmed().startsWith(QLatin1String("--")); });
            statement = lines.join(QLatin1Char('\n')).trimmed();
            if (statement.isEmpty())
                continue;
            if (!(ok = query.exec(statement)))
                std::fprintf(stderr, "%s\n  in: %s\n", qPrintable(query.lastError().text()), qPrintable(statement.left(200)));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}
