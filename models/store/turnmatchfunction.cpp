#include "turnmatchfunction.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QSqlDriver>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace {

using Tokens = QList<QByteArray>;

// FTS5's unicode61 tokenizer as turns_fts uses it, one per connection.
struct Tokenizer
{
    fts5_tokenizer api{};
    Fts5Tokenizer *instance = nullptr;

    ~Tokenizer()
    {
        if (instance)
            api.xDelete(instance);
    }

    Tokens tokens(const QByteArray &text, int flags) const
    {
        Tokens out;
        api.xTokenize(instance, &out, flags, text.constData(), int(text.size()),
                      [](void *context, int, const char *token, int length, int, int) {
                          static_cast<Tokens *>(context)->append(QByteArray(token, length));
                          return SQLITE_OK;
                      });
        return out;
    }
};

fts5_api *fts5Of(sqlite3 *connection)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, reinterpret_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

// The words of an FtsQuery expression ("a" "b""c"), each as the phrase of its tokens.
QList<Tokens> phrasesOf(const Tokenizer &tokenizer, const QByteArray &match)
{
    static const QRegularExpression quoted(QStringLiteral(R"re("((?:[^"]|"")*)")re"));
    QList<Tokens> phrases;
    for (const QRegularExpressionMatch &word : quoted.globalMatch(QString::fromUtf8(match))) {
        const QByteArray text = word.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\"")).toUtf8();
        phrases.append(tokenizer.tokens(text, FTS5_TOKENIZE_QUERY));
    }
    return phrases;
}

bool containsPhrase(const Tokens &tokens, const Tokens &phrase)
{
    if (phrase.isEmpty())
        return false;
    for (qsizetype start = 0; start + phrase.size() <= tokens.size(); ++start) {
        if (std::equal(phrase.cbegin(), phrase.cend(), tokens.cbegin() + start))
            return true;
    }
    return false;
}

void turnMatches(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *tokenizer = static_cast<const Tokenizer *>(sqlite3_user_data(context));
    // The match expression is the same on every row of a statement: parsed once.
    auto *phrases = static_cast<QList<Tokens> *>(sqlite3_get_auxdata(context, 1));
    std::unique_ptr<QList<Tokens>> fresh;
    if (!phrases) {
        fresh = std::make_unique<QList<Tokens>>(phrasesOf(
            *tokenizer, QByteArray(reinterpret_cast<const char *>(sqlite3_value_text(argv[1])), sqlite3_value_bytes(argv[1]))));
        phrases = fresh.get();
    }
    const Tokens tokens = tokenizer->tokens(
        QByteArray::fromRawData(reinterpret_cast<const char *>(sqlite3_value_text(argv[0])), sqlite3_value_bytes(argv[0])),
        FTS5_TOKENIZE_DOCUMENT);
    bool all = !phrases->isEmpty();
    for (const Tokens &phrase : *phrases)
        all = all && containsPhrase(tokens, phrase);
    sqlite3_result_int(context, all);
    if (fresh)
        sqlite3_set_auxdata(context, 1, fresh.release(), [](void *data) { delete static_cast<QList<Tokens> *>(data); });
}

} // namespace

bool TurnMatchFunction::install(const QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = QStringLiteral("not an SQLite connection");
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    fts5_api *fts5 = fts5Of(connection);
    auto tokenizer = std::make_unique<Tokenizer>();
    void *userData = nullptr;
    const char *options[] = {"remove_diacritics", "2"};
    if (!fts5 || fts5->xFindTokenizer(fts5, "unicode61", &userData, &tokenizer->api) != SQLITE_OK
        || tokenizer->api.xCreate(userData, options, 2, &tokenizer->instance) != SQLITE_OK) {
        *error = QStringLiteral("cannot register %1: no FTS5 unicode61 tokenizer").arg(name());
        return false;
    }
    const int result = sqlite3_create_function_v2(connection, name().toUtf8().constData(), 2,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, tokenizer.release(), turnMatches,
                                                  nullptr, nullptr,
                                                  [](void *data) { delete static_cast<Tokenizer *>(data); });
    if (result != SQLITE_OK) {
        *error = QStringLiteral("cannot register %1: %2").arg(name(), QString::fromUtf8(sqlite3_errstr(result)));
        return false;
    }
    return true;
}
