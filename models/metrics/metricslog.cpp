#include "metricslog.h"

Q_LOGGING_CATEGORY(lcMetrics, "callscope.metrics")
