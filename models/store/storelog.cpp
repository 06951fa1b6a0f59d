#include "storelog.h"

Q_LOGGING_CATEGORY(lcStore, "callscope.store")
