#include "publicsuffix.h"

#include <libpsl.h>

namespace {

const psl_ctx_t *suffixList()
{
    // Read-only once loaded, so one list serves every thread.
    static const psl_ctx_t *const list = psl_latest(nullptr);
    return list;
}

} // namespace

bool PublicSuffix::isSuffix(const QString &suffix)
{
    if (!suffixList() || suffix.isEmpty())
        return false;
    const QByteArray utf8 = suffix.toLower().toUtf8();
    return psl_is_public_suffix2(suffixList(), utf8.constData(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
}

bool PublicSuffix::isRegistrable(const QString &domain)
{
    const QString lower = domain.toLower();
    if (!suffixList() || lower.startsWith(QLatin1Char('.')) || lower.endsWith(QLatin1Char('.'))
        || !lower.contains(QLatin1Char('.')))
        return false;
    // The longest listed suffix that leaves a label before it.
    for (qsizetype dot = lower.indexOf(QLatin1Char('.')); dot >= 0; dot = lower.indexOf(QLatin1Char('.'), dot + 1)) {
        if (isSuffix(lower.mid(dot + 1)))
            return true;
    }
    return false;
}
