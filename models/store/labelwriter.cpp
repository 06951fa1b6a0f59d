#include "labelwriter.h"

#include "storeerror.h"

#include <QDateTime>
#include <QSqlError>

#include <algorithm>

namespace {

struct StoredLabel
{
    qint64 rowId = 0;
    TurnLabel label;
};

} // namespace

LabelWriter::LabelWriter(const QSqlDatabase &db)
    : m_db(db)
{
}

LabelWriter::~LabelWriter() = default;

QSqlQuery &LabelWriter::prepared(std::unique_ptr<QSqlQuery> &slot, const QString &sql)
{
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            throw StoreError(QStringLiteral("prepare failed: %1 (%2)").arg(query->lastError().text(), sql));
        slot = std::move(query);
    }
    return *slot;
}

void LabelWriter::exec(QSqlQuery &query)
{
    if (!query.exec())
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(),
                                                            query.lastQuery().simplified().left(160)));
}

LabelWriter::Difference LabelWriter::replace(qint64 callDbId, const QList<TurnLabel> &labels, qint64 nowMs)
{
    QSqlQuery &select = prepared(m_select, QStringLiteral("SELECT id, turn_idx, label, note, created_at FROM turn_labels "
                                                          "WHERE call = ? ORDER BY turn_idx, id"));
    select.bindValue(0, callDbId);
    exec(select);
    QList<StoredLabel> stored;
    while (select.next()) {
        StoredLabel row;
        row.rowId = select.value(0).toLongLong();
        row.label.turnIndex = select.value(1).toInt();
        row.label.label = select.value(2).toString();
        row.label.note = select.value(3).toString();
        row.label.createdAt = QDateTime::fromMSecsSinceEpoch(select.value(4).toLongLong(), Qt::UTC);
        stored.append(row);
    }
    select.finish();

    QList<TurnLabel> before;
    before.reserve(stored.size());
    for (const StoredLabel &row : std::as_const(stored))
        before.append(row.label);

    // Match wanted labels against stored ones one to one; what is left on either side
    // is removed or added.
    Difference difference;
    QList<TurnLabel> toAdd;
    for (const TurnLabel &wanted : labels) {
        const auto match = std::find_if(stored.begin(), stored.end(),
                                        [&](const StoredLabel &row) { return row.label.sameAs(wanted); });
        if (match != stored.end())
            stored.erase(match);
        else
            toAdd.append(wanted);
    }
    if (stored.isEmpty() && toAdd.isEmpty())
        return difference;
    difference.before = before;

    QSqlQuery &remove = prepared(m_delete, QStringLiteral("DELETE FROM turn_labels WHERE id = ?"));
    for (const StoredLabel &row : std::as_const(stored)) {
        remove.bindValue(0, row.rowId);
        exec(remove);
        difference.removed.append(row.label);
    }
    QSqlQuery &insert = prepared(m_insert, QStringLiteral("INSERT INTO turn_labels (call, turn_idx, label, note, created_at) "
                                                          "VALUES (?, ?, ?, ?, ?)"));
    for (TurnLabel label : std::as_const(toAdd)) {
        if (!label.createdAt.isValid())
            label.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        insert.bindValue(0, callDbId);
        insert.bindValue(1, label.turnIndex);
        insert.bindValue(2, label.label);
        insert.bindValue(3, label.note.isEmpty() ? QVariant() : QVariant(label.note));
        insert.bindValue(4, label.createdAt.toMSecsSinceEpoch());
        exec(insert);
        difference.added.append(label);
    }
    QSqlQuery &count = prepared(m_count, QStringLiteral("UPDATE calls SET label_count = "
                                                        "(SELECT COUNT(*) FROM turn_labels WHERE call = ?), updated_at = ? "
                                                        "WHERE id = ?"));
    count.bindValue(0, callDbId);
    count.bindValue(1, nowMs);
    count.bindValue(2, callDbId);
    exec(count);

    auto byTurn = [](const TurnLabel &a, const TurnLabel &b) { return a.turnIndex < b.turnIndex; };
    std::stable_sort(difference.removed.begin(), difference.removed.end(), byTurn);
    std::stable_sort(difference.added.begin(), difference.added.end(), byTurn);
    return difference;
}
