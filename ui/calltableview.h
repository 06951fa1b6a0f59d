#pragma once

#include <QTableView>

// The call list's table: one line per call with uniform row heights (the view never
// measures rows, which keeps millions of rows cheap), whole-row selection, and a short
// hint painted in the empty viewport instead of a bare grey area.
class CallTableView : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallTableView)

public:
    explicit CallTableView(QWidget *parent = nullptr);

    void setEmptyText(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_emptyText;
};
