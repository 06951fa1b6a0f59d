#pragma once

#include "metrics/metricdefinition.h"

#include <QSqlQuery>
#include <QString>

// One row of the metrics table as a MetricDefinition (without its per-agent switches),
// the same for the writer and the readers: select MetricRow::columns(), then read().
namespace MetricRow {
// "id, key, name, ...": the columns read() expects, in its order.
QString columns();
MetricDefinition read(const QSqlQuery &query);
}
