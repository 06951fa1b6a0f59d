#pragma once

#include <QSqlDatabase>
#include <QString>

// The SQL function callscope_turn_matches(content, match): 1 when turns_fts MATCH `match`
// (an FtsQuery expression: quoted words, ANDed) would select a turn with this content.
// It tokenizes with FTS5's own unicode61 tokenizer, set up as turns_fts is
// (remove_diacritics 2), and looks for each word's tokens as a phrase, so its answer is
// FTS5's. Lets a query test the few calls it walks, one by one, where an FTS5 lookup
// per call would cost a cursor over every index segment (CallListSql::SearchPlan::PerCall).
class TurnMatchFunction
{
public:
    static QString name() { return QStringLiteral("callscope_turn_matches"); }
    // Registers the function on an open SQLite connection; false (and `error`) if not.
    static bool install(const QSqlDatabase &db, QString *error);
};
