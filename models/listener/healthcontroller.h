#pragma once

#include "apiresult.h"

// GET /health: the listener is up, and which build answers. Touches no disk, so the
// router answers it on the transport thread.
class HealthController
{
public:
    static ApiResult health();
};
