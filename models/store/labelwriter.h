#pragma once

#include "calllog/turnlabel.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

// The writer thread's SQL for a call's turn labels: reads them and replaces them as a
// whole, keeping calls.label_count equal to the number of rows, inside the transaction
// WriteSession opened. Throws StoreError when a statement fails.
class LabelWriter
{
    Q_DISABLE_COPY_MOVE(LabelWriter)

public:
    // What replace() changed: labels that went and labels that came (a label whose note
    // changed is both), in turn order.
    struct Difference
    {
        QList<TurnLabel> removed;
        QList<TurnLabel> added;
        QList<TurnLabel> before;    // the call's labels before, when anything changed (an undo puts them back)
        bool isEmpty() const { return removed.isEmpty() && added.isEmpty(); }
    };

    explicit LabelWriter(const QSqlDatabase &db);
    ~LabelWriter();

    // Makes `labels` the call's labels; unchanged ones keep their row and time, new ones
    // without a time get `nowMs`. Writes nothing when nothing differs.
    Difference replace(qint64 callDbId, const QList<TurnLabel> &labels, qint64 nowMs);

private:
    QSqlQuery &prepared(std::unique_ptr<QSqlQuery> &slot, const QString &sql);
    void exec(QSqlQuery &query);

    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_select;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_delete;
    std::unique_ptr<QSqlQuery> m_count;
};
