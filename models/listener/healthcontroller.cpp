#include "healthcontroller.h"

#include <QJsonObject>

ApiResult HealthController::health()
{
    return ApiResult::ok(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                     {QStringLiteral("version"), QStringLiteral(CALLSCOPE_VERSION)}});
}
