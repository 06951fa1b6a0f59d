#pragma once

#include "store/callquery.h"

#include <QJsonObject>

// A CallQuery's filters and sort as JSON, for saved views and the last filter kept in
// QSettings. Only what a person sets in the filter bar or the list header is written
// (status, reviewed, agents, ended reasons, date and duration ranges, recording, labels,
// failed metrics, search, sort); ids, paging and limits are not part of a view. Reading skips members
// that are missing or of the wrong type, so an older or hand-edited file still loads.
namespace CallQueryJson {

QJsonObject toJson(const CallQuery &query);
CallQuery fromJson(const QJsonObject &json);

QString sortFieldName(CallSortField field);
std::optional<CallSortField> sortFieldFromName(const QString &name);

} // namespace CallQueryJson
