#include "csvtable.h"

namespace CsvTable {

QString formatRow(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))
            || field.contains(QLatin1Char('\r'))) {
            QString escaped = field;
            escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
            out.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
        } else {
            out.append(field);
        }
    }
    return out.join(QLatin1Char(','));
}

} // namespace CsvTable
