#pragma once

#include <QString>
#include <QStringList>

// Writing RFC 4180 CSV, as CsvReader reads it back: comma separated, fields quoted when
// they hold a comma, quote or line break, quotes doubled.
namespace CsvTable {

QString formatRow(const QStringList &fields);

} // namespace CsvTable
