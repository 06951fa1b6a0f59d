#include "spokentext.h"

#include <algorithm>

SpokenText SpokenText::identity(const QString &original)
{
    SpokenText text;
    text.m_text = original;
    text.m_originalBegin.reserve(original.size());
    text.m_originalEnd.reserve(original.size());
    for (qsizetype i = 0; i < original.size(); ++i) {
        text.m_originalBegin.append(i);
        text.m_originalEnd.append(i + 1);
    }
    return text;
}

SpokenText SpokenText::through(const SpokenText &outer, const SpokenText &inner)
{
    SpokenText text;
    text.m_text = outer.m_text;
    text.m_originalBegin.reserve(outer.m_text.size());
    text.m_originalEnd.reserve(outer.m_text.size());
    for (qsizetype i = 0; i < outer.m_text.size(); ++i) {
        const auto [from, to] = inner.originalRange(outer.m_originalBegin[i], outer.m_originalEnd[i]);
        text.m_originalBegin.append(from);
        text.m_originalEnd.append(to);
    }
    return text;
}

void SpokenText::append(const QString &text, qsizetype originalBegin, qsizetype originalEnd)
{
    m_text += text;
    for (qsizetype i = 0; i < text.size(); ++i) {
        m_originalBegin.append(originalBegin);
        m_originalEnd.append(originalEnd);
    }
}

std::pair<qsizetype, qsizetype> SpokenText::originalRange(qsizetype begin, qsizetype end) const
{
    if (m_text.isEmpty() || begin >= end)
        return {0, 0};
    begin = std::clamp<qsizetype>(begin, 0, m_text.size() - 1);
    end = std::clamp<qsizetype>(end, begin + 1, m_text.size());
    qsizetype from = m_originalBegin[begin];
    qsizetype to = m_originalEnd[end - 1];
    for (qsizetype i = begin; i < end; ++i) {
        from = std::min(from, m_originalBegin[i]);
        to = std::max(to, m_originalEnd[i]);
    }
    return {from, to};
}
