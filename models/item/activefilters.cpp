#include "activefilters.h"

#include "calllog/agentkey.h"

#include <QLocale>

namespace {

QString dateText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
}

// "a, b" for up to three names, "a, b and 2 more" past that.
QString listText(const QStringList &names)
{
    constexpr int kShown = 2;
    if (names.size() <= kShown + 1)
        return names.join(QStringLiteral(", "));
    return ActiveFilters::tr("%1 and %n more", nullptr, int(names.size() - kShown)).arg(names.mid(0, kShown).join(QStringLiteral(", ")));
}

} // namespace

QList<ActiveFilters::Filter> ActiveFilters::of(const CallQuery &query, const QHash<QString, QString> &agentNames)
{
    QList<Filter> filters;
    if (!query.search.isEmpty())
        filters.append({Kind::Search, tr("text contains “%1”").arg(query.search)});
    if (query.status)
        filters.append({Kind::Status, tr("status is %1").arg(statusText(*query.status))});
    if (query.reviewed)
        filters.append({Kind::Reviewed, *query.reviewed ? tr("reviewed") : tr("not reviewed")});
    if (!query.agentKeys.isEmpty()) {
        QStringList names;
        for (const QString &key : query.agentKeys)
            names.append(agentText(key, agentNames));
        filters.append({Kind::Agent, tr("agent is %1").arg(listText(names))});
    } else if (!query.agentKey.isNull()) {
        filters.append({Kind::Agent, tr("agent is %1").arg(agentText(query.agentKey.toString(), agentNames))});
    } else if (!query.agent.isEmpty()) {
        filters.append({Kind::Agent, tr("agent is %1").arg(query.agent)});
    }
    if (!query.endedReasons.isEmpty()) {
        QStringList reasons;
        for (const QString &reason : query.endedReasons)
            reasons.append(endedReasonText(reason));
        filters.append({Kind::EndedReason, tr("ended reason is %1").arg(listText(reasons))});
    }
    const bool from = query.timestampFrom.isValid();
    const bool to = query.timestampTo.isValid();
    if (from && to)
        filters.append({Kind::Date, tr("date %1 – %2").arg(dateText(query.timestampFrom), dateText(query.timestampTo))});
    else if (from)
        filters.append({Kind::Date, tr("date from %1").arg(dateText(query.timestampFrom))});
    else if (to)
        filters.append({Kind::Date, tr("date until %1").arg(dateText(query.timestampTo))});
    if (query.minDuration && query.maxDuration)
        filters.append({Kind::Duration, tr("duration %1 – %2").arg(durationText(*query.minDuration), durationText(*query.maxDuration))});
    else if (query.minDuration)
        filters.append({Kind::Duration, tr("duration at least %1").arg(durationText(*query.minDuration))});
    else if (query.maxDuration)
        filters.append({Kind::Duration, tr("duration at most %1").arg(durationText(*query.maxDuration))});
    if (query.hasRecording)
        filters.append({Kind::Recording, *query.hasRecording ? tr("has a recording") : tr("no recording")});
    if (query.hasLabels)
        filters.append({Kind::Labels, *query.hasLabels ? tr("has labels") : tr("no labels")});
    if (query.hasFailedMetrics) {
        filters.append({Kind::FailedMetrics,
                        *query.hasFailedMetrics ? tr("has failed metrics") : tr("no failed metrics")});
    }
    if (!query.metrics.isEmpty()) {
        QStringList parts;
        for (const MetricFilter &metric : query.metrics)
            parts.append(metricText(metric));
        filters.append({Kind::Metric, parts.join(QStringLiteral("; "))});
    }
    return filters;
}

CallQuery ActiveFilters::without(CallQuery query, Kind kind)
{
    switch (kind) {
    case Kind::Search: query.search.clear(); break;
    case Kind::Status: query.status.reset(); break;
    case Kind::Reviewed: query.reviewed.reset(); break;
    case Kind::Agent:
        query.agentKeys.clear();
        query.agentKey = {};
        query.agent.clear();
        break;
    case Kind::EndedReason: query.endedReasons.clear(); break;
    case Kind::Date:
        query.timestampFrom = {};
        query.timestampTo = {};
        break;
    case Kind::Duration:
        query.minDuration.reset();
        query.maxDuration.reset();
        break;
    case Kind::Recording: query.hasRecording.reset(); break;
    case Kind::Labels: query.hasLabels.reset(); break;
    case Kind::FailedMetrics: query.hasFailedMetrics.reset(); break;
    case Kind::Metric: query.metrics.clear(); break;
    }
    return query;
}

CallQuery ActiveFilters::cleared(const CallQuery &query)
{
    CallQuery empty;
    empty.sort = query.sort;
    return empty;
}

QString ActiveFilters::statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Success: return tr("success");
    case ReviewStatus::Failure: return tr("failure");
    case ReviewStatus::ReviewedSuccess: return tr("reviewed success");
    case ReviewStatus::ReviewedFailure: return tr("reviewed failure");
    }
    return {};
}

QString ActiveFilters::durationText(double seconds)
{
    const qint64 whole = qint64(seconds + 0.5);
    const qint64 hours = whole / 3600;
    const QString minutesAndSeconds = QStringLiteral("%1:%2").arg(hours ? (whole / 60) % 60 : whole / 60, hours ? 2 : 1, 10, QLatin1Char('0'))
                                          .arg(whole % 60, 2, 10, QLatin1Char('0'));
    return hours ? QStringLiteral("%1:%2").arg(hours).arg(minutesAndSeconds) : minutesAndSeconds;
}

QString ActiveFilters::agentText(const QString &agentKey, const QHash<QString, QString> &agentNames)
{
    if (const auto named = agentNames.constFind(agentKey); named != agentNames.constEnd() && !named->isEmpty())
        return *named;
    const AgentKey key = AgentKey::parse(agentKey);
    if (key.agent())
        return QString::number(*key.agent());
    return key.isNull() ? agentKey : key.assistantId();
}

QString ActiveFilters::endedReasonText(const QString &reason)
{
    return reason.isEmpty() ? tr("none") : reason;
}

QString ActiveFilters::metricText(const MetricFilter &filter)
{
    const QLocale locale;
    const auto number = [&locale](double value) { return locale.toString(value, 'g', 6); };
    QStringList parts;
    if (filter.passed)
        parts.append(*filter.passed ? tr("%1 passed").arg(filter.key) : tr("%1 failed").arg(filter.key));
    if (filter.minScore && filter.maxScore)
        parts.append(tr("%1 from %2 to under %3").arg(filter.key, number(*filter.minScore), number(*filter.maxScore)));
    else if (filter.minScore)
        parts.append(tr("%1 at least %2").arg(filter.key, number(*filter.minScore)));
    else if (filter.maxScore)
        parts.append(tr("%1 under %2").arg(filter.key, number(*filter.maxScore)));
    if (parts.isEmpty())
        parts.append(tr("%1 evaluated").arg(filter.key));
    return parts.join(QStringLiteral(", "));
}
