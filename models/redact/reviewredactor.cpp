#include "reviewredactor.h"

#include <QSet>

namespace {

// A value said in a turn, as a quote of it may write it: a number by its digits with any
// separators between them ("4111-1111…" for "4111 1111 …"), a text as said, any case.
QRegularExpression quotePattern(const QString &value)
{
    QString digits;
    for (QChar c : value) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.size() >= 4 && digits.size() * 2 >= value.size()) {
        QStringList each;
        for (QChar digit : std::as_const(digits))
            each.append(QString(digit));
        return QRegularExpression(QStringLiteral("(?<![0-9])") + each.join(QStringLiteral("[\\s().+\\-/]*"))
                                  + QStringLiteral("(?![0-9])"));
    }
    return QRegularExpression(QStringLiteral("(?<!\\w)") + QRegularExpression::escape(value) + QStringLiteral("(?!\\w)"),
                              QRegularExpression::CaseInsensitiveOption);
}

} // namespace

ReviewRedactor::ReviewRedactor(const Redactor &redactor, const CallLog &call)
    : m_redactor(redactor), m_known(Redactor::knownValuesOf(call))
{
    const RedactionContext context(call.turns, m_known);
    QSet<QString> seen;
    for (const RedactionSpan &span : m_redactor.find(context)) {
        const QString value = context.text(span.turn).mid(span.begin, span.length()).trimmed();
        if (value.size() < 2 || seen.contains(value.toLower()))
            continue;
        seen.insert(value.toLower());
        m_quotes.append({quotePattern(value), span.kind});
    }
}

QString ReviewRedactor::redacted(const QString &text) const
{
    if (text.isEmpty())
        return text;
    Turn turn;
    turn.role = Turn::Role::TestingAgent;
    turn.content = text;
    RedactionSpans spans = m_redactor.find(RedactionContext({turn}, m_known));
    for (const Quote &quote : m_quotes) {
        for (auto match = quote.pattern.globalMatch(text); match.hasNext();) {
            const QRegularExpressionMatch hit = match.next();
            spans.append({0, hit.capturedStart(), hit.capturedEnd(), quote.kind});
        }
    }
    return spans.isEmpty() ? text : Redactor::replaced(text, Redactor::joined(spans), nullptr);
}

bool ReviewRedactor::redact(CallLog &call) const
{
    bool changed = false;
    const auto redactText = [&](QString &text) {
        const QString redactedText = redacted(text);
        if (redactedText != text) {
            text = redactedText;
            changed = true;
        }
    };
    if (call.feedback)
        redactText(*call.feedback);
    if (call.annotations) {
        for (TurnLabel &label : *call.annotations) {
            redactText(label.label);
            redactText(label.note);
        }
    }
    for (ReviewEvent &event : call.reviewHistory) {
        if (event.field == QLatin1String("status"))
            continue;   // a status name, never a quote
        // A null value (the field was unset) stays null.
        if (!event.oldValue.isNull())
            redactText(event.oldValue);
        if (!event.newValue.isNull())
            redactText(event.newValue);
    }
    for (MetricResult &result : call.metrics) {
        for (QString &line : result.explanation)
            redactText(line);
        redactText(result.notApplicableReason);
        redactText(result.error);
    }
    return changed;
}
