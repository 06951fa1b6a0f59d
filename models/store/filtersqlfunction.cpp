#include "filtersqlfunction.h"

#include "calllog/filtercomparison.h"
#include "calllog/filtervalueset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>

#include <sqlite3.h>

#include <memory>

namespace {

// The constant arguments of one call site, parsed once per statement.
struct Prepared
{
    QString op;
    QJsonValue value;
    std::unique_ptr<FilterValueSet> inSet;
};

QString textOf(sqlite3_value *value)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(value)), sqlite3_value_bytes(value));
}

std::unique_ptr<Prepared> prepare(sqlite3_value **argv)
{
    auto prepared = std::make_unique<Prepared>();
    prepared->op = textOf(argv[0]);
    prepared->value = QJsonDocument::fromJson(textOf(argv[1]).toUtf8()).array().at(0);
    if (prepared->op == QLatin1String("in"))
        prepared->inSet = std::make_unique<FilterValueSet>(prepared->value.toArray(), false);
    return prepared;
}

QJsonValue jsonOf(sqlite3_value *value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        return double(sqlite3_value_int64(value));
    case SQLITE_FLOAT:
        return sqlite3_value_double(value);
    case SQLITE_TEXT:
        return textOf(value);
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

void match(sqlite3_context *context, int, sqlite3_value **argv)
{
    auto *prepared = static_cast<Prepared *>(sqlite3_get_auxdata(context, 1));
    std::unique_ptr<Prepared> fresh;
    if (!prepared) {
        fresh = prepare(argv);
        prepared = fresh.get();
    }
    sqlite3_result_int(context, FilterComparison::matches(jsonOf(argv[2]), prepared->op, prepared->value, false,
                                                          prepared->inSet.get()));
    if (fresh)
        sqlite3_set_auxdata(context, 1, fresh.release(), [](void *data) { delete static_cast<Prepared *>(data); });
}

} // namespace

bool FilterSqlFunction::install(const QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = QStringLiteral("not an SQLite connection");
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    const int result = sqlite3_create_function_v2(connection, name().toUtf8().constData(), 3,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, match, nullptr,
                                                  nullptr, nullptr);
    if (result != SQLITE_OK) {
        *error = QStringLiteral("cannot register %1: %2").arg(name(), QString::fromUtf8(sqlite3_errstr(result)));
        return false;
    }
    return true;
}
