#pragma once

#include <QLoggingCategory>

// The store's logging category: "callscope.store".
Q_DECLARE_LOGGING_CATEGORY(lcStore)
