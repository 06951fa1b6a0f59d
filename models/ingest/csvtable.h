#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 CSV, as spreadsheet programs write it: comma separated, fields quoted when
// they hold a comma, quote or line break, quotes doubled. Qt has no CSV codec and none of
// Debian's C++ CSV libraries is worth a dependency for this much code.
namespace CsvTable {

struct Row
{
    QStringList fields;
    int line = 0;   // 1-based line where the row starts
};

// Parses `text` into rows; a quoted field may span lines. Returns false and sets
// `error` ("line 7: unterminated quoted field") on malformed input.
bool parse(const QString &text, QList<Row> &rows, QString *error);
QString formatRow(const QStringList &fields);

} // namespace CsvTable
