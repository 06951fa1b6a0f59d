#include "textmatches.h"

namespace {

bool isTokenChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Calls `visit(start, length)` for each token of `text`.
template<typename Visit>
void forEachToken(const QString &text, Visit visit)
{
    int start = -1;
    for (int i = 0; i <= text.size(); ++i) {
        const bool inside = i < text.size() && isTokenChar(text.at(i));
        if (inside && start < 0)
            start = i;
        else if (!inside && start >= 0) {
            visit(start, i - start);
            start = -1;
        }
    }
}

} // namespace

QStringList TextMatches::tokens(const QString &text)
{
    QStringList result;
    forEachToken(text, [&](int start, int length) { result.append(text.mid(start, length).toCaseFolded()); });
    return result;
}

bool TextMatches::containsAllTokens(const QString &text, const QStringList &terms)
{
    if (terms.isEmpty())
        return false;
    const QStringList present = tokens(text);
    return std::all_of(terms.cbegin(), terms.cend(), [&](const QString &term) { return present.contains(term); });
}

QList<TextMatches::Span> TextMatches::tokenSpans(const QString &text, const QStringList &terms)
{
    QList<Span> spans;
    if (terms.isEmpty())
        return spans;
    forEachToken(text, [&](int start, int length) {
        if (terms.contains(text.mid(start, length).toCaseFolded()))
            spans.append({start, length});
    });
    return spans;
}

QList<TextMatches::Span> TextMatches::occurrences(const QString &text, const QString &needle)
{
    QList<Span> spans;
    if (needle.isEmpty())
        return spans;
    for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
        spans.append({int(at), int(needle.size())});
    return spans;
}

QList<TextMatches::Span> TextMatches::wordSpans(const QString &text, const QStringList &words)
{
    QList<Span> spans;
    spans.reserve(words.size());
    qsizetype from = 0;
    for (const QString &word : words) {
        // "Hello," in the word list and "hello" in the text (or the reverse) are the same word.
        qsizetype first = 0;
        qsizetype last = word.size();
        while (first < last && !isTokenChar(word.at(first)))
            ++first;
        while (last > first && !isTokenChar(word.at(last - 1)))
            --last;
        const QString core = word.mid(first, last - first);
        const qsizetype at = core.isEmpty() ? -1 : text.indexOf(core, from, Qt::CaseInsensitive);
        if (at < 0) {
            spans.append({-1, 0});
            continue;
        }
        spans.append({int(at), int(core.size())});
        from = at + core.size();
    }
    return spans;
}
