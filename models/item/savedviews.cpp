#include "savedviews.h"

#include "callqueryjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace {

const QString kSavedKey = QStringLiteral("views/saved");
const QString kLastKey = QStringLiteral("views/last");
const QString kName = QStringLiteral("name");
const QString kQuery = QStringLiteral("query");

QJsonObject objectOf(const QSettings &settings, const QString &key)
{
    return QJsonDocument::fromJson(settings.value(key).toString().toUtf8()).object();
}

} // namespace

SavedViews::SavedViews(QObject *parent)
    : QObject(parent)
{
    const QSettings settings;
    const QJsonArray saved = QJsonDocument::fromJson(settings.value(kSavedKey).toString().toUtf8()).array();
    for (const QJsonValue &entry : saved) {
        const QJsonObject object = entry.toObject();
        const QString name = object.value(kName).toString().trimmed();
        if (!name.isEmpty() && !contains(name))
            m_views.append({name, CallQueryJson::fromJson(object.value(kQuery).toObject())});
    }
    const QJsonObject last = objectOf(settings, kLastKey);
    m_lastQuery = CallQueryJson::fromJson(last.value(kQuery).toObject());
    m_lastViewName = last.value(kName).toString();
}

std::optional<SavedViews::View> SavedViews::view(const QString &name) const
{
    const int index = indexOf(name);
    return index < 0 ? std::nullopt : std::optional<View>(m_views.at(index));
}

bool SavedViews::save(const QString &name, const CallQuery &query)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    if (const int index = indexOf(trimmed); index >= 0)
        m_views[index] = {trimmed, query};
    else
        m_views.append({trimmed, query});
    writeViews();
    return true;
}

bool SavedViews::rename(const QString &from, const QString &to)
{
    const int index = indexOf(from);
    const QString trimmed = to.trimmed();
    const int clash = indexOf(trimmed);
    if (index < 0 || trimmed.isEmpty() || (clash >= 0 && clash != index))
        return false;
    m_views[index].name = trimmed;
    if (m_lastViewName.compare(from, Qt::CaseInsensitive) == 0)
        setLast(m_lastQuery, trimmed);
    writeViews();
    return true;
}

void SavedViews::remove(const QString &name)
{
    const int index = indexOf(name);
    if (index < 0)
        return;
    m_views.removeAt(index);
    if (m_lastViewName.compare(name, Qt::CaseInsensitive) == 0)
        setLast(m_lastQuery, QString());
    writeViews();
}

void SavedViews::setLast(const CallQuery &query, const QString &viewName)
{
    m_lastQuery = query;
    m_lastViewName = viewName;
    const QJsonObject last{{kName, viewName}, {kQuery, CallQueryJson::toJson(query)}};
    QSettings().setValue(kLastKey, QString::fromUtf8(QJsonDocument(last).toJson(QJsonDocument::Compact)));
}

int SavedViews::indexOf(const QString &name) const
{
    const QString trimmed = name.trimmed();
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        if (m_views.at(i).name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

void SavedViews::writeViews()
{
    QJsonArray saved;
    for (const View &view : std::as_const(m_views))
        saved.append(QJsonObject{{kName, view.name}, {kQuery, CallQueryJson::toJson(view.query)}});
    QSettings().setValue(kSavedKey, QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
    emit viewsChanged();
}
