#include "metricresultsmodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QVariantMap>

#include <algorithm>

MetricResultsModel::MetricResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

MetricResultsModel::Outcome MetricResultsModel::outcomeOf(const MetricResult &result)
{
    if (!result.error.isEmpty())
        return Outcome::Error;
    if (result.passed)
        return *result.passed ? Outcome::Passed : Outcome::Failed;
    if (result.isNotApplicable())
        return Outcome::NotApplicable;
    return Outcome::Value;
}

QString MetricResultsModel::resultText(const MetricResult &result)
{
    switch (outcomeOf(result)) {
    case Outcome::Error: return tr("error");
    case Outcome::NotApplicable: return tr("n/a");
    case Outcome::Passed: return tr("Pass");
    case Outcome::Failed: return tr("Fail");
    case Outcome::Value: break;
    }
    if (result.value.isBool())
        return result.value.toBool() ? tr("yes") : tr("no");
    if (result.value.isString())
        return result.value.toString();
    const double score = result.score.toDouble();
    const QLocale locale;
    // Whole milliseconds and counts; seconds and ratios to two places.
    const bool whole = result.unit == QLatin1String("ms") || result.unit == QLatin1String("count")
                       || result.unit == QLatin1String("words/min");
    QString number = locale.toString(score, 'f', whole ? 0 : 2);
    if (result.unit == QLatin1String("count") || result.unit.isEmpty() || result.unit == QLatin1String("0-1"))
        return number;
    return number + QLatin1Char(' ') + result.unit;
}

void MetricResultsModel::setResults(const QList<MetricResult> &results)
{
    beginResetModel();
    m_results = results;
    // What went wrong first; the order within each group stays the store's.
    std::stable_sort(m_results.begin(), m_results.end(), [](const MetricResult &a, const MetricResult &b) {
        const auto rank = [](const MetricResult &r) {
            switch (outcomeOf(r)) {
            case Outcome::Failed: return 0;
            case Outcome::Error: return 1;
            default: return 2;
            }
        };
        return rank(a) < rank(b);
    });
    endResetModel();
}

int MetricResultsModel::failedCount() const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [](const MetricResult &r) { return outcomeOf(r) == Outcome::Failed; }));
}

int MetricResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int MetricResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MetricResult &result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return result.name.isEmpty() ? result.key : result.name;
        case Result: return resultText(result);
        case Explanation: return result.explanation.join(QLatin1Char(' '));
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines{result.explanation};
        if (!result.notApplicableReason.isEmpty() && !lines.contains(result.notApplicableReason))
            lines.prepend(result.notApplicableReason);
        if (!result.key.isEmpty())
            lines.append(tr("Key: %1 · source: %2").arg(result.key, result.source));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (index.column() != Result)
            break;
        switch (outcomeOf(result)) {
        case Outcome::Passed: return m_dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
        case Outcome::Failed: return m_dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
        case Outcome::Error: return m_dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x9a, 0x4d, 0x00);
        case Outcome::NotApplicable: return m_dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
        case Outcome::Value: break;
        }
        break;
    case Qt::FontRole:
        if (index.column() == Result && outcomeOf(result) == Outcome::Failed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case OutcomeRole: return int(outcomeOf(result));
    case KeyRole: return result.key;
    case EventsRole: {
        QVariantList events;
        for (const MetricEvent &event : result.events)
            events.append(QVariantMap{{QStringLiteral("time"), event.time},
                                      {QStringLiteral("duration"), event.duration},
                                      {QStringLiteral("turn"), event.turnIndex}});
        return events;
    }
    default: break;
    }
    return {};
}

QVariant MetricResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Metric: return tr("Metric");
    case Result: return tr("Result");
    case Explanation: return tr("Explanation");
    }
    return {};
}
