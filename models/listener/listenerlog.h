#pragma once

#include <QLoggingCategory>

// The HTTP listener's logging category: "callscope.listener".
Q_DECLARE_LOGGING_CATEGORY(lcListener)
