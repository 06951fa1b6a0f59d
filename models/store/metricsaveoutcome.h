#pragma once

#include "calllog/fielderrors.h"

#include <QString>

// What a change to a metric definition came to: the metric's id and version after it, or
// errors by field (nothing changed), or the store's error.
struct MetricSaveOutcome
{
    qint64 id = 0;
    int version = 0;
    bool notFound = false;
    FieldErrors errors;
    QString error;

    bool ok() const { return !notFound && errors.isEmpty() && error.isEmpty(); }
};
