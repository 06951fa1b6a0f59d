#include "listenerlog.h"

Q_LOGGING_CATEGORY(lcListener, "callscope.listener")
