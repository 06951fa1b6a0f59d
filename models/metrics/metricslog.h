#pragma once

#include <QLoggingCategory>

// The metrics logging category: "callscope.metrics".
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
