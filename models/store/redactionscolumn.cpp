#include "redactionscolumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QVariant RedactionsColumn::encode(const TurnRedactions &redactions)
{
    if (redactions.isEmpty())
        return {};
    QJsonArray all;
    for (const TurnRedaction &redaction : redactions)
        all.append(QJsonArray{qint64(redaction.begin), qint64(redaction.end), RedactionKinds::name(redaction.kind)});
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

TurnRedactions RedactionsColumn::decodeTurn(const QVariant &value)
{
    TurnRedactions redactions;
    if (value.isNull())
        return redactions;
    for (const QJsonValue &entry : QJsonDocument::fromJson(value.toString().toUtf8()).array()) {
        const QJsonArray fields = entry.toArray();
        const std::optional<RedactionKind> kind = RedactionKinds::fromName(fields.at(2).toString());
        if (fields.size() == 3 && kind)
            redactions.append({fields.at(0).toInteger(), fields.at(1).toInteger(), *kind});
    }
    return redactions;
}

QVariant RedactionsColumn::encode(const QMap<RedactionKind, int> &counts)
{
    if (counts.isEmpty())
        return {};
    QJsonObject all;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        all.insert(RedactionKinds::name(it.key()), it.value());
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

QMap<RedactionKind, int> RedactionsColumn::decodeCounts(const QVariant &value)
{
    QMap<RedactionKind, int> counts;
    if (value.isNull())
        return counts;
    const QJsonObject all = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (const std::optional<RedactionKind> kind = RedactionKinds::fromName(it.key()))
            counts.insert(*kind, it->toInt());
    }
    return counts;
}
